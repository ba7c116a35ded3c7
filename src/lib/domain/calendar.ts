/**
 * Calendar periods a list can be narrowed to (commitments by due date, board posts by when they
 * were posted): the month, quarter or year that holds today, in UTC calendar days.
 */
export const CALENDAR_PERIODS = ['month', 'quarter', 'year'] as const;
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/** First and last day (`YYYY-MM-DD`) of the month, quarter or year of `now`. */
export function periodDays(period: CalendarPeriod, now: Date): { from: string; to: string } {
	const year = now.getUTCFullYear();
	const month = now.getUTCMonth();
	const first = period === 'year' ? 0 : period === 'quarter' ? month - (month % 3) : month;
	const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
	const day = (d: Date) => d.toISOString().slice(0, 10);
	return {
		from: day(new Date(Date.UTC(year, first, 1))),
		to: day(new Date(Date.UTC(year, first + months, 0)))
	};
}

/** Whether the day (`YYYY-MM-DD`) is in the period of `now`; every day is, without a period. */
export function inCalendarPeriod(
	day: string,
	period: CalendarPeriod | undefined,
	now: Date
): boolean {
	if (!period) return true;
	const { from, to } = periodDays(period, now);
	return day >= from && day <= to;
}
