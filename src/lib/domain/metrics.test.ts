import { describe, expect, it } from 'vitest';
import {
	POLARISED_BELOW,
	agreement,
	answerCount,
	combineVotes,
	consensus,
	culturalEntropy,
	enps,
	entropyBand,
	entropyByLens,
	favourable,
	followThrough,
	isHidden,
	isPolarised,
	itemStats,
	largestGapsFirst,
	lensDistance,
	lensGaps,
	mean,
	median,
	meetsMinimumGroup,
	standardDeviation,
	topValues,
	unlessTooFew,
	valueJumps,
	valuesAlignment,
	vanDerEijkA,
	voteShares,
	type CommitmentOutcome,
	type Distribution
} from './metrics';

const FIVE = { min: 1, max: 5 };
const ELEVEN = { min: 0, max: 10 };
/** Score → count, written as an object for readability. */
const dist = (counts: Record<number, number>): Distribution =>
	Object.entries(counts).map(([score, count]) => [Number(score), count] as const);
const votes = (counts: Record<string, number>) => new Map(Object.entries(counts));
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

describe('distributions as input', () => {
	it('accepts a Map or pairs, adds up repeated scores and ignores zero counts', () => {
		expect(answerCount(new Map([[3, 2]]))).toBe(2);
		expect(
			answerCount([
				[3, 1],
				[3, 2],
				[4, 0]
			])
		).toBe(3); // 1 + 2, the zero adds nothing
		expect(median(dist({ 1: 0, 4: 1 }))).toBe(4); // the 0 answers on 1 do not count
	});

	it('rejects negative, fractional or non-finite counts and scores off the scale', () => {
		expect(() => mean(dist({ 3: -1 }))).toThrow(RangeError);
		expect(() => mean(dist({ 3: 1.5 }))).toThrow(RangeError);
		expect(() => mean([[3, Number.NaN]])).toThrow(RangeError);
		expect(() => itemStats(dist({ 6: 1 }), FIVE)).toThrow(RangeError); // 6 is not on 1–5
		expect(() => itemStats(dist({ 0: 1 }), FIVE)).toThrow(RangeError);
		expect(() => itemStats([[2.5, 1]], FIVE)).toThrow(RangeError); // between two points
		expect(() => itemStats(dist({ 1: 1 }), { min: 1, max: 2 })).toThrow(RangeError); // < 3 points
	});
});

