/**
 * The numbers the analytics pages show: per-item rating statistics, gaps between lenses,
 * distance and alignment between vote distributions, cultural entropy, eNPS and
 * follow-through (changes between periods are in change.ts). Pure TypeScript; definitions,
 * sources and worked examples in docs/metrics.md.
 *
 * Inputs are aggregates as SQL returns them (a count per answer value, a vote total per
 * value), never lists of individual answers. Every share and rate is a percentage (0–100),
 * unrounded: rounding is the page's job. "No data" is `null`, never 0 or NaN.
 */
import { GAPS, LENSES, type Lens } from './culture';

// ------------------------------------------------------------ inputs

/**
 * Totals per key: a `Map`, or `[key, count]` pairs (e.g. `rows.map((r) => [r.score, r.n])`).
 * Repeated keys are added up; zero counts are ignored.
 */
export type Tally<K> = Iterable<readonly [K, number]>;

/** How many people gave each score to one item: score → number of answers. */
export type Distribution = Tally<number>;

/** The range of a rating scale, whole numbers from `min` to `max` (e.g. SCALES in workshop.ts). */
export interface ScaleRange {
	readonly min: number;
	readonly max: number;
}

/** A point in time: a `Date` or epoch milliseconds. */
export type Instant = Date | number;

const ONE_TO_FIVE: ScaleRange = { min: 1, max: 5 };
const ZERO_TO_TEN: ScaleRange = { min: 0, max: 10 };

/** Adds up a tally per key, dropping zero counts; throws on negative or non-finite counts. */
function totals<K>(tally: Tally<K>): Map<K, number> {
	const map = new Map<K, number>();
	for (const [key, count] of tally) {
		if (!Number.isFinite(count) || count < 0) {
			throw new RangeError(`count for ${String(key)} must be a finite number ≥ 0: ${count}`);
		}
		if (count > 0) map.set(key, (map.get(key) ?? 0) + count);
	}
	return map;
}

/** A distribution as [score, count] pairs in ascending score order; counts must be whole. */
function ratings(distribution: Distribution, scale?: ScaleRange): [number, number][] {
	const pairs = [...totals(distribution)].sort(([a], [b]) => a - b);
	for (const [score, count] of pairs) {
		if (!Number.isFinite(score)) throw new RangeError(`score must be finite: ${score}`);
		if (!Number.isInteger(count)) {
			throw new RangeError(`answers per score must be whole: ${count}`);
		}
		if (scale && (!Number.isInteger(score) || score < scale.min || score > scale.max)) {
			throw new RangeError(`score ${score} is not on the scale ${scale.min}–${scale.max}`);
		}
	}
	return pairs;
}

function checkScale(scale: ScaleRange): void {
	if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max - scale.min < 2) {
		throw new RangeError(`a scale needs at least three whole points: ${scale.min}–${scale.max}`);
	}
}

function sum(values: Iterable<number>): number {
	let total = 0;
	for (const value of values) total += value;
	return total;
}

/** part ÷ whole in %; multiplying first keeps whole results exact (57 of 100: 57, not 56.99…). */
function percent(part: number, whole: number): number {
	return (part * 100) / whole;
}

/** Orders keys for display when their numbers tie: numbers ascending, otherwise by code unit. */
function compareKeys<K>(a: K, b: K): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

// ------------------------------------------------------------ one rated item

type Pairs = readonly (readonly [score: number, count: number])[];

const countOf = (pairs: Pairs) => sum(pairs.map(([, count]) => count));
const meanOf = (pairs: Pairs, n: number) => sum(pairs.map(([score, count]) => score * count)) / n;

/** The k-th smallest answer (1-based). */
function nthAnswer(pairs: Pairs, k: number): number {
	let seen = 0;
	for (const [score, count] of pairs) {
		seen += count;
		if (seen >= k) return score;
	}
	throw new RangeError(`no answer number ${k}`);
}

function medianOf(pairs: Pairs, n: number): number {
	return n % 2 === 1
		? nthAnswer(pairs, (n + 1) / 2)
		: (nthAnswer(pairs, n / 2) + nthAnswer(pairs, n / 2 + 1)) / 2;
}

function sdOf(pairs: Pairs, n: number): number {
	const average = meanOf(pairs, n);
	return Math.sqrt(sum(pairs.map(([score, count]) => count * (score - average) ** 2)) / n);
}

function agreementOf(pairs: Pairs, n: number): number {
	const middle = medianOf(pairs, n);
	return percent(countOf(pairs.filter(([score]) => Math.abs(score - middle) <= 1)), n);
}

