import { describe, expect, it } from 'vitest';
import { pairwiseScore, suggestGroups, type GroupingCard, type SuggestedGroup } from './grouping';
import {
	freshCards,
	holdoutHalf,
	labelledCards,
	perturbedCards,
	tuningHalf
} from './grouping.fixture';

const cards = (...texts: string[]): GroupingCard[] =>
	texts.map((text, i) => ({ id: `card-${String(i).padStart(2, '0')}`, text }));

/** Each group as the sorted texts of its cards, for readable expectations. */
function textsOf(groups: SuggestedGroup[], from: GroupingCard[]): string[][] {
	const text = new Map(from.map((card) => [card.id, card.text]));
	return groups.map((group) => group.cardIds.map((id) => text.get(id)!).sort());
}

describe('suggestGroups on small hand-made sets', () => {
	it('groups English cards that say the same thing, and leaves the others out', () => {
		const set = cards(
			'Meetings always overrun',
			'Our meetings overrun every week',
			'meetings overrun',
			'Blame culture',
			'We blame each other',
			'Free fruit on Mondays'
		);
		expect(textsOf(suggestGroups(set), set)).toEqual([
			['Meetings always overrun', 'Our meetings overrun every week', 'meetings overrun'],
			['Blame culture', 'We blame each other']
		]);
	});

	it('groups Dutch cards, particle verbs and compounds included', () => {
		const set = cards(
			'Vergaderingen lopen altijd uit',
			'Het overleg loopt uit',
			'Vergaderingen duren te lang',
			'Schuldcultuur',
			'Er heerst een schuldcultuur',
			'De koffie is lekker'
		);
		expect(textsOf(suggestGroups(set), set)).toEqual([
			['Het overleg loopt uit', 'Vergaderingen duren te lang', 'Vergaderingen lopen altijd uit'],
			['Er heerst een schuldcultuur', 'Schuldcultuur']
		]);
	});

	it('groups a Dutch card with an English one through the lexicon', () => {
		const set = cards(
			'Schuldcultuur',
			'blame culture',
			'Bonus alleen voor sales',
			'Bonus only for sales'
		);
		expect(textsOf(suggestGroups(set), set)).toEqual([
			['Schuldcultuur', 'blame culture'],
			['Bonus alleen voor sales', 'Bonus only for sales']
		]);
	});

	it('always puts near-duplicates together, with a name without the copy number', () => {
		const set = cards('Bonus only for sales 1', 'Bonus only for sales 2', 'bonus ONLY for sales!');
		const [group, ...rest] = suggestGroups(set);
		expect(rest).toEqual([]);
		expect(group.cardIds).toHaveLength(3);
		expect(group.name).toBe('Bonus only for sales');
		expect(group.cohesion).toBe(1);
	});

	it('names a group after its most central card, short and cut at a word', () => {
		const set = cards(
			'Meetings overrun',
			'Meetings overrun because nobody watches the clock and the agenda is far too long',
			'meetings always overrun'
		);
		const [group] = suggestGroups(set);
		expect(group.name).toBe('Meetings overrun');
		const long = suggestGroups(set, { nameLength: 20 });
		expect(Array.from(long[0].name).length).toBeLessThanOrEqual(20);
	});
});

describe('suggestGroups is deterministic', () => {
	const set = labelledCards();

	it('gives the same groups for the same cards in any order', () => {
		const once = suggestGroups(set);
		const reversed = suggestGroups([...set].reverse());
		const shuffled = suggestGroups(
			[...set].sort(
				(a, b) => (a.text.length % 7) - (b.text.length % 7) || (a.text < b.text ? 1 : -1)
			)
		);
		expect(reversed).toEqual(once);
		expect(shuffled).toEqual(once);
		expect(suggestGroups(set)).toEqual(once);
	});

	it('takes a repeated id once', () => {
		const twice = [
			...cards('Blame culture', 'We blame each other'),
			{ id: 'card-00', text: 'Blame culture' }
		];
		expect(suggestGroups(twice)).toEqual(
			suggestGroups(cards('Blame culture', 'We blame each other'))
		);
	});
});