describe('statistics of one rated item', () => {
	it('works out a small 1–5 example', () => {
		// answers 2, 3, 3, 4, 5
		const stats = itemStats(dist({ 2: 1, 3: 2, 4: 1, 5: 1 }), FIVE);
		expect(stats?.n).toBe(5);
		expect(stats?.mean).toBeCloseTo(3.4, 10); // (2 + 3 + 3 + 4 + 5) / 5 = 17 / 5
		expect(stats?.median).toBe(3); // the 3rd of 5 answers
		// squared deviations from 3.4: 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2; 5.2 / 5 = 1.04
		expect(stats?.sd).toBeCloseTo(Math.sqrt(1.04), 10);
		expect(stats?.agreement).toBe(80); // 2, 3, 3, 4 lie within 1 of 3: 4 of 5
		// layers: {2,3,4,5} × 1 (weight 4/5, S = 4, no gaps: U = 1, A = 1 − 3/4 = 1/4),
		// then {3} × 1 (weight 1/5, A = 1): 4/5 · 1/4 + 1/5 · 1 = 0.4
		expect(stats?.a).toBeCloseTo(0.4, 10);
		expect(stats?.polarised).toBe(false);
	});

	it('gives the same numbers through the single functions', () => {
		const d = dist({ 2: 1, 3: 2, 4: 1, 5: 1 });
		expect(answerCount(d)).toBe(5);
		expect(mean(d)).toBeCloseTo(3.4, 10);
		expect(median(d)).toBe(3);
		expect(standardDeviation(d)).toBeCloseTo(Math.sqrt(1.04), 10);
		expect(agreement(d)).toBe(80);
		expect(vanDerEijkA(d, FIVE)).toBeCloseTo(0.4, 10);
		expect(isPolarised(d, FIVE)).toBe(false);
	});

	it('takes the mean of the two middle answers when the count is even', () => {
		// answers 1, 2, 4, 5: middle two are 2 and 4
		const d = dist({ 1: 1, 2: 1, 4: 1, 5: 1 });
		expect(median(d)).toBe(3);
		expect(mean(d)).toBe(3);
		expect(standardDeviation(d)).toBeCloseTo(Math.sqrt(2.5), 10); // (4 + 1 + 1 + 4) / 4
		expect(agreement(d)).toBe(50); // 2 and 4 lie within 1 of 3
	});

	it('counts a narrower band when the median falls between two points', () => {
		// answers 1, 2, 3, 4: median (2 + 3) / 2 = 2.5; within 1 of 2.5 are only 2 and 3
		const d = dist({ 1: 1, 2: 1, 3: 1, 4: 1 });
		expect(median(d)).toBe(2.5);
		expect(agreement(d)).toBe(50);
	});

	it('handles no answers, one answer and all answers equal', () => {
		for (const empty of [dist({}), dist({ 3: 0 })]) {
			expect(itemStats(empty, FIVE)).toBeNull();
			expect(answerCount(empty)).toBe(0);
			expect(mean(empty)).toBeNull();
			expect(median(empty)).toBeNull();
			expect(standardDeviation(empty)).toBeNull();
			expect(agreement(empty)).toBeNull();
			expect(vanDerEijkA(empty, FIVE)).toBeNull();
			expect(isPolarised(empty, FIVE)).toBe(false);
		}
		// one answer: no spread, full agreement, A = 1 (one point used)
		expect(itemStats(dist({ 4: 1 }), FIVE)).toEqual({
			n: 1,
			mean: 4,
			median: 4,
			sd: 0,
			agreement: 100,
			a: 1,
			polarised: false
		});
		expect(itemStats(dist({ 3: 7 }), FIVE)).toEqual({
			n: 7,
			mean: 3,
			median: 3,
			sd: 0,
			agreement: 100,
			a: 1,
			polarised: false
		});
	});

	it('works on a 0–10 scale', () => {
		// answers 7, 8, 8, 9
		const stats = itemStats(dist({ 7: 1, 8: 2, 9: 1 }), ELEVEN);
		expect(stats?.mean).toBe(8); // 32 / 4
		expect(stats?.median).toBe(8); // (8 + 8) / 2
		expect(stats?.sd).toBeCloseTo(Math.sqrt(0.5), 10); // (1 + 0 + 0 + 1) / 4
		expect(stats?.agreement).toBe(100);
		// K = 11. Layer {7,8,9} weight 3/4, S = 3, no gaps (U = 1), A = 1 − 2/10 = 0.8;
		// layer {8} weight 1/4, A = 1. Total 0.6 + 0.25 = 0.85
		expect(stats?.a).toBeCloseTo(0.85, 10);
		expect(stats?.polarised).toBe(false);
		// half at 0, half at 10: perfect polarisation
		expect(vanDerEijkA(dist({ 0: 3, 10: 3 }), ELEVEN)).toBe(-1);
		expect(isPolarised(dist({ 0: 3, 10: 3 }), ELEVEN)).toBe(true);
	});
});