/** Van der Eijk's agreement of one layer, given which scale points it uses. */
function patternAgreement(pattern: readonly boolean[]): number {
	const k = pattern.length;
	const used = pattern.filter(Boolean).length;
	if (used === 1) return 1;
	let unimodal = 0; // triples used-used-empty or empty-used-used
	let bimodal = 0; // triples used-empty-used
	for (let i = 0; i < k - 2; i++) {
		for (let j = i + 1; j < k - 1; j++) {
			for (let l = j + 1; l < k; l++) {
				const [a, b, c] = [pattern[i], pattern[j], pattern[l]];
				if (a && !b && c) bimodal++;
				else if ((a && b && !c) || (!a && b && c)) unimodal++;
			}
		}
	}
	// Only a layer that uses every point has no such triples; it is flat, so its A is 0.
	if (unimodal + bimodal === 0) return 0;
	const u = ((k - 2) * unimodal - (k - 1) * bimodal) / ((k - 2) * (unimodal + bimodal));
	return u * (1 - (used - 1) / (k - 1));
}

function vanDerEijkOf(pairs: Pairs, n: number, scale: ScaleRange): number {
	const rest = Array.from({ length: scale.max - scale.min + 1 }, () => 0);
	for (const [score, count] of pairs) rest[score - scale.min] = count;
	// Peel off flat layers, lowest first; A is their agreement weighted by their share of answers.
	let a = 0;
	while (rest.some((count) => count > 0)) {
		const pattern = rest.map((count) => count > 0);
		const height = Math.min(...rest.filter((count) => count > 0));
		a += ((height * pattern.filter(Boolean).length) / n) * patternAgreement(pattern);
		for (let i = 0; i < rest.length; i++) if (pattern[i]) rest[i] -= height;
	}
	// Twelve decimals: enough for any display, and a sum that is −0.1 on paper stays −0.1
	// (not −0.10000000000000003) when compared with POLARISED_BELOW. `|| 0` turns −0 into 0.
	return Math.round(a * 1e12) / 1e12 || 0;
}

/** Number of answers. */
export function answerCount(distribution: Distribution): number {
	return countOf(ratings(distribution));
}

/** Arithmetic mean of the answers; null without answers. */
export function mean(distribution: Distribution): number | null {
	const pairs = ratings(distribution);
	const n = countOf(pairs);
	return n === 0 ? null : meanOf(pairs, n);
}

/** Middle answer (with an even count, the mean of the two middle ones); null without answers. */
export function median(distribution: Distribution): number | null {
	const pairs = ratings(distribution);
	const n = countOf(pairs);
	return n === 0 ? null : medianOf(pairs, n);
}

/** Population standard deviation (÷ n: the room is the whole group); null without answers. */
export function standardDeviation(distribution: Distribution): number | null {
	const pairs = ratings(distribution);
	const n = countOf(pairs);
	return n === 0 ? null : sdOf(pairs, n);
}

/** Share of answers (%) at most one point away from the median; null without answers. */
export function agreement(distribution: Distribution): number | null {
	const pairs = ratings(distribution);
	const n = countOf(pairs);
	return n === 0 ? null : agreementOf(pairs, n);
}

/**
 * Van der Eijk's agreement A (2001) on an ordered scale: +1 everyone gave the same answer,
 * 0 answers spread evenly over the scale, −1 the room split half-and-half over the two ends.
 * Null without answers.
 */
export function vanDerEijkA(distribution: Distribution, scale: ScaleRange): number | null {
	checkScale(scale);
	const pairs = ratings(distribution, scale);
	const n = countOf(pairs);
	return n === 0 ? null : vanDerEijkOf(pairs, n, scale);
}

/**
 * A below this is called polarised: clearly more split than an even spread, not just the
 * dips a scattered room shows by chance (calibration in docs/metrics.md).
 */
export const POLARISED_BELOW = -0.1;

/** Whether the answers split into two camps: van der Eijk's A below POLARISED_BELOW. */
export function isPolarised(distribution: Distribution, scale: ScaleRange): boolean {
	const a = vanDerEijkA(distribution, scale);
	return a !== null && a < POLARISED_BELOW;
}

export interface ItemStats {
	n: number;
	mean: number;
	median: number;
	/** Population standard deviation. */
	sd: number;
	/** % of answers within one point of the median. */
	agreement: number;
	/** Van der Eijk's A, −1 … +1. */
	a: number;
	polarised: boolean;
}

