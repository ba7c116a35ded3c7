import { describe, expect, it } from 'vitest';
import { recurringWords, wordsOf } from './words';

describe('wordsOf', () => {
	it('drops English and Dutch stop words, numbers and single letters', () => {
		expect(wordsOf('We take ownership of the 3 things we build')).toEqual([
			'take',
			'ownership',
			'things',
			'build'
		]);
		expect(wordsOf('Wij nemen eigenaarschap voor wat we bouwen')).toEqual([
			'nemen',
			'eigenaarschap',
			'bouwen'
		]);
	});

	it('keeps accents, apostrophes and hyphens inside words, and lower-cases', () => {
		expect(wordsOf('Écoute — e-mail’s “Vertrouwen”!')).toEqual([
			'écoute',
			"e-mail's",
			'vertrouwen'
		]);
	});
});

describe('recurringWords', () => {
	it('counts each card once and ranks the words used on most cards', () => {
		const top = recurringWords([
			'Trust trust trust',
			'Trust and openness',
			'Openness, always',
			'Vertrouwen',
			'vertrouwen en openheid',
			'Speed'
		]);
		expect(top).toEqual([
			{ word: 'openness', cards: 2 },
			{ word: 'trust', cards: 2 },
			{ word: 'vertrouwen', cards: 2 }
		]);
	});

	it('leaves out words that appear on one card only, and respects the limit', () => {
		expect(recurringWords(['alpha beta', 'gamma'])).toEqual([]);
		const texts = ['a1 b1 c1', 'a1 b1 c1', 'a1 b1'];
		expect(recurringWords(texts, 2)).toEqual([
			{ word: 'a1', cards: 3 },
			{ word: 'b1', cards: 3 }
		]);
	});
});