describe("van der Eijk's A and polarisation", () => {
	it('is +1 for one answer value, 0 for an even spread, −1 for a half-and-half split at the ends', () => {
		expect(vanDerEijkA(dist({ 3: 4 }), FIVE)).toBe(1);
		expect(vanDerEijkA(dist({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 }), FIVE)).toBe(0); // S = K: 1 − 4/4 = 0
		expect(vanDerEijkA(dist({ 1: 5, 5: 5 }), FIVE)).toBe(-1);
	});

	it('pins a split with a few in the middle', () => {
		// counts [4,0,2,0,4]. Layer {1,3,5} × 2 (weight 6/10): S = 3; triples 1-0-1: (1,2,3),
		// (1,2,5), (1,4,5), (3,4,5) = 4; 1-1-0 or 0-1-1: (1,3,4), (2,3,5) = 2;
		// U = (3·2 − 4·4) / (3·6) = −5/9; A = −5/9 · (1 − 2/4) = −5/18.
		// Layer {1,5} × 2 (weight 4/10): A = −1. Total 0.6 · −5/18 + 0.4 · −1 = −17/30
		const d = dist({ 1: 4, 3: 2, 5: 4 });
		expect(vanDerEijkA(d, FIVE)).toBeCloseTo(-17 / 30, 10);
		expect(isPolarised(d, FIVE)).toBe(true);
		// the whole item, for the record: mean 3, median 3, nobody within 1 of 3 but the 3s
		expect(itemStats(d, FIVE)?.agreement).toBe(20);
	});

	it('pins a U-shaped spread', () => {
		// counts [3,2,1,2,3], n = 11. Layer {1..5} × 1 (weight 5/11): A = 0.
		// Layer {1,2,4,5} × 1 (weight 4/11): 1-0-1 triples (i ≤ 2, j = 3, k ≥ 4) = 4, 1-1-0 (1,2,3)
		// and 0-1-1 (3,4,5) = 2: U = (6 − 16) / 18 = −5/9, A = −5/9 · 1/4 = −5/36.
		// Layer {1,5} × 1 (weight 2/11): A = −1. Total 4/11 · −5/36 − 2/11 = −23/99
		expect(vanDerEijkA(dist({ 1: 3, 2: 2, 3: 1, 4: 2, 5: 3 }), FIVE)).toBeCloseTo(-23 / 99, 10);
	});

	it('does not call a broad middle or a flat spread polarised', () => {
		// counts [0,4,2,4,0]: layer {2,3,4} weight 6/10 (contiguous, A = 1 − 2/4 = 0.5);
		// layer {2,4} weight 4/10: 1-0-1 (2,3,4) = 1, 1-1-0 (2,4,5) and 0-1-1 (1,2,4) = 2,
		// U = (6 − 4) / 9 = 2/9, A = 2/9 · 3/4 = 1/6. Total 0.3 + 1/15 = 11/30
		const middle = dist({ 2: 4, 3: 2, 4: 4 });
		expect(vanDerEijkA(middle, FIVE)).toBeCloseTo(11 / 30, 10);
		expect(isPolarised(middle, FIVE)).toBe(false);
		expect(isPolarised(dist({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 }), FIVE)).toBe(false); // A = 0
	});

	it('draws the line at A < −0.1: for a pure split at the ends, a minority above 27.5 %', () => {
		// minority p at 1, the rest at 5: A = 2p · (−1) + (1 − 2p) · 1 = 1 − 4p
		expect(POLARISED_BELOW).toBe(-0.1);
		expect(vanDerEijkA(dist({ 1: 11, 5: 29 }), FIVE)).toBe(-0.1); // p = 11/40 = 0.275
		expect(isPolarised(dist({ 1: 11, 5: 29 }), FIVE)).toBe(false);
		expect(vanDerEijkA(dist({ 1: 12, 5: 28 }), FIVE)).toBeCloseTo(-0.2, 10); // p = 0.3
		expect(isPolarised(dist({ 1: 12, 5: 28 }), FIVE)).toBe(true);
		expect(vanDerEijkA(dist({ 1: 1, 5: 3 }), FIVE)).toBe(0); // p = 0.25
	});

	it('reports a zero on paper as 0, not as a floating-point crumb or −0', () => {
		// counts [1,5,4,0,5], n = 15.
		// {1,2,3,5} × 1, weight 4/15: 1-0-1 = 3, 1-1-0 = 3, U = (9 − 12) / 18 = −1/6, A = −1/24.
		// {2,3,5} × 3, weight 9/15: 1-0-1 = 2, 1-1-0 / 0-1-1 = 1 + 3, U = (12 − 8) / 18 = 2/9, A = 1/9.
		// {2,5} × 1, weight 2/15: 1-0-1 = 2, 0-1-1 = 1, U = (3 − 8) / 9 = −5/9, A = −5/12.
		// −1/90 + 1/15 − 1/18 = (−1 + 6 − 5) / 90 = 0; summed in floating point: −6.9e−18
		expect(vanDerEijkA(dist({ 1: 1, 2: 5, 3: 4, 5: 5 }), FIVE)).toBe(0);
	});
});