describe('suggestGroups on bad input', () => {
	it('returns no group for no card or one card', () => {
		expect(suggestGroups([])).toEqual([]);
		expect(suggestGroups(cards('Blame'))).toEqual([]);
	});

	it('does not throw on 1 or 280 characters, emoji only, right-to-left text or empty text', () => {
		const odd = cards(
			'x',
			'?',
			'',
			'   ',
			'a'.repeat(280),
			'meeting '.repeat(35).trim(),
			'🙈',
			'🙈',
			'😴😴',
			'لا أحد يستمع إلى الموظفين',
			'لا أحد يستمع إلى الموظفين 2',
			'אף אחד לא מקשיב',
			'\u202eoverrun\u202c meetings',
			'Meetings overrun'
		);
		const groups = suggestGroups(odd);
		const ids = new Set(odd.map((card) => card.id));
		for (const group of groups) {
			expect(group.cardIds.length).toBeGreaterThanOrEqual(2);
			expect(group.cardIds.every((id) => ids.has(id))).toBe(true);
			expect(typeof group.name).toBe('string');
		}
		const texts = textsOf(groups, odd);
		expect(texts).toContainEqual(['🙈', '🙈']);
		expect(texts).toContainEqual(['لا أحد يستمع إلى الموظفين', 'لا أحد يستمع إلى الموظفين 2']);
	});

	it('handles 1,000 cards, each card in at most one group', () => {
		const many = perturbedCards(1000);
		const groups = suggestGroups(many);
		const seen = new Set<string>();
		for (const group of groups) {
			for (const id of group.cardIds) {
				expect(seen.has(id)).toBe(false);
				seen.add(id);
			}
		}
		expect(groups.length).toBeGreaterThan(10);
	});
});

describe('suggestGroups on a room that says one thing many times', () => {
	it('puts every copy in one group, counts each copy as a card, and names it without numbers', () => {
		const cards = [
			...Array.from({ length: 300 }, (_, i) => ({
				id: `c${String(i).padStart(3, '0')}`,
				text: `Meetings always overrun ${i < 150 ? '' : `#${i}`}`.trim()
			})),
			{ id: 'nl', text: 'Vergaderingen lopen altijd uit' },
			{ id: 'emoji1', text: '🙂🙂' },
			{ id: 'emoji2', text: '🙂🙂' },
			{ id: 'other', text: 'Great coffee' }
		];
		const groups = suggestGroups(cards);
		expect(groups.map((g) => g.cardIds.length)).toEqual([301, 2]);
		expect(groups[0].cardIds).toContain('nl');
		expect(groups[0].cardIds).not.toContain('other');
		expect(groups[0].name).toBe('Meetings always overrun');
		expect(groups[0].cohesion).toBe(1);
		expect(groups[1].cardIds).toEqual(['emoji1', 'emoji2']);
	});

	it('weighs copies: a card like one of two groups joins the group it is like', () => {
		const cards = [
			{ id: 'a1', text: 'Blame culture' },
			{ id: 'a2', text: 'Blame culture' },
			{ id: 'a3', text: 'blame culture 2' },
			{ id: 'b1', text: 'Schuldcultuur' },
			{ id: 'c1', text: 'We blame each other' }
		];
		const [group] = suggestGroups(cards);
		expect(group.cardIds).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
		expect(group.cohesion).toBeGreaterThan(0.6);
		expect(group.cohesion).toBeLessThan(1);
	});
});

describe('pairwiseScore', () => {
	it('counts the pairs put together that share a label, against all pairs that do', () => {
		const labels = new Map([
			['a', 'x'],
			['b', 'x'],
			['c', 'x'],
			['d', 'y'],
			['e', 'y']
		]);
		// Pairs put together: ab, ad, bd (1 right of 3); pairs sharing a label: ab, ac, bc, de (4).
		const score = pairwiseScore([{ cardIds: ['a', 'b', 'd'] }], labels);
		expect(score).toEqual({
			precision: 1 / 3,
			recall: 1 / 4,
			truePairs: 1,
			suggestedPairs: 3,
			labelledPairs: 4
		});
	});
});

describe('quality on the labelled cards', () => {
	const all = labelledCards();
	const score = (set: typeof all) =>
		pairwiseScore(suggestGroups(set), new Map(set.map((card) => [card.id, card.label])));

	it('has at least 200 labelled cards in both languages', () => {
		expect(all.length).toBeGreaterThanOrEqual(200);
		expect(new Set(all.map((card) => card.label)).size).toBeGreaterThan(40);
		expect(freshCards().length).toBeGreaterThanOrEqual(60);
	});

	// Floors a little under the figures of `npm run bench:grouping`: a broken stemmer, lexicon,
	// typo rule or clustering step falls through them.
	it('keeps pairwise precision and recall above their floors', () => {
		const whole = score(all);
		expect(whole.precision).toBeGreaterThanOrEqual(0.78);
		expect(whole.recall).toBeGreaterThanOrEqual(0.5);
		const held = score(holdoutHalf(all));
		expect(held.precision).toBeGreaterThanOrEqual(0.9);
		expect(held.recall).toBeGreaterThanOrEqual(0.58);
		const tuned = score(tuningHalf(all));
		expect(tuned.precision).toBeGreaterThanOrEqual(0.9);
		expect(tuned.recall).toBeGreaterThanOrEqual(0.48);
		const fresh = score(freshCards());
		expect(fresh.precision).toBeGreaterThanOrEqual(0.85);
		expect(fresh.recall).toBeGreaterThanOrEqual(0.33);
	});
});
