/**
 * The management dashboard's numbers over time, from aggregates SQL returns per pulse (counts
 * and sums, never single answers): % favourable and eNPS per pulse, combined per month across
 * teams, follow-through at each point in time, and their trends. Below the organisation's
 * minimum group size a pulse's numbers are hidden, with the reason, and it is left out of every
 * combination (so no total can be taken apart into a small group's answers).
 */
import { standingSeries, type CommitmentRecord } from './commitments';
import { LENSES, type Lens } from './culture';
import { combineVotes, culturalEntropy, lensGaps, meetsMinimumGroup, type Hidden } from './metrics';

/** One pulse as SQL sums it up. */
export interface PulseAggregate {
	pulseId: string;
	teamId: string;
	/** `YYYY-MM-DD`: the pulse's point on the time axis. */
	opensOn: string;
	/** When the pulse was made (ms): orders two pulses opened on the same day. */
	createdAt: number;
	/** Responses so far, released or not: a count only, said where the numbers are hidden. */
	responses: number;
	/** Respondents behind the latest release, which every number below is of. */
	respondents: number;
	/** Answers to value statements, and how many of them were 4 or 5. */
	valueAnswers: number;
	valueFavourable: number;
	/** Answers to the eNPS question, promoters (9–10) and detractors (0–6) among them. */
	enpsAnswers: number;
	promoters: number;
	detractors: number;
}

export interface SeriesPoint {
	/** `YYYY-MM-DD` of a pulse, or `YYYY-MM` of a month. */
	date: string;
	respondents: number;
	/** Why the numbers are missing, when too few answered. */
	hidden: Hidden | null;
	favourable: number | null;
	enps: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : (part * 100) / whole);

type Sums = Omit<PulseAggregate, 'pulseId' | 'teamId' | 'opensOn' | 'createdAt' | 'responses'>;

function point(date: string, sums: Sums) {
	return {
		date,
		respondents: sums.respondents,
		hidden: null,
		favourable: share(sums.valueFavourable, sums.valueAnswers),
		enps:
			sums.enpsAnswers === 0
				? null
				: share(sums.promoters, sums.enpsAnswers)! - share(sums.detractors, sums.enpsAnswers)!
	};
}

const hiddenPoint = (date: string, n: number, min: number): SeriesPoint => ({
	date,
	respondents: n,
	hidden: { hidden: true, reason: 'below_minimum', n, min },
	favourable: null,
	enps: null
});

/**
 * Pulses in the order they happened: by the day they opened, then by when they were made, then
 * by id, so that two pulses of one day always come in the same order.
 */
export function byOpening(
	a: Pick<PulseAggregate, 'opensOn' | 'createdAt' | 'pulseId'>,
	b: Pick<PulseAggregate, 'opensOn' | 'createdAt' | 'pulseId'>
): number {
	return (
		a.opensOn.localeCompare(b.opensOn) ||
		a.createdAt - b.createdAt ||
		(a.pulseId < b.pulseId ? -1 : a.pulseId > b.pulseId ? 1 : 0)
	);
}

/** One point per pulse, oldest first; numbers only where enough people answered. */
export function pulseSeries(pulses: readonly PulseAggregate[], min: number): SeriesPoint[] {
	return [...pulses]
		.sort(byOpening)
		.map((p) =>
			meetsMinimumGroup(p.respondents, min)
				? point(p.opensOn, p)
				: hiddenPoint(p.opensOn, p.responses, min)
		);
}

/**
 * One point per month across teams, from the pulses that met the minimum on their own: the
 * answers of all of them together (not an average of averages). A month whose every pulse was
 * too small is hidden, with the respondents of the pulses left out.
 */
export function monthlySeries(pulses: readonly PulseAggregate[], min: number): SeriesPoint[] {
	const months = new Map<string, PulseAggregate[]>();
	for (const p of pulses) {
		const month = p.opensOn.slice(0, 7);
		months.set(month, [...(months.get(month) ?? []), p]);
	}
	return [...months]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([month, group]) => {
			const shown = group.filter((p) => meetsMinimumGroup(p.respondents, min));
			if (shown.length === 0) {
				return hiddenPoint(month, Math.max(...group.map((p) => p.responses)), min);
			}
			const sums = {
				respondents: 0,
				valueAnswers: 0,
				valueFavourable: 0,
				enpsAnswers: 0,
				promoters: 0,
				detractors: 0
			};
			for (const p of shown) {
				for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += p[key];
			}
			return point(month, sums);
		});
}

/** One pulse's answers to its statement about one subject (a value or a leader), summed. */
export interface StatementAggregate {
	pulseId: string;
	/** The value's or the leader's id. */
	subjectId: string;
	answers: number;
	/** Answers of 4 or 5. */
	favourable: number;
}

export interface FavourablePoint {
	date: string;
	respondents: number;
	hidden: Hidden | null;
	/** Null where the pulse did not ask about the subject. */
	favourable: number | null;
}