describe('gaps between lenses', () => {
	it('subtracts the from-lens mean from the to-lens mean for each gap the method names', () => {
		const gaps = lensGaps({ assumed: 4.2, current: 2.8, paradise: 4.6, strategic: 3.9 });
		expect(gaps.map(({ id, from, to }) => [id, from, to])).toEqual([
			['say_do', 'assumed', 'current'],
			['aspiration', 'current', 'paradise'],
			['strategic', 'current', 'strategic'],
			['realism', 'strategic', 'paradise']
		]);
		expect(gaps[0].gap).toBeCloseTo(-1.4, 10); // 2.8 − 4.2
		expect(gaps[1].gap).toBeCloseTo(1.8, 10); // 4.6 − 2.8
		expect(gaps[2].gap).toBeCloseTo(1.1, 10); // 3.9 − 2.8
		expect(gaps[3].gap).toBeCloseTo(0.7, 10); // 4.6 − 3.9
	});

	it('is null when either side has no answers', () => {
		const gaps = lensGaps({
			assumed: 4,
			current: mean(dist({})),
			paradise: 5,
			strategic: 4.5
		});
		expect(gaps.map((g) => g.gap)).toEqual([null, null, null, 0.5]); // only realism: 5 − 4.5
		expect(lensGaps({}).every((g) => g.gap === null)).toBe(true);
	});

	it('sorts largest absolute gap first, nulls last, ties in input order', () => {
		const rows = [
			{ name: 'a', gap: 0.7 },
			{ name: 'b', gap: null },
			{ name: 'c', gap: -1.4 },
			{ name: 'd', gap: 1 },
			{ name: 'e', gap: 1.8 },
			{ name: 'f', gap: -1 }
		];
		// |1.8| > |−1.4| > |1| = |−1| (d before f, as given) > |0.7| > null
		expect(largestGapsFirst(rows).map((r) => r.name)).toEqual(['e', 'c', 'd', 'f', 'a', 'b']);
		expect(rows[0].name).toBe('a'); // the input is not reordered
		expect(largestGapsFirst([])).toEqual([]);
	});
});

describe('distance between two vote distributions', () => {
	it('is half the sum of the absolute share differences', () => {
		// A: x 6, y 3, z 1 of 10 → 60, 30, 10 %. B: x 2, y 2, w 4 of 8 → 25, 25, 50 %.
		// |60 − 25| + |30 − 25| + |10 − 0| + |0 − 50| = 35 + 5 + 10 + 50 = 100; half = 50
		expect(lensDistance(votes({ x: 6, y: 3, z: 1 }), votes({ x: 2, y: 2, w: 4 }))).toBeCloseTo(
			50,
			10
		);
	});

	it('is 0 for the same shares and 100 for no value in common', () => {
		expect(lensDistance(votes({ x: 3, y: 1 }), votes({ x: 6, y: 2 }))).toBe(0); // 75/25 both
		expect(lensDistance(votes({ x: 3 }), votes({ y: 5 }))).toBe(100); // (100 + 100) / 2
	});

	it('is null when either side has no votes', () => {
		expect(lensDistance(votes({}), votes({ x: 1 }))).toBeNull();
		expect(lensDistance(votes({ x: 1 }), votes({ x: 0 }))).toBeNull();
	});

	it('computes shares from totals', () => {
		expect(voteShares(votes({ x: 1, y: 3 }))).toEqual(
			new Map([
				['x', 25],
				['y', 75]
			])
		);
		expect(voteShares(votes({}))).toBeNull();
	});
});

