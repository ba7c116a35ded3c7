import { describe, expect, it } from 'vitest';
import type { PublicActivity, Results } from '$lib/server/live/events';
import { ratingRows, totalRows } from './results';

const values = [
	{ id: 'a', name: 'Ownership' },
	{ id: 'b', name: 'Candour' }
];

function activity(config: PublicActivity['config']): PublicActivity {
	const items =
		config.kind === 'rate'
			? values.flatMap((v) =>
					config.lenses.map((lens) => ({ itemId: `${v.id}:${lens}`, valueId: v.id, lens }))
				)
			: values.map((v) => ({ itemId: `${v.id}:current`, valueId: v.id, lens: 'current' as const }));
	return { id: 'x', index: 0, kind: config.kind, title: '', prompt: '', config, values, items };
}

describe('ratingRows', () => {
	it('gives each value and lens its counts per score and its statistics', () => {
		const rate = activity({
			kind: 'rate',
			lenses: ['current', 'strategic'],
			scale: '1-5',
			valueIds: ['a', 'b']
		});
		const results: Results = {
			activityId: 'x',
			respondents: 4,
			withheld: false,
			waiting: false,
			people: {},
			min: 1,
			counts: {
				'a:current': [2, 0, 0, 0, 2],
				'a:strategic': [0, 0, 0, 1, 3],
				'b:current': [0, 0, 4, 0, 0]
			}
		};
		const rows = ratingRows(rate, results);
		expect(rows.map((r) => [r.valueName, r.lens, r.stats?.mean ?? null])).toEqual([
			['Ownership', 'current', 3],
			['Ownership', 'strategic', 4.75],
			['Candour', 'current', 3],
			['Candour', 'strategic', null]
		]);
		expect(rows[0].scores).toEqual([1, 2, 3, 4, 5]);
		expect(rows[0].stats?.polarised).toBe(true);
		expect(rows[2].stats?.polarised).toBe(false);
		expect(rows[3].counts).toEqual([0, 0, 0, 0, 0]);
	});
});

describe('totalRows', () => {
	it('adds up dots per value (score × how many gave it), most first, with shares', () => {
		const dots = activity({ kind: 'dot_vote', lens: 'current', dots: 3, valueIds: ['a', 'b'] });
		const results: Results = {
			activityId: 'x',
			respondents: 3,
			withheld: false,
			waiting: false,
			people: {},
			min: 0,
			// a: one person gave 0, one gave 1, one gave 3 dots; b: two gave 2.
			counts: { 'a:current': [1, 1, 0, 1], 'b:current': [1, 0, 2, 0] }
		};
		expect(totalRows(dots, results)).toEqual([
			{ valueId: 'a', valueName: 'Ownership', total: 4, share: 50 },
			{ valueId: 'b', valueName: 'Candour', total: 4, share: 50 }
		]);
		results.counts['b:current'] = [0, 0, 0, 3];
		expect(totalRows(dots, results).map((r) => [r.valueName, r.total, r.share])).toEqual([
			['Candour', 9, (9 * 100) / 13],
			['Ownership', 4, (4 * 100) / 13]
		]);
	});

	it('leaves out values whose points were not released yet', () => {
		const allocate = activity({ kind: 'allocate', lens: 'current', valueIds: ['a', 'b'] });
		const rows = totalRows(allocate, {
			activityId: 'x',
			respondents: 0,
			withheld: false,
			waiting: false,
			people: {},
			min: 0,
			counts: {}
		});
		expect(rows).toEqual([]);
	});
});
