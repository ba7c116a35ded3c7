import { describe, expect, it } from 'vitest';
import { compareResults } from './compare';
import type { VotingActivity } from './queries';
import { buildResults, type ResultsInput } from './report';
import { withPeople } from './testing';

const rate: VotingActivity = {
	id: 'r',
	position: 0,
	kind: 'rate',
	title: 'Rate',
	config: { kind: 'rate', lenses: ['current'], scale: '1-5', valueIds: [] }
};
const dots: VotingActivity = {
	id: 'd',
	position: 1,
	kind: 'dot_vote',
	title: 'Dots',
	config: { kind: 'dot_vote', lens: 'strategic', dots: 3, valueIds: [] }
};

/** One workshop: current ratings and strategic dots per value name (ids are made from names). */
function workshop(
	ratings: Record<string, number[]>,
	dotsPerValue: Record<string, number>,
	people = 3
) {
	const names = [...new Set([...Object.keys(ratings), ...Object.keys(dotsPerValue)])];
	const input: ResultsInput = {
		activities: [rate, dots],
		ratings: withPeople(
			Object.entries(ratings).flatMap(([name, scores]) =>
				scores.map((score) => ({
					activityId: 'r',
					valueId: name,
					lens: 'current' as const,
					score,
					n: 1
				}))
			)
		),
		totals: Object.entries(dotsPerValue).map(([name, total]) => ({
			activityId: 'd',
			valueId: name,
			lens: 'strategic' as const,
			total
		})),
		respondents: {
			all: people,
			byActivity: new Map([
				['r', people],
				['d', people]
			])
		},
		values: names.map((name, position) => ({
			id: name,
			name,
			nameKey: name.toLowerCase(),
			limiting: false,
			position
		})),
		minGroup: 3
	};
	return buildResults(input);
}

describe('compareResults', () => {
	it('compares the shared values by name, accents and case aside', () => {
		const before = workshop(
			{ Eigenaarschap: [2, 2, 2], Openheid: [3, 3, 3] },
			{ Eigenaarschap: 3, Openheid: 1 }
		);
		const after = workshop(
			{ eigenaarschap: [4, 4, 4], Moed: [5, 5, 5] },
			{ EIGENAARSCHAP: 1, Moed: 3 }
		);
		const c = compareResults(before, after);
		expect(c.shared).toEqual([{ key: 'eigenaarschap', name: 'Eigenaarschap' }]);
		// Current mean 2 → 4: +2 points.
		expect(c.ratings).toEqual([
			{
				scale: '1-5',
				lens: 'current',
				rows: [{ key: 'eigenaarschap', name: 'Eigenaarschap', a: 2, b: 4, change: 2 }]
			}
		]);
		// On the one shared value both spreads are 100 %: no distance, no jump.
		expect(c.votes).toEqual([
			{
				lens: 'strategic',
				distance: 0,
				jumps: [{ key: 'eigenaarschap', name: 'Eigenaarschap', from: 100, to: 100, change: 0 }]
			}
		]);
	});

	it('gives jumps between two workshops, largest first', () => {
		// Before: a 3, b 1 (75/25 %); after: a 1, b 3 (25/75 %).
		const c = compareResults(workshop({}, { a: 3, b: 1 }), workshop({}, { a: 1, b: 3 }));
		expect(c.votes[0].distance).toBe(50);
		expect(c.votes[0].jumps.map((j) => [j.key, j.change])).toEqual([
			['a', -50],
			['b', 50]
		]);
	});

	it('leaves out a workshop below the minimum: nothing is shared', () => {
		const c = compareResults(
			workshop({ a: [1, 2, 3] }, { a: 1 }),
			workshop({ a: [1, 2] }, { a: 1 }, 2)
		);
		expect(c).toEqual({ shared: [], ratings: [], votes: [] });
	});

	it('shows a hidden mean as missing, not as a change', () => {
		const c = compareResults(
			workshop({ a: [1, 2, 3], b: [3, 3, 3] }, {}),
			workshop({ a: [1, 2], b: [4, 4, 4] }, {})
		);
		expect(c.ratings[0].rows).toEqual([
			{ key: 'a', name: 'a', a: 2, b: null, change: null },
			{ key: 'b', name: 'b', a: 3, b: 4, change: 1 }
		]);
	});
});