describe('values alignment', () => {
	it('counts the shared values of the two top-n lists', () => {
		// top 3 of A: a 5, b 4, c 3. top 3 of B: c 6, e 5, a 2. shared a, c: 2 of 3
		const result = valuesAlignment(
			votes({ a: 5, b: 4, c: 3, d: 1 }),
			votes({ a: 2, c: 6, e: 5, b: 1 }),
			3
		);
		expect(result?.topA).toEqual(['a', 'b', 'c']);
		expect(result?.topB).toEqual(['c', 'e', 'a']);
		expect(result?.shared).toEqual(['a', 'c']);
		expect(result?.size).toBe(3);
		expect(result?.percent).toBeCloseTo(200 / 3, 10);
	});

	it('includes every value tied at the cut-off and divides by the shorter list', () => {
		// A: c and d tie for 3rd place with 3 votes, so both are in: a, b, c, d (4 values).
		// B: a, d, f (3 values). Shared a, d: 2 of min(4, 3) = 3
		const result = valuesAlignment(
			votes({ a: 5, b: 4, d: 3, c: 3, e: 1 }),
			votes({ a: 4, d: 3, f: 2 }),
			3
		);
		expect(result?.topA).toEqual(['a', 'b', 'c', 'd']); // the tie is listed by key
		expect(result?.shared).toEqual(['a', 'd']);
		expect(result?.size).toBe(3);
		expect(result?.percent).toBeCloseTo(200 / 3, 10);
	});

	it('uses the top 10 by default and keeps a tie at 10th place whole', () => {
		// A: v01..v09 with 20..12 votes, then v10, v11, v12 all with 5: the top "10" holds 12
		const a = new Map<string, number>();
		for (let i = 1; i <= 9; i++) a.set(`v0${i}`, 21 - i);
		for (const key of ['v10', 'v11', 'v12']) a.set(key, 5);
		// B: v01..v10 with 10 distinct counts, plus v13 with one vote (11th, out)
		const b = new Map<string, number>();
		for (let i = 1; i <= 10; i++) b.set(`v${String(i).padStart(2, '0')}`, 30 - i);
		b.set('v13', 1);
		expect(topValues(a)).toHaveLength(12);
		expect(topValues(b)).toHaveLength(10);
		const result = valuesAlignment(a, b);
		expect(result?.shared).toHaveLength(10); // v01..v10
		expect(result?.size).toBe(10); // min(12, 10)
		expect(result?.percent).toBe(100);
	});

	it('keeps a tie at 10th place whole when floating-point noise separates the tied values', () => {
		// Three activities summed as shares (combineVotes): X gets 7 of 36 in the second one and
		// Y 1 of 6 plus 1 of 36: both exactly 700/36 %, yet the two sums differ in the last bit.
		const tally = combineVotes([
			[
				['Y', 1],
				['A', 1],
				['B', 1],
				['C', 1],
				['D', 1],
				['E', 1]
			],
			[
				['X', 7],
				['Y', 1],
				['A', 4],
				['B', 3],
				['C', 3],
				['D', 3],
				['E', 3],
				['F', 3],
				['G', 3],
				['H', 3],
				['I', 3]
			],
			[
				['A', 1],
				['B', 1],
				['C', 1],
				['D', 1],
				['E', 1],
				['F', 2],
				['G', 2],
				['H', 2],
				['I', 2]
			]
		]);
		expect(tally.get('X')).not.toBe(tally.get('Y')); // the noise this test is about
		const top = topValues(tally);
		expect(top).toHaveLength(11); // A…I, then X and Y sharing 10th place
		expect(top.slice(9)).toEqual(['X', 'Y']); // the tie listed by key, not by the noise
		expect(topValues(votes({ a: 3, b: 2.000001, c: 2 }), 2)).toEqual(['a', 'b']); // a real gap stays
	});

	it('uses fewer than n when fewer values have votes, and null when a side has none', () => {
		// A has 4 values with votes, B 6: at most 4 can be shared
		const result = valuesAlignment(
			votes({ a: 4, b: 3, c: 2, d: 1, z: 0 }),
			votes({ a: 6, b: 5, x: 4, y: 3, c: 2, w: 1 })
		);
		expect(result?.topA).toEqual(['a', 'b', 'c', 'd']); // z has no votes: never in the list
		expect(result?.size).toBe(4);
		expect(result?.shared).toEqual(['a', 'b', 'c']);
		expect(result?.percent).toBe(75); // 3 of 4
		expect(valuesAlignment(votes({}), votes({ a: 1 }))).toBeNull();
	});

	it('rejects a list length that is not a whole number ≥ 1', () => {
		expect(() => topValues(votes({ a: 1 }), 0)).toThrow(RangeError);
		expect(() => topValues(votes({ a: 1 }), 2.5)).toThrow(RangeError);
	});
});

