import { describe, expect, it } from 'vitest';
import type { PublicActivity, Results } from '../server/live/events';
import { percent, summariseResults } from './results';

const values = [
	{ id: 'a', name: 'Ownership' },
	{ id: 'b', name: 'Candour' }
];

function activity(config: PublicActivity['config']): PublicActivity {
	const lenses = config.kind === 'rate' ? config.lenses : ['strategic' as const];
	return {
		id: 'act',
		index: 0,
		kind: config.kind,
		title: 't',
		prompt: '',
		config,
		values,
		items: values.flatMap((v) =>
			lenses.map((lens) => ({ itemId: `${v.id}:${lens}`, valueId: v.id, lens }))
		)
	};
}

const results = (counts: Record<string, number[]>, respondents: number, min: number): Results => ({
	activityId: 'act',
	respondents,
	withheld: false,
	waiting: false,
	people: {},
	min,
	counts
});

describe('summariseResults', () => {
	it('gives a rating its mean and a bar from the bottom of the scale to the top', () => {
		const rate = activity({
			kind: 'rate',
			lenses: ['current'],
			scale: '1-5',
			valueIds: ['a', 'b']
		});
		// a: two 5s and two 3s (mean 4); b: four 1s (mean 1).
		const summary = summariseResults(
			rate,
			results({ 'a:current': [0, 0, 2, 0, 2], 'b:current': [4, 0, 0, 0, 0] }, 4, 1)
		);
		expect(summary?.scale).toEqual({ min: 1, max: 5 });
		expect(summary?.rows.map((r) => [r.name, r.amount, r.share, r.answers])).toEqual([
			['Ownership', 4, 0.75, 4],
			['Candour', 1, 0, 4]
		]);
	});

	it('counts dots as score × people, ranked, with shares of all dots given', () => {
		const dots = activity({ kind: 'dot_vote', lens: 'strategic', dots: 5, valueIds: ['a', 'b'] });
		// a: one person gave 1 dot and one gave 3 (4 in all); b: two gave 5 and one gave 0 (10).
		const summary = summariseResults(
			dots,
			results({ 'a:strategic': [0, 1, 0, 1, 0, 0], 'b:strategic': [1, 0, 0, 0, 0, 2] }, 3, 0)
		);
		expect(summary?.rows.map((r) => [r.name, r.amount, percent(r.share)])).toEqual([
			['Candour', 10, 71],
			['Ownership', 4, 29]
		]);
	});

	it('averages allocated points over everyone who answered', () => {
		const allocate = activity({ kind: 'allocate', lens: 'strategic', valueIds: ['a', 'b'] });
		const counts = Array.from({ length: 101 }, () => 0);
		const a = [...counts];
		a[60] = 1;
		a[40] = 1;
		const b = [...counts];
		b[40] = 1;
		b[60] = 1;
		const summary = summariseResults(
			allocate,
			results({ 'a:strategic': a, 'b:strategic': b }, 2, 0)
		);
		expect(summary?.rows.map((r) => [r.amount, r.share])).toEqual([
			[50, 0.5],
			[50, 0.5]
		]);
	});

	it('shows nothing but the number of respondents below the minimum group size', () => {
		const rate = activity({ kind: 'rate', lenses: ['current'], scale: '0-10', valueIds: ['a'] });
		const summary = summariseResults(rate, { ...results({}, 2, 0), withheld: true });
		expect(summary).toMatchObject({ withheld: true, respondents: 2, rows: [] });
	});

	it('ignores results of another activity and activities without votes', () => {
		const rate = activity({ kind: 'rate', lenses: ['current'], scale: '1-5', valueIds: ['a'] });
		expect(summariseResults(rate, { ...results({}, 5, 1), activityId: 'other' })).toBeNull();
		expect(summariseResults(rate, null)).toBeNull();
		expect(summariseResults(activity({ kind: 'discuss' }), results({}, 5, 1))).toBeNull();
	});
});
