/**
 * A workshop's results as the pages show them: the SQL aggregates of queries.ts turned into
 * statistics, gaps, distances, alignment, entropy and jumps with the domain's metrics, with the
 * organisation's minimum group size applied (a hidden number carries why instead).
 * `buildResults` is pure; `loadResults` reads the aggregates and calls it.
 */
import { KINDS } from '../../domain/activity-kinds';
import { LENSES, type Lens } from '../../domain/culture';
import {
	consensus,
	combineVotes,
	culturalEntropy,
	itemStats,
	largestGapsFirst,
	lensDistance,
	lensGaps,
	meetsMinimumGroup,
	topValues,
	valueJumps,
	valuesAlignment,
	voteShares,
	type Entropy,
	type ItemStats,
	type LensGap
} from '../../domain/metrics';
import { SCALES, type Scale } from '../../domain/workshop';
import type { Database } from '../db';
import {
	countRatings,
	countRespondents,
	listValueFacts,
	listVotingActivities,
	sumVotes,
	type RatingCount,
	type Respondents,
	type ValueFacts,
	type VoteTotal,
	type VotingActivity
} from './queries';

/** Why a number is not shown: fewer people behind it than the organisation's minimum. */
export interface TooFew {
	n: number;
	min: number;
}

export interface ItemResult {
	/** Answers, whether shown or not. */
	n: number;
	/** Null when too few answered (see `tooFew`) or nobody did. */
	stats: ItemStats | null;
	/** Answers per score, from the scale's minimum up; empty when hidden. */
	counts: number[];
	/** Whether one answer was given by at least 60 % (docs/metrics.md §7); null when hidden. */
	majority: boolean | null;
	tooFew: TooFew | null;
}

export interface RatedValue {
	valueId: string;
	name: string;
	byLens: Partial<Record<Lens, ItemResult>>;
	/** The four named gaps, from the shown means only. */
	gaps: LensGap[];
}

export interface RatingSection {
	scale: Scale;
	scores: number[];
	/** Lenses rated on this scale, in the method's order. */
	lenses: Lens[];
	values: RatedValue[];
	/** The strategic gap per value, largest first (values without one left out). */
	strategicGaps: { valueId: string; name: string; gap: number }[];
}

export interface ValueVotes {
	valueId: string;
	name: string;
	limiting: boolean;
	/** Dots or points (several activities under one lens: summed shares, see docs/metrics.md). */
	votes: number;
	/** Share of the lens's votes, %. */
	share: number;
}

export interface LensVotes {
	lens: Lens;
	respondents: number;
	/** Null when nobody voted or too few did. */
	values: ValueVotes[] | null;
	entropy: Entropy | null;
	tooFew: TooFew | null;
}

export interface TopList {
	lens: Lens;
	/** Ranked by votes where the lens was voted on, otherwise by mean rating. */
	by: 'votes' | 'rating';
	values: { valueId: string; name: string }[];
}

export interface LensPair {
	a: Lens;
	b: Lens;
}

export interface Results {
	respondents: number;
	min: number;
	/** The whole workshop is below the minimum: nothing else is filled in. */
	tooFew: TooFew | null;
	ratings: RatingSection[];
	votes: LensVotes[];
	tops: TopList[];
	alignments: (LensPair & { shared: string[]; size: number; percent: number })[];
	distances: (LensPair & { distance: number })[];
	/** Current → strategic vote shares, largest change first; null without both. */
	jumps: { valueId: string; name: string; from: number; to: number; change: number }[] | null;
}

export interface ResultsInput {
	activities: VotingActivity[];
	ratings: RatingCount[];
	totals: VoteTotal[];
	respondents: Respondents;
	values: ValueFacts[];
	minGroup: number;
	/** How many values a top list holds (ties at the cut-off are all included). */
	topN?: number;
}

function lensOrder(lenses: Iterable<Lens>): Lens[] {
	const present = new Set(lenses);
	return LENSES.filter((lens) => present.has(lens));
}

