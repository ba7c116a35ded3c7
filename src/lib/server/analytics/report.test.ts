import { describe, expect, it } from 'vitest';
import type { Lens } from '../../domain/culture';
import type { VoteTotal, VotingActivity } from './queries';
import { buildResults, type ResultsInput } from './report';
import { withPeople } from './testing';

const A = 'a';
const B = 'b';
const values = [
	{ id: A, name: 'Ownership', nameKey: 'ownership', limiting: false, position: 0 },
	{ id: B, name: 'Blame', nameKey: 'blame', limiting: true, position: 1 }
];
const RATE: VotingActivity = {
	id: 'rate',
	position: 0,
	kind: 'rate',
	title: 'Rate',
	config: { kind: 'rate', lenses: ['current', 'strategic'], scale: '1-5', valueIds: [A, B] }
};
const DOTS: VotingActivity = {
	id: 'dots',
	position: 1,
	kind: 'dot_vote',
	title: 'Dots',
	config: { kind: 'dot_vote', lens: 'strategic', dots: 3, valueIds: [A, B] }
};
const POINTS: VotingActivity = {
	id: 'points',
	position: 2,
	kind: 'allocate',
	title: 'Points',
	config: { kind: 'allocate', lens: 'current', valueIds: [A, B] }
};

const rating = (valueId: string, lens: Lens, score: number, n: number) => ({
	activityId: 'rate',
	valueId,
	lens,
	score,
	n
});
const total = (activityId: string, valueId: string, lens: Lens, sum: number): VoteTotal => ({
	activityId,
	valueId,
	lens,
	total: sum
});

function input(overrides: Partial<ResultsInput> = {}): ResultsInput {
	return {
		activities: [RATE, DOTS, POINTS],
		ratings: withPeople([
			// Ownership: current 2, 2, 3; strategic 4, 5, 5.
			rating(A, 'current', 2, 2),
			rating(A, 'current', 3, 1),
			rating(A, 'strategic', 4, 1),
			rating(A, 'strategic', 5, 2),
			// Blame: current 3, 3, 3 (all equal); strategic 1, 1 (two answers: below 3).
			rating(B, 'current', 3, 3),
			rating(B, 'strategic', 1, 2)
		]),
		totals: [
			total('dots', A, 'strategic', 5),
			total('dots', B, 'strategic', 1),
			total('points', A, 'current', 30),
			total('points', B, 'current', 70)
		],
		respondents: {
			all: 3,
			byActivity: new Map([
				['rate', 3],
				['dots', 3],
				['points', 3]
			])
		},
		values,
		minGroup: 3,
		...overrides
	};
}

