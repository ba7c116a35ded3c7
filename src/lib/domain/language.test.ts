import { describe, expect, it } from 'vitest';
import {
	conceptOf,
	foldText,
	guessLanguage,
	isStopWord,
	isTypoOf,
	oneEdit,
	stem,
	wordsIn
} from './language';
import { CONCEPTS } from './lexicon';

describe('words and folding', () => {
	it("folds case, accents and compatibility forms; joins hyphens; drops a trailing 's", () => {
		expect(foldText('Ideeën ＡＢＣ')).toBe('ideeen abc');
		expect(wordsIn("Back-to-back meetings, the boss's collega's!")).toEqual([
			'backtoback',
			'meetings',
			'the',
			'boss',
			'collega'
		]);
		expect(wordsIn('🙈 🔥')).toEqual([]);
		expect(wordsIn('אף אחד לא מקשיב')).toEqual(['אף', 'אחד', 'לא', 'מקשיב']);
	});

	it('knows the little words of both languages, and keeps the ones that say something', () => {
		expect(['the', 'always', 'de', 'altijd', 'wordt'].every(isStopWord)).toBe(true);
		expect(['many', 'veel', 'blame', 'schuld'].some(isStopWord)).toBe(false);
	});
});

describe('guessLanguage', () => {
	it('counts the little words, then the words only one half of the lexicon knows', () => {
		expect(guessLanguage(wordsIn('Meetings lopen altijd uit'))).toBe('nl');
		expect(guessLanguage(wordsIn('meetings always overrun'))).toBe('en');
		expect(guessLanguage(wordsIn('Vergaderingen'))).toBe('nl');
		expect(guessLanguage(wordsIn('Heroics'))).toBe('en');
	});
});

describe('stems and concepts', () => {
	it('stems with the Snowball algorithm of each language', () => {
		expect(stem('vergaderingen', 'nl')).toBe(stem('vergadering', 'nl'));
		expect(stem('meetings', 'en')).toBe(stem('meeting', 'en'));
	});

	it('maps Dutch and English words of one meaning to one concept', () => {
		expect(conceptOf('vergaderingen', 'nl')).toBe('meeting');
		expect(conceptOf('meetings', 'nl')).toBe('meeting');
		expect(conceptOf('schuld', 'nl')).toBe(conceptOf('blame', 'en'));
		expect(conceptOf('gecontroleerd', 'nl')).toBe('control');
		expect(conceptOf('zebra', 'en')).toBeUndefined();
	});

	it('has one concept per word and per stem (a word in two rows would join two topics)', () => {
		for (const language of ['en', 'nl'] as const) {
			const byWord = new Map<string, string>();
			const byStem = new Map<string, string>();
			for (const row of CONCEPTS) {
				const [name, words] = row.split(':');
				const list = words.split('|')[language === 'en' ? 0 : 1];
				for (const word of wordsIn(list)) {
					expect(byWord.get(word) ?? name, `${word} in ${name}`).toBe(name);
					expect(byStem.get(stem(word, language)) ?? name, `${word} in ${name}`).toBe(name);
					byWord.set(word, name);
					byStem.set(stem(word, language), name);
				}
			}
		}
	});
});

describe('typos', () => {
	it('tells the kind of a one-letter slip', () => {
		expect(oneEdit('meetigns', 'meetings')).toBe('swap');
		expect(oneEdit('feeback', 'feedback')).toBe('insert');
		expect(oneEdit('meetinfs', 'meetings')).toBe('change');
		expect(oneEdit('meeting', 'meeting')).toBeNull();
		expect(oneEdit('meet', 'mate')).toBeNull();
	});

	it('takes a word for a typo only when it is long enough for that slip', () => {
		expect(isTypoOf('nigth', 'night')).toBe(true);
		expect(isTypoOf('feeback', 'feedback')).toBe(true);
		expect(isTypoOf('meetinfs', 'meetings')).toBe(true);
		expect(isTypoOf('think', 'thank')).toBe(false);
		expect(isTypoOf('stays', 'says')).toBe(false);
		expect(isTypoOf('voeren', 'vieren')).toBe(false);
		expect(isTypoOf('blame', 'flame')).toBe(false);
	});
});