/**
 * % favourable for each subject (value or leader) over a team's pulses: one point per pulse,
 * oldest first, hidden (with the reason) where the pulse had fewer respondents than the minimum.
 */
export function favourableSeries<S extends { id: string }>(
	pulses: readonly Pick<
		PulseAggregate,
		'pulseId' | 'opensOn' | 'createdAt' | 'respondents' | 'responses'
	>[],
	rows: readonly StatementAggregate[],
	subjects: readonly S[],
	min: number
): (S & { points: FavourablePoint[] })[] {
	const ordered = [...pulses].sort(byOpening);
	const sums = new Map(rows.map((r) => [`${r.pulseId}\u0000${r.subjectId}`, r]));
	return subjects.map((subject) => ({
		...subject,
		points: ordered.map((p): FavourablePoint => {
			const n = p.respondents;
			if (!meetsMinimumGroup(n, min)) {
				return {
					date: p.opensOn,
					respondents: p.responses,
					hidden: { hidden: true, reason: 'below_minimum', n: p.responses, min },
					favourable: null
				};
			}
			const row = sums.get(`${p.pulseId}\u0000${subject.id}`);
			return {
				date: p.opensOn,
				respondents: n,
				hidden: null,
				favourable: row ? share(row.favourable, row.answers) : null
			};
		})
	}));
}

/**
 * A team's latest pulse beside the others: the latest whose numbers are shown (a withheld pulse
 * opened the same day or later does not hide it); when none is shown, the latest, to say why.
 */
export function latestPulse(points: readonly SeriesPoint[]): SeriesPoint | null {
	return points.findLast((p) => !p.hidden) ?? points.at(-1) ?? null;
}

/** The latest shown % favourable of a subject's series, or null. */
export function latestFavourable(points: readonly FavourablePoint[]): number | null {
	return points.findLast((p) => !p.hidden && p.favourable !== null)?.favourable ?? null;
}

export interface CommitmentPoint {
	date: string;
	rate: number | null;
	due: number;
	open: number;
	overdue: number;
}

/** Follow-through, open and overdue commitments as they stood at the end of each day given. */
export function commitmentSeries(
	records: readonly CommitmentRecord[],
	days: readonly string[]
): CommitmentPoint[] {
	const dates = [...new Set(days)].sort();
	const standing = standingSeries(
		records,
		dates.map((date) => Date.parse(`${date}T23:59:59.999Z`))
	);
	return dates.map((date, i) => {
		const { rate, due, open, overdue } = standing[i];
		return { date, rate, due, open, overdue };
	});
}

/** One rate activity's answers to one value under one lens, as SQL sums them. */
export interface RatingAggregate {
	workshopId: string;
	title: string;
	/** `YYYY-MM-DD`: when the workshop ran (or was made). */
	date: string;
	/** The same moment in ms, which orders two workshops of one day. */
	at: number;
	scale: { min: number; max: number };
	valueId: string;
	lens: Lens;
	answers: number;
	total: number;
	/** Distinct participants who answered. */
	people: number;
}

export interface GapPoint {
	date: string;
	workshopId: string;
	title: string;
	hidden: Hidden | null;
	/** Mean over the values of current → strategic, in % of the scale (−100 … +100). */
	strategic: number | null;
	/** Mean over the values of assumed → current (say-do), in % of the scale. */
	sayDo: number | null;
}

/**
 * The strategic and say-do gap per workshop (docs/metrics.md §2) from its ratings. Means are
 * put on one 0–100 scale first, so that 1–5 and 0–10 ratings can be compared; a lens whose
 * answers came from fewer people than the minimum is left out, and a workshop with no gap left
 * says why.
 */