describe('cultural entropy', () => {
	it('is the share of votes on limiting elements', () => {
		// 2 + 1 limiting of 10 votes = 30 %: still "significant" (≤ 30)
		const entropy = culturalEntropy([
			{ votes: 7, limiting: false },
			{ votes: 2, limiting: true },
			{ votes: 1, limiting: true }
		]);
		expect(entropy).toEqual({ percent: 30, band: 'significant' });
	});

	it('puts exactly 10 % in the healthy band', () => {
		// 1 of 10 = 10 %: the boundary belongs to the lower band
		expect(
			culturalEntropy([
				{ votes: 9, limiting: false },
				{ votes: 1, limiting: true }
			])
		).toEqual({ percent: 10, band: 'healthy' });
	});

	it('uses ≤ boundaries for the bands', () => {
		expect(entropyBand(0)).toBe('healthy');
		expect(entropyBand(10)).toBe('healthy');
		expect(entropyBand(10.01)).toBe('minor');
		expect(entropyBand(20)).toBe('minor');
		expect(entropyBand(20.5)).toBe('significant');
		expect(entropyBand(30)).toBe('significant');
		expect(entropyBand(30.1)).toBe('serious');
		expect(entropyBand(40)).toBe('serious');
		expect(entropyBand(40.01)).toBe('critical');
		expect(entropyBand(100)).toBe('critical');
		expect(() => entropyBand(-1)).toThrow(RangeError);
		expect(() => entropyBand(Number.NaN)).toThrow(RangeError);
	});

	it('is null without votes and is computed per lens', () => {
		expect(culturalEntropy([])).toBeNull();
		expect(culturalEntropy([{ votes: 0, limiting: true }])).toBeNull();
		const byLens = entropyByLens([
			{ lens: 'current', votes: 9, limiting: false },
			{ lens: 'current', votes: 3, limiting: true }, // 3 of 12 = 25 %
			{ lens: 'paradise', votes: 5, limiting: false }, // 0 of 5 = 0 %
			{ lens: 'assumed', votes: 1, limiting: true } // 1 of 1 = 100 %
		]);
		expect(byLens).toEqual({
			assumed: { percent: 100, band: 'critical' },
			current: { percent: 25, band: 'significant' },
			paradise: { percent: 0, band: 'healthy' },
			strategic: null
		});
	});
});

