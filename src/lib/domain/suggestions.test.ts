import { describe, expect, it } from 'vitest';
import { cardSetKey, openSuggestions, type WallCard } from './suggestions';

const card = (id: string, text: string, more: Partial<WallCard> = {}): WallCard => ({
	id,
	text,
	hidden: false,
	mergedInto: null,
	...more
});

const WALL = [
	card('a', 'Meetings always overrun'),
	card('b', 'Vergaderingen lopen altijd uit'),
	card('c', 'Our meetings overrun every week'),
	card('d', 'Great coffee')
];

describe('openSuggestions', () => {
	it('suggests the loose cards that say the same thing', () => {
		expect(openSuggestions(WALL).map((g) => g.cardIds)).toEqual([['a', 'b', 'c']]);
	});

	it('leaves out hidden cards, cards folded into another and cards that are already a group', () => {
		const wall = [
			card('a', 'Meetings always overrun', { hidden: true }),
			card('b', 'Vergaderingen lopen altijd uit'),
			card('c', 'Our meetings overrun every week'),
			card('e', 'meetings overrun', { mergedInto: 'g' }),
			card('g', 'Meetings overrun'),
			card('f', 'vergaderingen lopen uit')
		];
		expect(openSuggestions(wall).map((g) => g.cardIds)).toEqual([['b', 'c', 'f']]);
	});

	it('does not bring back a dismissed suggestion, nor one of fewer of its cards; a new card does', () => {
		const dismissed = [cardSetKey(['c', 'a', 'b'])];
		expect(openSuggestions(WALL, dismissed)).toEqual([]);
		expect(
			openSuggestions(
				WALL.filter((c) => c.id !== 'c'),
				dismissed
			)
		).toEqual([]);
		const grown = [...WALL, card('e', 'meetings overrun again')];
		expect(openSuggestions(grown, dismissed).map((g) => g.cardIds)).toEqual([['a', 'b', 'c', 'e']]);
	});

	it('writes a set of card ids one way whatever their order or repeats', () => {
		expect(cardSetKey(['b', 'a', 'b'])).toBe('a,b');
	});
});