/** All statistics of one rated item; null without answers. Throws on scores off the scale. */
export function itemStats(distribution: Distribution, scale: ScaleRange): ItemStats | null {
	checkScale(scale);
	const pairs = ratings(distribution, scale);
	const n = countOf(pairs);
	if (n === 0) return null;
	const a = vanDerEijkOf(pairs, n, scale);
	return {
		n,
		mean: meanOf(pairs, n),
		median: medianOf(pairs, n),
		sd: sdOf(pairs, n),
		agreement: agreementOf(pairs, n),
		a,
		polarised: a < POLARISED_BELOW
	};
}

// ------------------------------------------------------------ gaps between lenses

export type GapId = (typeof GAPS)[number]['id'];

export interface LensGap {
	id: GapId;
	from: Lens;
	to: Lens;
	/** Mean under `to` minus mean under `from`; null when either lens has no answers. */
	gap: number | null;
}

/** The method's four gaps (say-do, aspiration, strategic, realism) from one value's lens means. */
export function lensGaps(means: Partial<Record<Lens, number | null>>): LensGap[] {
	return GAPS.map(({ id, from, to }) => {
		const a = means[from];
		const b = means[to];
		return { id, from, to, gap: a == null || b == null ? null : b - a };
	});
}

/** Largest absolute gap first, nulls last; equal gaps keep their input order. */
export function largestGapsFirst<T extends { gap: number | null }>(rows: readonly T[]): T[] {
	const size = (gap: number | null) => (gap === null ? -1 : Math.abs(gap));
	return [...rows].sort((x, y) => size(y.gap) - size(x.gap));
}

// ------------------------------------------------------------ vote distributions

/** Each key's share (%) of all votes; null when there are no votes. */
export function voteShares<K>(tally: Tally<K>): Map<K, number> | null {
	const map = totals(tally);
	const all = sum(map.values());
	if (all === 0) return null;
	return new Map([...map].map(([key, votes]) => [key, percent(votes, all)]));
}

/**
 * One lens's votes from its activities: the totals themselves for one activity; for several,
 * the sum of each activity's shares (%), so that an activity of 100 points per person does not
 * outweigh one of 3 dots.
 */
export function combineVotes(
	perActivity: (readonly (readonly [string, number])[])[]
): Map<string, number> {
	const withVotes = perActivity.filter((rows) => rows.some(([, n]) => n > 0));
	const out = new Map<string, number>();
	if (withVotes.length === 1) {
		for (const [key, n] of withVotes[0]) if (n > 0) out.set(key, (out.get(key) ?? 0) + n);
		return out;
	}
	for (const rows of withVotes) {
		for (const [key, share] of voteShares(rows) ?? []) out.set(key, (out.get(key) ?? 0) + share);
	}
	return out;
}

/**
 * How differently two lenses (or two workshops) spread their votes over the values:
 * ½·Σ|share_A − share_B|, from 0 (same spread) to 100 (no value in common). Null when either
 * has no votes.
 */
export function lensDistance<K>(a: Tally<K>, b: Tally<K>): number | null {
	const sharesA = voteShares(a);
	const sharesB = voteShares(b);
	if (!sharesA || !sharesB) return null;
	const keys = new Set([...sharesA.keys(), ...sharesB.keys()]);
	return (
		sum([...keys].map((key) => Math.abs((sharesA.get(key) ?? 0) - (sharesB.get(key) ?? 0)))) / 2
	);
}

/** Relative to the largest value: closer values than this are equal (a tie) in a top list. */
const TIE_TOLERANCE = 1e-9;

/**
 * The `n` keys with most votes, most first. Keys tied with the n-th are all included, so the
 * list may be longer than `n`; keys without votes never are.
 */
