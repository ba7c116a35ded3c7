import { describe, expect, it } from 'vitest';
import { aggregateTable, aliases, anonymousAnswers, exportFileName } from './exports';
import type { AnswerRow, VotingActivity } from './queries';
import { buildResults } from './report';
import { withPeople } from './testing';

const values = [
	{ id: 'a', name: 'Eigenaarschap', nameKey: 'eigenaarschap', limiting: false, position: 0 },
	{ id: 'b', name: 'Schuld', nameKey: 'schuld', limiting: true, position: 1 }
];
const rate: VotingActivity = {
	id: 'r',
	position: 1,
	kind: 'rate',
	title: 'Beoordelen',
	config: { kind: 'rate', lenses: ['current'], scale: '1-5', valueIds: ['a', 'b'] }
};
const dots: VotingActivity = {
	id: 'd',
	position: 2,
	kind: 'dot_vote',
	title: 'Stippen',
	config: { kind: 'dot_vote', lens: 'strategic', dots: 3, valueIds: ['a', 'b'] }
};

describe('aggregateTable', () => {
	it('has one row per shown rated item and per voted value, numbers unrounded to 6 places', () => {
		const results = buildResults({
			activities: [rate, dots],
			ratings: withPeople([
				{ activityId: 'r', valueId: 'a', lens: 'current', score: 2, n: 2 },
				{ activityId: 'r', valueId: 'a', lens: 'current', score: 3, n: 1 },
				// Two answers: below the minimum of three, so no row.
				{ activityId: 'r', valueId: 'b', lens: 'current', score: 5, n: 2 }
			]),
			totals: [
				{ activityId: 'd', valueId: 'a', lens: 'strategic', total: 4 },
				{ activityId: 'd', valueId: 'b', lens: 'strategic', total: 2 }
			],
			respondents: {
				all: 3,
				byActivity: new Map([
					['r', 3],
					['d', 3]
				])
			},
			values,
			minGroup: 3
		});
		const { header, rows } = aggregateTable(results);
		expect(header).toEqual([
			'kind',
			'value',
			'lens',
			'scale',
			'answers',
			'mean',
			'median',
			'sd',
			'agreement_pct',
			'van_der_eijk_a',
			'polarised',
			'majority',
			'count_1',
			'count_2',
			'count_3',
			'count_4',
			'count_5',
			'people',
			'votes',
			'share_pct',
			'limiting'
		]);
		expect(rows).toHaveLength(3);
		const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
		// 2, 2, 3: mean 7/3, sd √(2/9) = 0.471405, all within a point of the median 2.
		expect(row).toMatchObject({
			kind: 'rating',
			value: 'Eigenaarschap',
			lens: 'current',
			scale: '1-5',
			answers: 3,
			mean: 2.333333,
			median: 2,
			sd: 0.471405,
			agreement_pct: 100,
			majority: true,
			count_1: 0,
			count_2: 2,
			count_3: 1,
			votes: null
		});
		const vote = Object.fromEntries(header.map((h, i) => [h, rows[2][i]]));
		expect(vote).toMatchObject({
			kind: 'votes',
			value: 'Schuld',
			lens: 'strategic',
			scale: null,
			count_1: null,
			people: 3,
			votes: 2,
			share_pct: 33.333333,
			limiting: true
		});
		expect(rows.every((r) => r.length === header.length)).toBe(true);
	});
});

describe('aliases', () => {
	it('numbers every participant once, in a shuffled order', () => {
		// A "random" source that always swaps with the first: the order changes.
		const map = aliases(['x', 'y', 'z', 'x'], () => 0);
		expect([...map.values()].sort()).toEqual(['P001', 'P002', 'P003']);
		expect(map.size).toBe(3);
		expect(map.get('x')).not.toBe('P001');
	});

	it('gives different aliases in different exports', () => {
		const ids = Array.from({ length: 50 }, (_, i) => `p${i}`);
		const first = aliases(ids);
		const second = aliases(ids);
		expect(ids.some((id) => first.get(id) !== second.get(id))).toBe(true);
	});

	it('widens the number for a thousand people and more', () => {
		const map = aliases(Array.from({ length: 1000 }, (_, i) => `p${i}`));
		expect([...map.values()].sort().at(-1)).toBe('P1000');
		expect([...map.values()].sort()[0]).toBe('P0001');
	});
});

describe('anonymousAnswers', () => {
	const answers: AnswerRow[] = [
		{ activityId: 'r', participantId: 'secret-1', valueId: 'a', lens: 'current', score: 4 },
		{ activityId: 'r', participantId: 'secret-2', valueId: 'a', lens: 'current', score: 2 },
		{ activityId: 'r', participantId: 'secret-1', valueId: 'b', lens: 'current', score: 5 },
		{ activityId: 'd', participantId: 'secret-1', valueId: 'a', lens: 'strategic', score: 3 }
	];

	it('replaces the participant with an alias and leaves out activities below the minimum', () => {
		const rows = anonymousAnswers(
			answers,
			[rate, dots],
			new Map([
				['r', 2],
				['d', 1]
			]),
			values,
			2,
			() => 0.99
		);
		expect(JSON.stringify(rows)).not.toContain('secret');
		expect(rows.map((r) => [r.activity, r.value, r.score])).toHaveLength(3);
		expect(rows.every((r) => r.kind === 'rate' && r.activityTitle === 'Beoordelen')).toBe(true);
		// One person's two answers share an alias; the other person has another.
		const perAlias = new Map<string, number>();
		for (const r of rows) perAlias.set(r.respondent, (perAlias.get(r.respondent) ?? 0) + 1);
		expect([...perAlias.values()].sort()).toEqual([1, 2]);
	});

	it('is empty without answers', () => {
		expect(anonymousAnswers([], [rate], new Map([['r', 0]]), values, 1)).toEqual([]);
	});
});

describe('exportFileName', () => {
	it('makes a safe file name of any title', () => {
		expect(exportFileName('Kick-off: Eigenaarschap & één team', 'answers', 'csv')).toBe(
			'kick-off-eigenaarschap-een-team-answers.csv'
		);
		expect(exportFileName('"; rm -rf', 'aggregates', 'json')).toBe('rm-rf-aggregates.json');
		expect(exportFileName('***', 'aggregates', 'json')).toBe('workshop-aggregates.json');
	});
});
