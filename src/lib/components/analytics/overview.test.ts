import { describe, expect, it } from 'vitest';
import type { Lens } from '$lib/domain/culture';
import type { RatingCount, VoteTotal, VotingActivity } from '$lib/server/analytics/queries';
import { buildResults } from '$lib/server/analytics/report';
import { gapCharts, overviewOf } from './overview';

// Four values; the strategic gaps (strategic − current means) are +1, −3, +2 and 0.
const NAMES = ['Care', 'Speed', 'Trust', 'Craft'];
const values = NAMES.map((name, i) => ({
	id: `v${i}`,
	name,
	nameKey: name.toLowerCase(),
	limiting: false,
	position: i
}));
const ids = values.map((v) => v.id);
const RATE: VotingActivity = {
	id: 'rate',
	position: 0,
	kind: 'rate',
	title: 'Rate',
	config: { kind: 'rate', lenses: ['current', 'strategic'], scale: '1-5', valueIds: ids }
};
const DOTS: VotingActivity = {
	id: 'dots',
	position: 1,
	kind: 'dot_vote',
	title: 'Dots',
	config: { kind: 'dot_vote', lens: 'current', dots: 3, valueIds: ids }
};
const ALLOCATE: VotingActivity = {
	id: 'points',
	position: 2,
	kind: 'allocate',
	title: 'Points',
	config: { kind: 'allocate', lens: 'strategic', valueIds: ids }
};

/** Everyone (five people) gives the value the same score under a lens. */
const all5 = (valueId: string, lens: Lens, score: number): RatingCount => ({
	activityId: 'rate',
	valueId,
	lens,
	score,
	n: 5,
	people: 5
});
const ratings = [
	all5('v0', 'current', 3),
	all5('v0', 'strategic', 4),
	all5('v1', 'current', 5),
	all5('v1', 'strategic', 2),
	all5('v2', 'current', 2),
	all5('v2', 'strategic', 4),
	all5('v3', 'current', 3),
	all5('v3', 'strategic', 3)
];
const total = (activityId: string, valueId: string, lens: Lens, sum: number): VoteTotal => ({
	activityId,
	valueId,
	lens,
	total: sum
});

function results(
	activities: VotingActivity[],
	totals: VoteTotal[] = [],
	respondents = 5,
	minGroup = 5
) {
	return buildResults({
		activities,
		ratings: activities.includes(RATE) ? ratings : [],
		totals,
		respondents: {
			all: respondents,
			byActivity: new Map(activities.map((a) => [a.id, respondents]))
		},
		values,
		minGroup
	});
}

describe('the gap charts', () => {
	it('lead with the strategic gap, largest first, signs kept', () => {
		const [chart] = gapCharts(results([RATE]).ratings[0]);
		expect(chart.id).toBe('strategic');
		expect(chart.rows.map((r) => [r.name, r.gap])).toEqual([
			['Speed', -3],
			['Trust', 2],
			['Care', 1],
			['Craft', 0]
		]);
	});
});

describe("the projector's overview", () => {
	it('shows the values with the largest gaps, means in the same order', () => {
		const overview = overviewOf(results([RATE]), 2);
		expect(overview.gap?.rows.map((r) => r.name)).toEqual(['Speed', 'Trust']);
		expect(overview.ratings?.values.map((v) => v.name)).toEqual(['Speed', 'Trust']);
		expect(overview.ratings?.values[0].byLens.current?.stats?.mean).toBe(5);
		expect(overview.ratings?.total).toBe(4);
		expect(overview.votes).toBeNull();
	});

	it('ranks voted values by their largest share under any lens', () => {
		// Dots (current): Care 10, Speed 5 → 66.7 %, 33.3 %. Points (strategic): Trust 80, Care 20.
		const overview = overviewOf(
			results(
				[DOTS, ALLOCATE],
				[
					total('dots', 'v0', 'current', 10),
					total('dots', 'v1', 'current', 5),
					total('points', 'v2', 'strategic', 80),
					total('points', 'v0', 'strategic', 20)
				]
			),
			2
		);
		expect(overview.ratings).toBeNull();
		expect(overview.votes?.lenses).toEqual(['current', 'strategic']);
		expect(overview.votes?.values.map((v) => [v.name, v.shares])).toEqual([
			['Trust', [null, 80]],
			['Care', [1000 / 15, 20]]
		]);
		expect(overview.votes?.total).toBe(3);
	});

	it('has nothing to show below the minimum group size, or without answers', () => {
		const few = results([RATE, DOTS], [total('dots', 'v0', 'current', 9)], 4);
		expect(few.tooFew).toEqual({ n: 4, min: 5 });
		expect(overviewOf(few)).toEqual({ gap: null, ratings: null, votes: null });
		expect(overviewOf(results([RATE, DOTS], [], 0))).toEqual({
			gap: null,
			ratings: null,
			votes: null
		});
	});
});
