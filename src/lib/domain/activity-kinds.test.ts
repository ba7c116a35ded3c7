import { describe, expect, expectTypeOf, it } from 'vitest';
import {
	ACTIVITY_KINDS,
	has,
	KINDS,
	kindsWith,
	type ActivityKind,
	type KindTraits,
	type KindsWith,
	type PerKind
} from './activity-kinds';
import {
	configFor,
	defaultConfig,
	needsValues,
	valueIdsOf,
	type TemplateConfig
} from './templates';
import { checkAnswers, votingItems, type ActivityConfig } from './workshop';

/** One config of each kind: a kind without a config shape (or a shape without a row) fails to compile. */
const SAMPLE = {
	collect: { kind: 'collect', lens: 'current', target: 'value' },
	rate: { kind: 'rate', lenses: ['current', 'strategic'], scale: '1-5', valueIds: ['a', 'b'] },
	dot_vote: { kind: 'dot_vote', lens: 'strategic', dots: 3, valueIds: ['a', 'b'] },
	allocate: { kind: 'allocate', lens: 'strategic', valueIds: ['a', 'b'] },
	outsider: { kind: 'outsider' },
	commit: { kind: 'commit', valueIds: ['a'] },
	discuss: { kind: 'discuss' }
} satisfies { [K in ActivityKind]: Extract<ActivityConfig, { kind: K }> };

const kinds = (trait: keyof KindTraits) => ACTIVITY_KINDS.filter((k) => KINDS[k][trait]);

describe('the activity kinds table', () => {
	it('has one row per kind of config, and the kind union is the table', () => {
		expectTypeOf<ActivityConfig['kind']>().toEqualTypeOf<ActivityKind>();
		expectTypeOf<KindsWith<'voting'>>().toEqualTypeOf<'rate' | 'dot_vote' | 'allocate'>();
		expect(ACTIVITY_KINDS).toEqual(Object.keys(SAMPLE));
	});

	it('fails to compile when a per-kind table leaves a kind out', () => {
		// @ts-expect-error: 'discuss' is missing, so this is not a table for every kind
		const missing: PerKind<string> = {
			collect: 'c',
			rate: 'r',
			dot_vote: 'd',
			allocate: 'a',
			outsider: 'o',
			commit: 'c'
		};
		expect(Object.keys(missing)).not.toContain('discuss');
	});

	it('voting: the kinds whose config asks numbered items, which checkAnswers accepts', () => {
		for (const kind of ACTIVITY_KINDS) {
			const items = votingItems(SAMPLE[kind]);
			expect(items.length > 0, kind).toBe(KINDS[kind].voting);
		}
		expect(checkAnswers(SAMPLE.collect, { x: 1 }).ok).toBe(false);
		expect(kindsWith('voting')).toEqual(['rate', 'dot_vote', 'allocate']);
	});

	it('spendsBudget: voting kinds whose whole set is checked against one budget', () => {
		expect(kinds('spendsBudget')).toEqual(['dot_vote', 'allocate']);
		for (const kind of kinds('spendsBudget')) expect(KINDS[kind].voting).toBe(true);
		// A budget is about the set: a rating of one item is whole on its own, an allocation is not.
		expect(checkAnswers(SAMPLE.rate, { 'a:current': 3 }).ok).toBe(true);
		expect(checkAnswers(SAMPLE.allocate, { 'a:strategic': 40 })).toMatchObject({
			ok: false,
			problem: 'wrong_total'
		});
		expect(checkAnswers(SAMPLE.dot_vote, { 'a:strategic': 2, 'b:strategic': 2 })).toMatchObject({
			ok: false,
			problem: 'over_budget'
		});
	});

	it('asksAboutValues: exactly the kinds whose config lists value ids and need values', () => {
		for (const kind of ACTIVITY_KINDS) {
			expect('valueIds' in SAMPLE[kind], kind).toBe(KINDS[kind].asksAboutValues);
			expect(needsValues(kind), kind).toBe(KINDS[kind].asksAboutValues);
			expect(valueIdsOf(SAMPLE[kind]).length > 0, kind).toBe(KINDS[kind].asksAboutValues);
		}
	});

	it('a template config picks values for exactly the kinds that ask about them', () => {
		const team = [
			{ id: 'v1', lenses: ['strategic' as const] },
			{ id: 'v2', lenses: ['current' as const] }
		];
		for (const kind of ACTIVITY_KINDS) {
			const config = defaultConfig(kind, team);
			expect(config.kind).toBe(kind);
			expect(valueIdsOf(config).length > 0, kind).toBe(KINDS[kind].asksAboutValues);
		}
		const rate: TemplateConfig = {
			kind: 'rate',
			lenses: ['current'],
			scale: '0-10',
			values: 'all'
		};
		const filled = configFor(rate, team);
		expect(filled).toEqual({
			kind: 'rate',
			lenses: ['current'],
			scale: '0-10',
			valueIds: ['v1', 'v2']
		});
		expect((filled as { lenses: string[] }).lenses).not.toBe(rate.lenses);
	});

	it('the traits of cards hang together: walls, support, moderation, grouping', () => {
		expect(kinds('cardWall')).toEqual(['collect', 'outsider']);
		for (const trait of ['wallOpenToRoom', 'upvotes', 'moderated', 'groupsUnderValues'] as const) {
			for (const kind of kinds(trait)) expect(KINDS[kind].cardWall, `${trait} ${kind}`).toBe(true);
		}
		expect(kinds('wallOpenToRoom')).toEqual(['outsider']);
		expect(kinds('groupsUnderValues')).toEqual(['collect']);
		// What the room wrote is listed with the texts; a discussion lists its question there.
		for (const kind of kinds('cardWall')) expect(KINDS[kind].written).toBe(true);
		expect(kinds('written')).toEqual(['collect', 'outsider', 'discuss']);
		// Own cards, own support and the leader's form are fetched by the page, not streamed.
		expect(kinds('ownState')).toEqual(['collect', 'outsider', 'commit']);
	});

	it('input and results: what the console offers for each kind', () => {
		for (const kind of ACTIVITY_KINDS) {
			if (KINDS[kind].revealsResults) expect(KINDS[kind].takesInput, kind).toBe(true);
			if (KINDS[kind].voting || KINDS[kind].cardWall) {
				expect(KINDS[kind].revealsResults, kind).toBe(true);
			}
		}
		expect(ACTIVITY_KINDS.filter((k) => !KINDS[k].takesInput)).toEqual(['discuss']);
		expect(ACTIVITY_KINDS.filter((k) => !KINDS[k].revealsResults)).toEqual(['commit', 'discuss']);
	});

	it('has() narrows a kind to those with the trait', () => {
		const kind: ActivityKind = ACTIVITY_KINDS[3];
		if (has(kind, 'spendsBudget')) expectTypeOf(kind).toEqualTypeOf<'dot_vote' | 'allocate'>();
		expect(has('allocate', 'spendsBudget')).toBe(true);
		expect(has('rate', 'spendsBudget')).toBe(false);
	});
});
