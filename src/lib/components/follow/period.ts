import {
	calendarNumber,
	rangeLength,
	type DayRange,
	type ResolvedPeriod
} from '$lib/domain/period';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dayText } from './format';

/** A `YYYY-MM` month in the page's language: "August 2026", "augustus 2026". */
export function monthName(month: string): string {
	return new Intl.DateTimeFormat(getLocale(), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${month}-15T12:00:00Z`));
}

/** A range of days: one day, or "1 Jul 2026 – 30 Sep 2026". */
export function rangeText(range: DayRange): string {
	return range.from === range.to
		? dayText(range.from)
		: m.follow_period_range_name({ from: dayText(range.from), to: dayText(range.to) });
}

/**
 * A period's name: "Q3 2026", "H2 2026", "2026", "the pulse check of 3 Aug 2026", or (the
 * organisation's last pulse checks) "the pulse checks of August 2026"; custom days by their range.
 */
export function periodName(
	kind: ResolvedPeriod['kind'],
	range: DayRange,
	grain: 'day' | 'month' = 'day'
): string {
	const year = range.from.slice(0, 4);
	switch (kind) {
		case 'pulse':
			return grain === 'day'
				? m.follow_period_pulse_name({ date: dayText(range.from) })
				: m.follow_period_month_name({ month: monthName(range.from.slice(0, 7)) });
		case 'quarter':
			return m.follow_period_quarter_name({ n: calendarNumber('quarter', range), year });
		case 'half':
			return m.follow_period_half_name({ n: calendarNumber('half', range), year });
		case 'year':
			return m.follow_period_year_name({ year });
		case 'custom':
			return rangeText(range);
	}
}

/** The sentence that says which period the numbers are of, and what they are compared with. */
export function periodSentence(period: ResolvedPeriod, grain: 'day' | 'month' = 'day'): string {
	const name = (range: DayRange) => periodName(period.kind, range, grain);
	const { current, previous } = period;
	if (period.kind === 'custom') {
		return m.follow_period_showing_days({
			range: rangeText(current),
			days: rangeLength(current),
			previousRange: rangeText(previous!)
		});
	}
	if (period.kind === 'pulse' && grain === 'day') {
		return previous
			? m.follow_period_showing_pulse({ period: name(current), previous: name(previous) })
			: m.follow_period_showing_pulse_alone({ period: name(current) });
	}
	return previous
		? m.follow_period_showing({
				period: name(current),
				range: rangeText(current),
				previous: name(previous),
				previousRange: rangeText(previous)
			})
		: m.follow_period_showing_alone({ period: name(current), range: rangeText(current) });
}

/** What a change is against: "Q2 2026", "the pulse check of 6 Jul 2026", or the days before. */
export function previousName(period: ResolvedPeriod, grain: 'day' | 'month' = 'day'): string {
	return period.previous ? periodName(period.kind, period.previous, grain) : '';
}

/** A sentence that starts with a name in lower case ("the pulse check of …") starts upper case. */
export function capitalised(text: string): string {
	return text.charAt(0).toLocaleUpperCase(getLocale()) + text.slice(1);
}