/** The results of one workshop from its aggregates. */
export function buildResults(input: ResultsInput): Results {
	const { respondents, minGroup } = input;
	const base: Results = {
		respondents: respondents.all,
		min: minGroup,
		tooFew: null,
		ratings: [],
		votes: [],
		tops: [],
		alignments: [],
		distances: [],
		jumps: null
	};
	if (!meetsMinimumGroup(respondents.all, minGroup)) {
		return { ...base, tooFew: { n: respondents.all, min: minGroup } };
	}
	const facts = new Map(input.values.map((v) => [v.id, v]));
	const nameOf = (id: string) => facts.get(id)?.name ?? '';
	const order = (ids: Iterable<string>) =>
		[...new Set(ids)]
			.filter((id) => facts.has(id))
			.sort((x, y) => facts.get(x)!.position - facts.get(y)!.position);

	const ratings = ratingSections(input, nameOf, order);
	const votes = lensVotes(input, facts, order);

	// Top lists and their alignment: votes where a lens has them, else the mean rating.
	const topN = input.topN ?? 10;
	const rankings = new Map<Lens, { by: 'votes' | 'rating'; tally: [string, number][] }>();
	for (const lens of LENSES) {
		const voted = votes.find((v) => v.lens === lens)?.values;
		if (voted) {
			rankings.set(lens, { by: 'votes', tally: voted.map((v) => [v.valueId, v.votes]) });
			continue;
		}
		const means = ratings.flatMap((section) =>
			section.values.flatMap((value) => {
				const stats = value.byLens[lens]?.stats;
				// Shifted to 1 and up, so a mean of 0 on 0–10 still counts as ranked.
				return stats ? [[value.valueId, stats.mean - SCALES[section.scale].min + 1] as const] : [];
			})
		);
		if (means.length > 0) rankings.set(lens, { by: 'rating', tally: bestPerValue(means) });
	}
	const tops: TopList[] = [...rankings].map(([lens, { by, tally }]) => ({
		lens,
		by,
		values: topValues(tally, topN).map((valueId) => ({ valueId, name: nameOf(valueId) }))
	}));
	const alignments: Results['alignments'] = [];
	const distances: Results['distances'] = [];
	const ranked = lensOrder(rankings.keys());
	for (const [i, a] of ranked.entries()) {
		for (const b of ranked.slice(i + 1)) {
			const aligned = valuesAlignment(rankings.get(a)!.tally, rankings.get(b)!.tally, topN);
			if (aligned) {
				const { shared, size, percent } = aligned;
				alignments.push({ a, b, shared, size, percent });
			}
		}
	}
	const voted = votes.filter((v) => v.values !== null);
	for (const [i, a] of voted.entries()) {
		for (const b of voted.slice(i + 1)) {
			const distance = lensDistance(tallyOf(a), tallyOf(b));
			if (distance !== null) distances.push({ a: a.lens, b: b.lens, distance });
		}
	}
	const current = voted.find((v) => v.lens === 'current');
	const strategic = voted.find((v) => v.lens === 'strategic');
	const jumps =
		current && strategic
			? (valueJumps(tallyOf(current), tallyOf(strategic))?.map((j) => ({
					valueId: j.key,
					name: nameOf(j.key),
					from: j.from,
					to: j.to,
					change: j.change
				})) ?? null)
			: null;

	return { ...base, ratings, votes, tops, alignments, distances, jumps };
}

const tallyOf = (lens: LensVotes) =>
	(lens.values ?? []).map((v) => [v.valueId, v.votes] as [string, number]);

/** One number per value: the highest, where a value was rated on several scales. */
function bestPerValue(pairs: readonly (readonly [string, number])[]): [string, number][] {
	const best = new Map<string, number>();
	for (const [key, value] of pairs) best.set(key, Math.max(best.get(key) ?? -Infinity, value));
	return [...best];
}

function ratingSections(
	input: ResultsInput,
	nameOf: (id: string) => string,
	order: (ids: Iterable<string>) => string[]
): RatingSection[] {
	const scaleOf = new Map<string, Scale>();
	for (const a of input.activities) if (a.config.kind === 'rate') scaleOf.set(a.id, a.config.scale);
	const byScale = new Map<Scale, Map<string, Map<number, number>>>();
	// Each activity's release of an item counts only with the minimum of people behind it
	// (two activities answered by the same three people are not six people); `hidden` keeps
	// the largest group that fell short, for the page to say so.
	const hidden = new Map<string, number>();
	for (const row of input.ratings) {
		const scale = scaleOf.get(row.activityId);
		if (!scale) continue;
		const items = byScale.get(scale) ?? new Map<string, Map<number, number>>();
		byScale.set(scale, items);
		const key = `${row.valueId}\u0000${row.lens}`;
		const counts = items.get(key) ?? new Map<number, number>();
		items.set(key, counts);
		if (meetsMinimumGroup(row.people, input.minGroup)) {
			counts.set(row.score, (counts.get(row.score) ?? 0) + row.n);
		} else {
			hidden.set(key, Math.max(hidden.get(key) ?? 0, row.people));
		}
	}
	const sections: RatingSection[] = [];
	for (const scale of Object.keys(SCALES) as Scale[]) {
		const items = byScale.get(scale);
		if (!items) continue;
		const range = SCALES[scale];
		const scores = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
		const keys = [...items.keys()].map((key) => key.split('\u0000') as [string, Lens]);
		const lenses = lensOrder(keys.map(([, lens]) => lens));
		const values = order(keys.map(([valueId]) => valueId)).map((valueId): RatedValue => {
			const byLens: RatedValue['byLens'] = {};
			for (const lens of lenses) {
				const key = `${valueId}\u0000${lens}`;
				const counts = items.get(key);
				if (counts) {
					byLens[lens] = itemResult(counts, scores, range, {
						n: hidden.get(key) ?? 0,
						min: input.minGroup
					});
				}
			}
			const means = Object.fromEntries(
				lenses.map((lens) => [lens, byLens[lens]?.stats?.mean ?? null])
			);
			return { valueId, name: nameOf(valueId), byLens, gaps: lensGaps(means) };
		});
		const strategicGaps = largestGapsFirst(
			values.map((v) => ({
				valueId: v.valueId,
				name: v.name,
				gap: v.gaps.find((g) => g.id === 'strategic')!.gap
			}))
		).filter((row): row is { valueId: string; name: string; gap: number } => row.gap !== null);
		sections.push({ scale, scores, lenses, values, strategicGaps });
	}
	return sections;
}

