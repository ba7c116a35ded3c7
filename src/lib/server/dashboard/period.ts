import { parsePeriod, todayOf, DEFAULT_PERIOD, type PeriodKind } from '../../domain/period';

/**
 * A dashboard's period from its URL (`?period=quarter&at=…`, `?period=custom&from=…&to=…`).
 * Anything unsound is not an error page: the dashboard shows the default (the last pulse) and
 * the form says what was wrong, beside the field.
 */
export function periodFromUrl(url: URL, now: Date) {
	const get = (name: string) => url.searchParams.get(name);
	const parsed = parsePeriod(
		{ period: get('period'), at: get('at'), from: get('from'), to: get('to') },
		todayOf(now)
	);
	const asked = get('period') as PeriodKind | null;
	return {
		choice: parsed.ok ? parsed.choice : DEFAULT_PERIOD,
		problem: parsed.ok ? null : { refusal: parsed.refusal, field: parsed.field },
		// What the form shows again: the kind asked for (if it is one) and the dates as typed.
		query: {
			period: parsed.ok ? parsed.choice.kind : asked && asked in KIND_SET ? asked : 'pulse',
			from: (get('from') ?? '').slice(0, 10),
			to: (get('to') ?? '').slice(0, 10)
		}
	};
}

const KIND_SET = { pulse: 1, quarter: 1, half: 1, year: 1, custom: 1 } satisfies Record<
	PeriodKind,
	1
>;