export function workshopGapSeries(rows: readonly RatingAggregate[], min: number): GapPoint[] {
	const workshops = new Map<string, RatingAggregate[]>();
	for (const row of rows) {
		const group = workshops.get(row.workshopId);
		if (group) group.push(row);
		else workshops.set(row.workshopId, [row]);
	}
	const points: (GapPoint & { at: number })[] = [];
	for (const [workshopId, group] of workshops) {
		const sums = new Map<string, { weighted: number; answers: number; people: number }>();
		for (const r of group) {
			if (r.answers === 0 || r.scale.max <= r.scale.min) continue;
			const share = ((r.total / r.answers - r.scale.min) * 100) / (r.scale.max - r.scale.min);
			const key = `${r.valueId}\u0000${r.lens}`;
			const s = sums.get(key) ?? { weighted: 0, answers: 0, people: 0 };
			s.weighted += share * r.answers;
			s.answers += r.answers;
			s.people = Math.max(s.people, r.people);
			sums.set(key, s);
		}
		const mean = (valueId: string, lens: Lens) => {
			const s = sums.get(`${valueId}\u0000${lens}`);
			return s && meetsMinimumGroup(s.people, min) ? s.weighted / s.answers : null;
		};
		const valueIds = [...new Set(group.map((r) => r.valueId))];
		const strategic: number[] = [];
		const sayDo: number[] = [];
		for (const valueId of valueIds) {
			const gaps = lensGaps({
				assumed: mean(valueId, 'assumed'),
				current: mean(valueId, 'current'),
				strategic: mean(valueId, 'strategic')
			});
			const of = (id: string) => gaps.find((g) => g.id === id)?.gap ?? null;
			if (of('strategic') !== null) strategic.push(of('strategic')!);
			if (of('say_do') !== null) sayDo.push(of('say_do')!);
		}
		const average = (list: number[]) =>
			list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length;
		const people = Math.max(...group.map((r) => r.people));
		const none = strategic.length === 0 && sayDo.length === 0;
		points.push({
			date: group[0].date,
			at: group[0].at,
			workshopId,
			title: group[0].title,
			hidden:
				none && !meetsMinimumGroup(people, min)
					? { hidden: true, reason: 'below_minimum', n: people, min }
					: null,
			strategic: average(strategic),
			sayDo: average(sayDo)
		});
	}
	return points
		.filter((p) => p.hidden || p.strategic !== null || p.sayDo !== null)
		.sort((a, b) => a.at - b.at)
		.map(({ at: _, ...point }) => point);
}

/** One dot-vote or allocation activity's dots or points on one value, as SQL sums them. */
export interface VoteAggregate {
	workshopId: string;
	teamId: string;
	title: string;
	/** `YYYY-MM-DD`: when the workshop ran (or was made). */
	date: string;
	/** The same moment in ms, which orders two workshops of one day. */
	at: number;
	activityId: string;
	lens: Lens;
	valueId: string;
	/** Whether the value is marked limiting on the team's map. */
	limiting: boolean;
	total: number;
}

export interface EntropyPoint {
	date: string;
	workshopId: string;
	teamId: string;
	title: string;
	/** Set when no lens is shown because each had fewer voters than the minimum. */
	hidden: Hidden | null;
	/** Cultural entropy (%) per lens that was voted on by enough people; null otherwise. */
	entropy: Record<Lens, number | null>;
}

/**
 * Cultural entropy per workshop and lens (docs/metrics.md §5), as its results page computes
 * it: a lens's activities are combined with `combineVotes`, the people behind it are those of
 * its largest activity (`respondents` per activity id), and a lens voted on by fewer people
 * than the minimum is left out. Ordered by when the workshops ran.
 */
export function workshopEntropySeries(
	rows: readonly VoteAggregate[],
	respondents: ReadonlyMap<string, number>,
	min: number
): EntropyPoint[] {
	const workshops = new Map<string, VoteAggregate[]>();
	for (const row of rows) {
		const group = workshops.get(row.workshopId);
		if (group) group.push(row);
		else workshops.set(row.workshopId, [row]);
	}
	const points: (EntropyPoint & { at: number })[] = [];
	for (const [workshopId, group] of workshops) {
		const entropy = Object.fromEntries(LENSES.map((lens) => [lens, null])) as Record<
			Lens,
			number | null
		>;
		let people = 0;
		for (const lens of LENSES) {
			const own = group.filter((r) => r.lens === lens);
			const ids = [...new Set(own.map((r) => r.activityId))];
			if (ids.length === 0) continue;
			const voters = Math.max(...ids.map((id) => respondents.get(id) ?? 0));
			people = Math.max(people, voters);
			if (!meetsMinimumGroup(voters, min)) continue;
			const tally = combineVotes(
				ids.map((id) =>
					own.filter((r) => r.activityId === id).map((r) => [r.valueId, r.total] as const)
				)
			);
			const limiting = new Map(own.map((r) => [r.valueId, r.limiting]));
			entropy[lens] =
				culturalEntropy([...tally].map(([id, votes]) => ({ votes, limiting: limiting.get(id)! })))
					?.percent ?? null;
		}
		const shown = LENSES.some((lens) => entropy[lens] !== null);
		if (!shown && people === 0) continue;
		points.push({
			date: group[0].date,
			at: group[0].at,
			workshopId,
			teamId: group[0].teamId,
			title: group[0].title,
			hidden: shown ? null : { hidden: true, reason: 'below_minimum', n: people, min },
			entropy
		});
	}
	return points.sort((a, b) => a.at - b.at).map(({ at: _, ...point }) => point);
}

/** The most recent workshop with an entropy under `lens`, or null when there is none. */
export function latestEntropy(
	points: readonly EntropyPoint[],
	lens: Lens
): { date: string; title: string; percent: number } | null {
	const point = points.findLast((p) => p.entropy[lens] !== null);
	return point ? { date: point.date, title: point.title, percent: point.entropy[lens]! } : null;
}