describe('value jumps', () => {
	it('ranks the change in vote share by size', () => {
		// current: a 5, b 3, c 2 of 10 → 50, 30, 20 %; strategic: a 2, b 3, d 5 of 10 → 20, 30, 50 %
		const jumps = valueJumps(votes({ a: 5, b: 3, c: 2 }), votes({ a: 2, b: 3, d: 5 }));
		expect(jumps).toEqual([
			{ key: 'd', from: 0, to: 50, change: 50 },
			{ key: 'a', from: 50, to: 20, change: -30 },
			{ key: 'c', from: 20, to: 0, change: -20 },
			{ key: 'b', from: 30, to: 30, change: 0 }
		]);
	});

	it('breaks ties in size by key and works between any two tallies', () => {
		// workshop 1: x 50, y 50; workshop 2: x 50, z 50 → y −50 and z +50 tie; x 0
		const jumps = valueJumps(votes({ x: 1, y: 1 }), votes({ z: 4, x: 4 }));
		expect(jumps?.map((j) => [j.key, j.change])).toEqual([
			['y', -50],
			['z', 50],
			['x', 0]
		]);
	});

	it('is null when either side has no votes', () => {
		expect(valueJumps(votes({ a: 1 }), votes({}))).toBeNull();
		expect(valueJumps(votes({}), votes({ a: 1 }))).toBeNull();
	});
});

describe('consensus', () => {
	it('is a majority view when at least 60 % gave the same answer', () => {
		expect(consensus(dist({ 4: 3, 5: 2 }))).toEqual({ answers: [4], share: 60, majority: true });
		// 5 of 9 = 55.6 %: the most common answer, but no majority
		const close = consensus(dist({ 3: 5, 4: 4 }));
		expect(close?.answers).toEqual([3]);
		expect(close?.share).toBeCloseTo(500 / 9, 10);
		expect(close?.majority).toBe(false);
	});

	it('lists tied answers, handles one answer, none, and choice answers', () => {
		expect(consensus(dist({ 5: 2, 3: 1, 4: 2 }))).toEqual({
			answers: [4, 5],
			share: 40,
			majority: false
		});
		expect(consensus(dist({ 2: 1 }))).toEqual({ answers: [2], share: 100, majority: true });
		expect(consensus(dist({}))).toBeNull();
		expect(consensus(votes({ yes: 3, no: 2 }))).toEqual({
			answers: ['yes'],
			share: 60,
			majority: true
		});
	});

	it('takes another threshold above 50 %', () => {
		expect(consensus(dist({ 4: 3, 5: 2 }), 75)?.majority).toBe(false); // 60 < 75
		// 57 of 100 is exactly 57 % (divided first, 57 / 100 · 100 would be 56.99999999999999)
		expect(consensus(dist({ 1: 57, 2: 43 }), 57)?.majority).toBe(true);
		expect(() => consensus(dist({ 4: 1 }), 50)).toThrow(RangeError); // two answers could tie
		expect(() => consensus(dist({ 4: 1 }), 101)).toThrow(RangeError);
	});
});

describe('eNPS and % favourable', () => {
	it('subtracts % detractors (0–6) from % promoters (9–10)', () => {
		// 10 answers: 9–10 → 3 + 2 = 5 (50 %); 7–8 → 2 + 1 = 3 (30 %); 0–6 → 1 + 1 = 2 (20 %)
		expect(enps(dist({ 10: 3, 9: 2, 8: 2, 7: 1, 6: 1, 3: 1 }))).toEqual({
			n: 10,
			promoters: 50,
			passives: 30,
			detractors: 20,
			score: 30
		});
		expect(enps(dist({ 0: 4 }))?.score).toBe(-100);
		expect(enps(dist({ 9: 1 }))?.score).toBe(100);
		expect(enps(dist({ 7: 2, 8: 2 }))?.score).toBe(0); // passives only
		expect(enps(dist({}))).toBeNull();
		expect(() => enps(dist({ 11: 1 }))).toThrow(RangeError);
	});

	it('counts 4 and 5 as favourable on a 1–5 scale', () => {
		// 2 + 3 of 10 = 50 %
		expect(favourable(dist({ 5: 2, 4: 3, 3: 1, 2: 3, 1: 1 }))).toBe(50);
		expect(favourable(dist({ 3: 4 }))).toBe(0);
		expect(favourable(dist({}))).toBeNull();
		expect(() => favourable(dist({ 0: 1 }))).toThrow(RangeError);
	});
});