/** An item's numbers from the releases shown; with none, why not (`tooFew`). */
function itemResult(
	counts: Map<number, number>,
	scores: number[],
	range: { min: number; max: number },
	tooFew: TooFew
): ItemResult {
	const n = [...counts.values()].reduce((sum, c) => sum + c, 0);
	if (n === 0) return { n: tooFew.n, stats: null, counts: [], majority: null, tooFew };
	return {
		n,
		stats: itemStats(counts, range),
		counts: scores.map((score) => counts.get(score) ?? 0),
		majority: consensus(counts)?.majority ?? null,
		tooFew: null
	};
}

function lensVotes(
	input: ResultsInput,
	facts: Map<string, ValueFacts>,
	order: (ids: Iterable<string>) => string[]
): LensVotes[] {
	const voting = input.activities.filter((a) => KINDS[a.config.kind].spendsBudget);
	const lensOf = new Map(
		voting.map((a) => [a.id, (a.config as { lens: Lens }).lens] as [string, Lens])
	);
	const result: LensVotes[] = [];
	for (const lens of lensOrder(lensOf.values())) {
		const ids = voting.filter((a) => lensOf.get(a.id) === lens).map((a) => a.id);
		// A person who voted in two activities of the lens counts once at most per activity; the
		// largest activity is a lower bound on the people behind the lens's numbers.
		const respondents = Math.max(0, ...ids.map((id) => input.respondents.byActivity.get(id) ?? 0));
		const perActivity = ids.map((id) =>
			input.totals.filter((t) => t.activityId === id).map((t) => [t.valueId, t.total] as const)
		);
		const tally = combineVotes(perActivity);
		if (tally.size === 0) {
			result.push({ lens, respondents, values: null, entropy: null, tooFew: null });
			continue;
		}
		if (!meetsMinimumGroup(respondents, input.minGroup)) {
			result.push({
				lens,
				respondents,
				values: null,
				entropy: null,
				tooFew: { n: respondents, min: input.minGroup }
			});
			continue;
		}
		const shares = voteShares(tally)!;
		const values = order(tally.keys())
			.map((valueId) => ({
				valueId,
				name: facts.get(valueId)!.name,
				limiting: facts.get(valueId)!.limiting,
				votes: tally.get(valueId)!,
				share: shares.get(valueId)!
			}))
			.sort((a, b) => b.votes - a.votes);
		const entropy = culturalEntropy(values.map((v) => ({ votes: v.votes, limiting: v.limiting })));
		result.push({ lens, respondents, values, entropy, tooFew: null });
	}
	return result;
}

export interface ResultsWorkshop {
	id: string;
	teamId: string;
}

async function aggregates(db: Database, activities: VotingActivity[], minGroup: number) {
	const rateIds = activities.filter((a) => !KINDS[a.kind].spendsBudget).map((a) => a.id);
	const voteIds = activities.filter((a) => KINDS[a.kind].spendsBudget).map((a) => a.id);
	const [respondents, ratings, totals] = await Promise.all([
		countRespondents(
			db,
			activities.map((a) => a.id)
		),
		countRatings(db, rateIds),
		sumVotes(db, voteIds, minGroup)
	]);
	return { ratings, totals, respondents };
}

/** Reads a workshop's aggregates and builds its results. */
export async function loadResults(
	db: Database,
	workshop: ResultsWorkshop,
	minGroup: number
): Promise<Results> {
	const activities = await listVotingActivities(db, workshop.id);
	const { ratings, totals, respondents } = await aggregates(db, activities, minGroup);
	if (!meetsMinimumGroup(respondents.all, minGroup)) {
		return buildResults({ activities, ratings: [], totals: [], respondents, values: [], minGroup });
	}
	const valueIds = new Set([...ratings, ...totals].map((row) => row.valueId));
	const values = await listValueFacts(db, workshop.teamId, [...valueIds]);
	return buildResults({ activities, ratings, totals, respondents, values, minGroup });
}
