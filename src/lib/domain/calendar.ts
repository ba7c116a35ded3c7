/**
 * Calendar periods a list can be narrowed to (commitments by due date, board posts by when they
 * were posted): the month, quarter or year that holds today, in UTC calendar days, as the
 * dashboards' periods count them (period.ts).
 */
import { calendarRange, todayOf, within, type DayRange } from './period';

export const CALENDAR_PERIODS = ['month', 'quarter', 'year'] as const;
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/** First and last day (`YYYY-MM-DD`) of the month, quarter or year of `now`. */
export function periodDays(period: CalendarPeriod, now: Date): DayRange {
	return calendarRange(period, todayOf(now));
}

/** Whether the day (`YYYY-MM-DD`) is in the period of `now`; every day is, without a period. */
export function inCalendarPeriod(
	day: string,
	period: CalendarPeriod | undefined,
	now: Date
): boolean {
	return !period || within(day, periodDays(period, now));
}