describe('buildResults', () => {
	it('shows nothing but the reason below the minimum group size', () => {
		const results = buildResults(input({ respondents: { all: 2, byActivity: new Map() } }));
		expect(results.tooFew).toEqual({ n: 2, min: 3 });
		expect(results.ratings).toEqual([]);
		expect(results.votes).toEqual([]);
		expect(results.tops).toEqual([]);
		expect(results.jumps).toBeNull();
	});

	it('is empty, not broken, for a workshop without answers', () => {
		const results = buildResults(
			input({
				ratings: [],
				totals: [],
				respondents: { all: 0, byActivity: new Map() },
				minGroup: 0
			})
		);
		expect(results.tooFew).toBeNull();
		expect(results.ratings).toEqual([]);
		expect(results.votes.map((v) => v.values)).toEqual([null, null]);
		expect(results.distances).toEqual([]);
		expect(results.alignments).toEqual([]);
		expect(results.jumps).toBeNull();
	});

	it('gives every rated value and lens its statistics, and hides an item with too few answers', () => {
		const [section] = buildResults(input()).ratings;
		expect(section.scale).toBe('1-5');
		expect(section.scores).toEqual([1, 2, 3, 4, 5]);
		expect(section.lenses).toEqual(['current', 'strategic']);
		const [ownership, blame] = section.values;
		expect(ownership.name).toBe('Ownership');
		// 2, 2, 3: mean 7/3, median 2, two of three the same answer (66.7 %): a majority view.
		expect(ownership.byLens.current!.stats!.mean).toBeCloseTo(7 / 3, 10);
		expect(ownership.byLens.current!.stats!.median).toBe(2);
		expect(ownership.byLens.current!.counts).toEqual([0, 2, 1, 0, 0]);
		expect(ownership.byLens.current!.majority).toBe(true);
		// 4, 5, 5: mean 14/3.
		expect(ownership.byLens.strategic!.stats!.mean).toBeCloseTo(14 / 3, 10);
		// All equal: sd 0, agreement 100 %.
		expect(blame.byLens.current!.stats).toMatchObject({ n: 3, mean: 3, sd: 0, agreement: 100 });
		// Two answers, minimum three: no numbers, the reason instead.
		expect(blame.byLens.strategic).toEqual({
			n: 2,
			stats: null,
			counts: [],
			majority: null,
			tooFew: { n: 2, min: 3 }
		});
	});

	it('names the four gaps and lists the strategic gap largest first, hidden ones left out', () => {
		const [section] = buildResults(input()).ratings;
		const [ownership, blame] = section.values;
		expect(ownership.gaps.map((g) => g.id)).toEqual([
			'say_do',
			'aspiration',
			'strategic',
			'realism'
		]);
		// Strategic − current = 14/3 − 7/3 = 7/3; the other lenses were not rated.
		expect(ownership.gaps.find((g) => g.id === 'strategic')!.gap).toBeCloseTo(7 / 3, 10);
		expect(ownership.gaps.find((g) => g.id === 'say_do')!.gap).toBeNull();
		// Blame's strategic mean is hidden, so it has no gap to show.
		expect(blame.gaps.find((g) => g.id === 'strategic')!.gap).toBeNull();
		expect(section.strategicGaps.map((g) => g.name)).toEqual(['Ownership']);
	});

	it('turns dots and points into shares, entropy with its band, distance and jumps', () => {
		const results = buildResults(input());
		const [current, strategic] = results.votes;
		expect(current.lens).toBe('current');
		// Points: Blame 70, Ownership 30 (most first).
		expect(current.values!.map((v) => [v.name, v.votes, v.share])).toEqual([
			['Blame', 70, 70],
			['Ownership', 30, 30]
		]);
		// 70 % of the current points on a limiting value: critical.
		expect(current.entropy).toEqual({ percent: 70, band: 'critical' });
		// Dots: Ownership 5, Blame 1 → 1 of 6 limiting = 16.7 %, minor issues.
		expect(strategic.entropy!.percent).toBeCloseTo(100 / 6, 10);
		expect(strategic.entropy!.band).toBe('minor');
		// ½(|30 − 83.3| + |70 − 16.7|) = 53.3 %.
		expect(results.distances).toHaveLength(1);
		expect(results.distances[0]).toMatchObject({ a: 'current', b: 'strategic' });
		expect(results.distances[0].distance).toBeCloseTo(160 / 3, 10);
		// Ownership grows by 53.3 points, Blame shrinks as much; the tie is broken by id.
		expect(results.jumps!.map((j) => [j.name, Math.round(j.change * 10) / 10])).toEqual([
			['Ownership', 53.3],
			['Blame', -53.3]
		]);
	});

	it('hides a lens whose votes come from fewer people than the minimum', () => {
		const results = buildResults(
			input({
				respondents: {
					all: 3,
					byActivity: new Map([
						['rate', 3],
						['dots', 2],
						['points', 3]
					])
				}
			})
		);
		const strategic = results.votes.find((v) => v.lens === 'strategic')!;
		expect(strategic).toEqual({
			lens: 'strategic',
			respondents: 2,
			values: null,
			entropy: null,
			tooFew: { n: 2, min: 3 }
		});
		expect(results.distances).toEqual([]);
		expect(results.jumps).toBeNull();
		// The strategic top list falls back to the ratings that are shown.
		expect(results.tops.find((t) => t.lens === 'strategic')).toMatchObject({ by: 'rating' });
	});

	it('ranks top lists by votes, or by mean rating without votes, ties all included', () => {
		const results = buildResults(
			input({
				activities: [RATE, DOTS],
				totals: [total('dots', A, 'strategic', 2), total('dots', B, 'strategic', 2)],
				topN: 1
			})
		);
		const current = results.tops.find((t) => t.lens === 'current')!;
		const strategic = results.tops.find((t) => t.lens === 'strategic')!;
		// Current was only rated: Blame (3) above Ownership (7/3).
		expect(current).toEqual({
			lens: 'current',
			by: 'rating',
			values: [{ valueId: B, name: 'Blame' }]
		});
		// Strategic dots tie 2–2: both are in a top 1.
		expect(strategic.by).toBe('votes');
		expect(strategic.values.map((v) => v.name)).toEqual(['Ownership', 'Blame']);
		// Shared: Blame, of the shorter list (1): 100 %.
		expect(results.alignments).toEqual([
			{ a: 'current', b: 'strategic', shared: [B], size: 1, percent: 100 }
		]);
	});

	it('handles one answer', () => {
		const results = buildResults(
			input({
				activities: [RATE],
				ratings: withPeople([rating(A, 'current', 4, 1)]),
				totals: [],
				respondents: { all: 1, byActivity: new Map([['rate', 1]]) },
				minGroup: 1
			})
		);
		const item = results.ratings[0].values[0].byLens.current!;
		expect(item.stats).toMatchObject({ n: 1, mean: 4, median: 4, sd: 0, agreement: 100, a: 1 });
		expect(item.majority).toBe(true);
		expect(results.ratings[0].strategicGaps).toEqual([]);
	});
});