describe('follow-through', () => {
	const now = day(89); // 31 March 2025
	const due = day(68); // 10 March

	it('divides done on time by due', () => {
		const commitments: CommitmentOutcome[] = [
			{ status: 'done', dueAt: due, closedAt: day(67) }, // on time
			{ status: 'done', dueAt: due, closedAt: due }, // on time: done at the due instant
			{ status: 'done', dueAt: due, closedAt: day(70) }, // late
			{ status: 'done', dueAt: null, closedAt: day(59) }, // on time: no date to miss
			{ status: 'open', dueAt: day(78) }, // overdue
			{ status: 'open', dueAt: day(104) }, // not due yet
			{ status: 'open', dueAt: null }, // never due while open
			{ status: 'dropped', dueAt: day(78), closedAt: day(73) }, // renegotiated in time: out
			{ status: 'dropped', dueAt: day(78), closedAt: day(83) }, // dropped late: a miss
			{ status: 'dropped', dueAt: day(78), closedAt: day(78) }, // dropped at the due instant: out
			{ status: 'dropped', dueAt: null, closedAt: day(63) } // out
		];
		// due = 3 on time + 1 late + 1 overdue + 1 dropped late = 6; rate 3 / 6
		expect(followThrough(commitments, now)).toEqual({
			due: 6,
			onTime: 3,
			late: 1,
			overdue: 1,
			droppedLate: 1,
			rate: 50
		});
	});

	it('is null when nothing is due, and an open one is not overdue at its due instant', () => {
		expect(followThrough([], now).rate).toBeNull();
		const result = followThrough([{ status: 'open', dueAt: now }], now);
		expect(result).toEqual({ due: 0, onTime: 0, late: 0, overdue: 0, droppedLate: 0, rate: null });
		// epoch milliseconds work as well as dates: 1 ms later it is overdue (0 of 1)
		expect(followThrough([{ status: 'open', dueAt: +now }], +now + 1).rate).toBe(0);
	});
});

describe('minimum group size', () => {
	it('shows a group of at least the minimum', () => {
		expect(meetsMinimumGroup(5, 5)).toBe(true);
		expect(meetsMinimumGroup(6, 5)).toBe(true);
		expect(meetsMinimumGroup(4, 5)).toBe(false);
		expect(meetsMinimumGroup(0, 3)).toBe(false);
	});

	it('returns the metric, or why it is hidden without computing it', () => {
		let computed = 0;
		const metric = () => {
			computed++;
			return itemStats(dist({ 4: 2 }), FIVE);
		};
		const hidden = unlessTooFew(2, 3, metric);
		expect(hidden).toEqual({ hidden: true, reason: 'below_minimum', n: 2, min: 3 });
		expect(isHidden(hidden)).toBe(true);
		expect(computed).toBe(0);

		const shown = unlessTooFew(3, 3, () => 42);
		expect(shown).toBe(42);
		expect(isHidden(shown)).toBe(false);
		expect(isHidden(null)).toBe(false);
		expect(isHidden(unlessTooFew(0, 3, metric))).toBe(true); // no answers at all
	});
});

describe('combineVotes', () => {
	it('keeps one activity’s totals as they are', () => {
		expect(
			combineVotes([
				[
					['a', 5],
					['b', 0]
				]
			])
		).toEqual(new Map([['a', 5]]));
	});

	it('adds shares when a lens has several activities, so points do not outweigh dots', () => {
		// Dots 2–2 (50/50 %) and points 100–0 (100/0 %): 150 and 50.
		expect(
			combineVotes([
				[
					['a', 2],
					['b', 2]
				],
				[['a', 100]],
				[]
			])
		).toEqual(
			new Map([
				['a', 150],
				['b', 50]
			])
		);
	});

	it('is empty without votes', () => {
		expect(combineVotes([[], [['a', 0]]])).toEqual(new Map());
	});
});
