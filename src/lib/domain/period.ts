/**
 * The period a dashboard shows, and the one it is compared with: the last pulse, a calendar
 * quarter, half year or year, or custom days. Days are `YYYY-MM-DD` read in UTC, as every date
 * of the app is (a commitment is due until the end of its day in UTC; a pulse opens on a day).
 * Pure TypeScript: the dashboards and their tests read it alike.
 */

export const PERIOD_KINDS = ['pulse', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type CalendarKind = 'quarter' | 'half' | 'year';

/** Days from `from` to `to`, both included. */
export interface DayRange {
	from: string;
	to: string;
}

/** What the query asked for, once it is known to be sound. */
export type PeriodChoice =
	| { kind: 'pulse' }
	| { kind: CalendarKind; at: string }
	| { kind: 'custom'; from: string; to: string };

export type PeriodRefusal =
	'unknown_kind' | 'bad_date' | 'missing_dates' | 'from_after_to' | 'too_long' | 'out_of_range';

/** The earliest day a dashboard looks at, and the longest custom period (ten years). */
export const PERIOD_LIMITS = { earliest: '2000-01-01', maxDays: 3660, yearsAhead: 1 } as const;

/** The default: the last pulse against the one before, as the dashboards always opened. */
export const DEFAULT_PERIOD: PeriodChoice = { kind: 'pulse' };

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The day if it is a real calendar day (`2026-02-30` is not), else null. */
export function realDay(value: unknown): string | null {
	if (typeof value !== 'string' || !DATE.test(value)) return null;
	const ms = msOf(value);
	return Number.isNaN(ms) || dayOf(ms) !== value ? null : value;
}

export function addDays(day: string, days: number): string {
	return dayOf(msOf(day) + days * DAY);
}

/** Days in a range, both ends included. */
export function rangeLength(range: DayRange): number {
	return Math.round((msOf(range.to) - msOf(range.from)) / DAY) + 1;
}

/** The last day of a month (`month` 1–12). */
function monthEnd(year: number, month: number): string {
	return dayOf(Date.UTC(year, month, 0));
}

const MONTHS: Record<CalendarKind | 'month', number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The calendar month, quarter, half year or year that holds `day`. */
export function calendarRange(kind: CalendarKind | 'month', day: string): DayRange {
	const [year, month] = day.split('-').map(Number);
	const size = MONTHS[kind];
	const first = Math.floor((month - 1) / size) * size + 1;
	return {
		from: `${year}-${String(first).padStart(2, '0')}-01`,
		to: monthEnd(year, first + size - 1)
	};
}

/**
 * The period before one of the same length: for a calendar period, the calendar period before
 * (a quarter against the quarter before, whatever its days); for custom days, as many days
 * ending the day before.
 */
export function previousRange(kind: PeriodKind, range: DayRange): DayRange {
	if (kind === 'quarter' || kind === 'half' || kind === 'year') {
		return calendarRange(kind, addDays(range.from, -1));
	}
	const length = rangeLength(range);
	return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The calendar period after one (for a "next" link), or null when it starts after `today`. */
export function nextCalendarRange(
	kind: CalendarKind,
	range: DayRange,
	today: string
): DayRange | null {
	const next = calendarRange(kind, addDays(range.to, 1));
	return next.from > today ? null : next;
}

/** The query a dashboard reads: `period`, and `at` or `from` and `to`. */
export interface PeriodQuery {
	period?: string | null;
	at?: string | null;
	from?: string | null;
	to?: string | null;
}

/**
 * Reads a dashboard's period from its query. Nothing asked is the default (the last pulse);
 * anything unsound is refused with its reason and the field it concerns, and the dashboard
 * shows the default with that message beside the field.
 */
export function parsePeriod(
	query: PeriodQuery,
	today: string
):
	| { ok: true; choice: PeriodChoice }
	| { ok: false; refusal: PeriodRefusal; field: 'period' | 'at' | 'from' | 'to' } {
	const kind = query.period || 'pulse';
	if (!(PERIOD_KINDS as readonly string[]).includes(kind)) {
		return { ok: false, refusal: 'unknown_kind', field: 'period' };
	}
	const latest = `${Number(today.slice(0, 4)) + PERIOD_LIMITS.yearsAhead}${today.slice(4)}`;
	const inRange = (day: string) => day >= PERIOD_LIMITS.earliest && day <= latest;
	if (kind === 'pulse') return { ok: true, choice: { kind } };
	if (kind !== 'custom') {
		if (!query.at) return { ok: true, choice: { kind: kind as CalendarKind, at: today } };
		const at = realDay(query.at);
		if (!at) return { ok: false, refusal: 'bad_date', field: 'at' };
		if (!inRange(at)) return { ok: false, refusal: 'out_of_range', field: 'at' };
		return { ok: true, choice: { kind: kind as CalendarKind, at } };
	}
	if (!query.from) return { ok: false, refusal: 'missing_dates', field: 'from' };
	if (!query.to) return { ok: false, refusal: 'missing_dates', field: 'to' };
	const from = realDay(query.from);
	if (!from) return { ok: false, refusal: 'bad_date', field: 'from' };
	const to = realDay(query.to);
	if (!to) return { ok: false, refusal: 'bad_date', field: 'to' };
	if (!inRange(from)) return { ok: false, refusal: 'out_of_range', field: 'from' };
	if (!inRange(to)) return { ok: false, refusal: 'out_of_range', field: 'to' };
	if (from > to) return { ok: false, refusal: 'from_after_to', field: 'to' };
	if (rangeLength({ from, to }) > PERIOD_LIMITS.maxDays) {
		return { ok: false, refusal: 'too_long', field: 'to' };
	}
	return { ok: true, choice: { kind: 'custom', from, to } };
}

/** A period made concrete: its days, those it is compared with, and whether it is still running. */
export interface ResolvedPeriod {
	kind: PeriodKind;
	current: DayRange;
	/** Null when there is nothing before to compare with (a team's first pulse). */
	previous: DayRange | null;
	/** The current period ends after today: its numbers are so far. */
	toDate: boolean;
	/** For a calendar period: the `at` of the period before and after (null: after today). */
	steps: { previous: string; next: string | null } | null;
}

/**
 * Resolves a choice. "The last pulse" needs the days of the pulses that are shown (at or above
 * the minimum, released), oldest first: a team's last one against the one before; for the
 * organisation (`grain: 'month'`), the month of the last shown pulse against the month before.
 * Null when there is no shown pulse to be the last.
 */
export function resolvePeriod(
	choice: PeriodChoice,
	today: string,
	shownDays: readonly string[],
	grain: 'day' | 'month' = 'day'
): ResolvedPeriod | null {
	if (choice.kind === 'pulse') {
		const last = shownDays.at(-1);
		if (!last) return null;
		if (grain === 'month') {
			const [y, mo] = last.split('-').map(Number);
			const current = { from: `${last.slice(0, 7)}-01`, to: monthEnd(y, mo) };
			const before = shownDays.findLast((d) => d < current.from);
			const previous = before
				? {
						from: `${before.slice(0, 7)}-01`,
						to: monthEnd(Number(before.slice(0, 4)), Number(before.slice(5, 7)))
					}
				: null;
			return { kind: 'pulse', current, previous, toDate: current.to > today, steps: null };
		}
		const before = shownDays.findLast((d) => d < last);
		return {
			kind: 'pulse',
			current: { from: last, to: last },
			previous: before ? { from: before, to: before } : null,
			toDate: false,
			steps: null
		};
	}
	if (choice.kind === 'custom') {
		const current = { from: choice.from, to: choice.to };
		return {
			kind: 'custom',
			current,
			previous: previousRange('custom', current),
			toDate: current.to > today,
			steps: null
		};
	}
	const current = calendarRange(choice.kind, choice.at);
	const previous = previousRange(choice.kind, current);
	return {
		kind: choice.kind,
		current,
		previous,
		toDate: current.to > today,
		steps: {
			previous: previous.from,
			next: nextCalendarRange(choice.kind, current, today)?.from ?? null
		}
	};
}

/** Whether a day lies in a range. */
export function within(day: string, range: DayRange): boolean {
	return day >= range.from && day <= range.to;
}

/** Which quarter (1–4) or half (1–2) a calendar range is, for its name. */
export function calendarNumber(kind: CalendarKind, range: DayRange): number {
	return Math.floor((Number(range.from.slice(5, 7)) - 1) / MONTHS[kind]) + 1;
}

/** Today as the app reads days: the UTC calendar day of the instant. */
export function todayOf(now: Date): string {
	return now.toISOString().slice(0, 10);
}

/**
 * The days whose due commitments a period's follow-through counts. A calendar, custom or month
 * period counts its own days; a team's last pulse (one day) counts the days since the pulse
 * before it, up to that pulse, so that the figure says what was due between two pulses.
 */
export function dueDays(period: ResolvedPeriod): { current: DayRange; previous: DayRange | null } {
	if (period.kind !== 'pulse' || period.current.from !== period.current.to) {
		return { current: period.current, previous: period.previous };
	}
	if (!period.previous) return { current: period.current, previous: null };
	return {
		current: { from: addDays(period.previous.to, 1), to: period.current.to },
		previous: null
	};
}