export function topValues<K>(tally: Tally<K>, n = 10): K[] {
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1: ${n}`);
	const ranked = [...totals(tally)].sort(([, a], [, b]) => b - a);
	// Tallies combined from shares (combineVotes) carry floating-point noise: two values worth
	// exactly the same (7/36 and 1/6 + 1/36) may differ in the last bit. Values within a
	// billionth of the largest are one tie, grouped from the largest down.
	const tolerance = (ranked[0]?.[1] ?? 0) * TIE_TOLERANCE;
	const ties: [K, number][][] = [];
	for (const entry of ranked) {
		const group = ties.at(-1);
		if (group && group[0][1] - entry[1] <= tolerance) group.push(entry);
		else ties.push([entry]);
	}
	const top: K[] = [];
	for (const group of ties) {
		if (top.length >= n) break;
		top.push(...group.map(([key]) => key).sort(compareKeys));
	}
	return top;
}

export interface Alignment<K> {
	topA: K[];
	topB: K[];
	/** Keys in both top lists, in the order of `topA`. */
	shared: K[];
	/** The denominator: the length of the shorter top list. */
	size: number;
	/** shared ÷ size, in %. */
	percent: number;
}

/**
 * Values alignment (Barrett): how many of the top `n` values of lens A are also in the top `n`
 * of lens B. Null when either lens has no votes.
 */
export function valuesAlignment<K>(a: Tally<K>, b: Tally<K>, n = 10): Alignment<K> | null {
	const topA = topValues(a, n);
	const topB = topValues(b, n);
	if (topA.length === 0 || topB.length === 0) return null;
	const inB = new Set(topB);
	const shared = topA.filter((key) => inB.has(key));
	const size = Math.min(topA.length, topB.length);
	return { topA, topB, shared, size, percent: percent(shared.length, size) };
}

export interface ValueJump<K> {
	key: K;
	/** Share (%) of the votes in the first distribution. */
	from: number;
	/** Share (%) of the votes in the second distribution. */
	to: number;
	/** to − from, in percentage points. */
	change: number;
}

/**
 * Change in each value's vote share between two distributions (e.g. current → strategic, or
 * one workshop → the next), largest absolute change first. Null when either has no votes.
 */
export function valueJumps<K>(from: Tally<K>, to: Tally<K>): ValueJump<K>[] | null {
	const before = voteShares(from);
	const after = voteShares(to);
	if (!before || !after) return null;
	const keys = new Set([...before.keys(), ...after.keys()]);
	return [...keys]
		.map((key) => {
			const a = before.get(key) ?? 0;
			const b = after.get(key) ?? 0;
			return { key, from: a, to: b, change: b - a };
		})
		.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || compareKeys(x.key, y.key));
}

// ------------------------------------------------------------ cultural entropy

/** Barrett's bands, each up to and including `upTo` % of votes on limiting elements. */
export const ENTROPY_BANDS = [
	{ band: 'healthy', upTo: 10 },
	{ band: 'minor', upTo: 20 },
	{ band: 'significant', upTo: 30 },
	{ band: 'serious', upTo: 40 },
	{ band: 'critical', upTo: 100 }
] as const;
export type EntropyBand = (typeof ENTROPY_BANDS)[number]['band'];

/** Band of an entropy %: ≤ 10 healthy, ≤ 20 minor, ≤ 30 significant, ≤ 40 serious, else critical */
export function entropyBand(entropy: number): EntropyBand {
	if (!(entropy >= 0 && entropy <= 100)) throw new RangeError(`entropy must be 0–100: ${entropy}`);
	for (const { band, upTo } of ENTROPY_BANDS) if (entropy <= upTo) return band;
	return 'critical';
}

export interface Entropy {
	/** % of votes that went to elements marked limiting. */
	percent: number;
	band: EntropyBand;
}

/** Cultural entropy of one lens from votes per element; null when there are no votes. */
export function culturalEntropy(
	elements: Iterable<{ votes: number; limiting: boolean }>
): Entropy | null {
	const byKind = totals(Array.from(elements, ({ votes, limiting }) => [limiting, votes] as const));
	const all = sum(byKind.values());
	if (all === 0) return null;
	const entropy = percent(byKind.get(true) ?? 0, all);
	return { percent: entropy, band: entropyBand(entropy) };
}

/** Cultural entropy per lens from (lens, votes, limiting) rows; null for a lens without votes. */
export function entropyByLens(
	rows: Iterable<{ lens: Lens; votes: number; limiting: boolean }>
): Record<Lens, Entropy | null> {
	const list = [...rows];
	return Object.fromEntries(
		LENSES.map((lens) => [lens, culturalEntropy(list.filter((row) => row.lens === lens))])
	) as Record<Lens, Entropy | null>;
}

// ------------------------------------------------------------ consensus

/** An answer given by at least this % of people is the majority view. */
export const MAJORITY_AT_LEAST = 60;

export interface Consensus<K> {
	/** The most given answer(s), several when tied. */
	answers: K[];
	/** Their share (%) each. */
	share: number;
	/** Whether one answer reached the threshold. */
	majority: boolean;
}

/** Whether people answered the same way (same answer value); null without answers. */
export function consensus<K>(tally: Tally<K>, threshold = MAJORITY_AT_LEAST): Consensus<K> | null {
	// Above 50 %, at most one answer can reach the threshold.
	if (!(threshold > 50 && threshold <= 100)) {
		throw new RangeError(`threshold must be above 50 and at most 100: ${threshold}`);
	}
	const map = totals(tally);
	const all = sum(map.values());
	if (all === 0) return null;
	const most = Math.max(...map.values());
	const answers = [...map].filter(([, count]) => count === most).map(([key]) => key);
	const share = percent(most, all);
	return { answers: answers.sort(compareKeys), share, majority: share >= threshold };
}

// ------------------------------------------------------------ eNPS and favourable

export interface Enps {
	n: number;
	/** % answering 9–10. */
	promoters: number;
	/** % answering 7–8. */
	passives: number;
	/** % answering 0–6. */
	detractors: number;
	/** promoters − detractors, −100 … +100. */
	score: number;
}

/** Employee Net Promoter Score from a 0–10 distribution; null without answers. */
export function enps(distribution: Distribution): Enps | null {
	const pairs = ratings(distribution, ZERO_TO_TEN);
	const n = countOf(pairs);
	if (n === 0) return null;
	const within = (low: number, high: number) =>
		percent(countOf(pairs.filter(([score]) => score >= low && score <= high)), n);
	const promoters = within(9, 10);
	const detractors = within(0, 6);
	return { n, promoters, passives: within(7, 8), detractors, score: promoters - detractors };
}

/** % favourable (agree or strongly agree: 4–5) on a 1–5 distribution; null without answers. */
export function favourable(distribution: Distribution): number | null {
	const pairs = ratings(distribution, ONE_TO_FIVE);
	const n = countOf(pairs);
	return n === 0 ? null : percent(countOf(pairs.filter(([score]) => score >= 4)), n);
}

// ------------------------------------------------------------ follow-through

/** A commitment as follow-through needs it; `closedAt` is when it was done or dropped. */
export type CommitmentOutcome =
	| { status: 'open'; dueAt: Instant | null }
	| { status: 'done' | 'dropped'; dueAt: Instant | null; closedAt: Instant };

export interface FollowThrough {
	/** Done ones, open ones past their due date, and ones dropped after their due date. */
	due: number;
	/** Done no later than the due date (or done without a due date). */
	onTime: number;
	/** Done after the due date. */
	late: number;
	/** Still open after the due date. */
	overdue: number;
	/** Dropped after the due date had passed. */
	droppedLate: number;
	/** onTime ÷ due in %; null when nothing is due. */
	rate: number | null;
}

/**
 * Follow-through of commitments at `now`. A commitment dropped before its due date (or one
 * without a due date) is a renegotiation and counts neither way; dropped after it, a miss.
 */
export function followThrough(
	commitments: Iterable<CommitmentOutcome>,
	now: Instant
): FollowThrough {
	const at = +now;
	const result = { due: 0, onTime: 0, late: 0, overdue: 0, droppedLate: 0 };
	for (const c of commitments) {
		const due = c.dueAt === null ? null : +c.dueAt;
		if (c.status === 'done') {
			if (due === null || +c.closedAt <= due) result.onTime++;
			else result.late++;
		} else if (c.status === 'open') {
			if (due !== null && at > due) result.overdue++;
		} else if (due !== null && +c.closedAt > due) {
			result.droppedLate++;
		}
	}
	result.due = result.onTime + result.late + result.overdue + result.droppedLate;
	return { ...result, rate: result.due === 0 ? null : percent(result.onTime, result.due) };
}

// ------------------------------------------------------------ minimum group size

/** Whether a group of `n` answers is large enough to show results (n ≥ min). */
export function meetsMinimumGroup(n: number, min: number): boolean {
	return n >= min;
}

export interface Hidden {
	hidden: true;
	reason: 'below_minimum';
	n: number;
	min: number;
}

/** The metric when `n` meets the minimum group size, otherwise why it is hidden. */
export function unlessTooFew<T>(n: number, min: number, metric: () => T): T | Hidden {
	return meetsMinimumGroup(n, min) ? metric() : { hidden: true, reason: 'below_minimum', n, min };
}

/** Whether a result of `unlessTooFew` was hidden. */
export function isHidden(result: unknown): result is Hidden {
	return (
		typeof result === 'object' &&
		result !== null &&
		(result as Partial<Hidden>).hidden === true &&
		(result as Partial<Hidden>).reason === 'below_minimum'
	);
}
