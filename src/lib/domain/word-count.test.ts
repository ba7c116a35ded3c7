import { describe, expect, it } from 'vitest';
import { CLOUD_WORDS, cloudWordsIn, countWords } from './word-count';

describe('countWords', () => {
	it('counts the cards that use a word, leaving out the little words of both languages', () => {
		expect(
			countWords([
				'Too many meetings',
				'De meetings duren te lang',
				'Meetings and no agenda',
				'Nobody reads the agenda'
			])
		).toEqual([
			{ text: 'meetings', count: 3 },
			{ text: 'agenda', count: 2 },
			{ text: 'duren', count: 1 },
			{ text: 'lang', count: 1 },
			{ text: 'many', count: 1 },
			{ text: 'reads', count: 1 }
		]);
	});

	it('counts a card once however often it repeats a word', () => {
		expect(countWords(['blame blame blame BLAME blame', 'blame', 'trust'])).toEqual([
			{ text: 'blame', count: 2 },
			{ text: 'trust', count: 1 }
		]);
	});

	it('folds case, accents, hyphens and a possessive, and shows the most common spelling', () => {
		const words = countWords([
			'Feedback comes late',
			'feedback is rare',
			'Feedback only yearly',
			'Ideeën worden genegeerd',
			'ideeen? niemand luistert',
			'E-mail all day',
			'email at night',
			"The boss's e-mail"
		]);
		expect(words.find((w) => w.text.toLowerCase() === 'feedback')).toEqual({
			text: 'Feedback',
			count: 3
		});
		expect(words.find((w) => w.text.startsWith('Idee') || w.text.startsWith('idee'))).toEqual({
			text: 'ideeen',
			count: 2
		});
		expect(words.find((w) => w.text === 'e-mail')).toEqual({ text: 'e-mail', count: 3 });
		expect(words.find((w) => w.text === 'boss')).toEqual({ text: 'boss', count: 1 });
		expect(words.some((w) => w.text === 'email' || w.text === "boss's")).toBe(false);
	});

	it('prefers the spelling with fewer capitals when spellings are as common', () => {
		expect(countWords(['Koffie', 'koffie'])).toEqual([{ text: 'koffie', count: 2 }]);
	});

	it('keeps the top words, most first and ties alphabetically, the same for the same cards', () => {
		const texts = Array.from({ length: 100 }, (_, i) => `woord${String(i).padStart(3, '0')} x`);
		const words = countWords([...texts, 'woord099 again', 'woord050 again']);
		expect(words).toHaveLength(CLOUD_WORDS);
		expect(words.slice(0, 3)).toEqual([
			{ text: 'woord050', count: 2 },
			{ text: 'woord099', count: 2 },
			{ text: 'woord000', count: 1 }
		]);
		expect(countWords([...texts].reverse())).toEqual(countWords(texts));
		expect(countWords(texts, 5)).toHaveLength(5);
	});

	it('leaves out emoji, single letters, numbers and "words" too long to be words', () => {
		expect(
			countWords([
				'🙈🙈 🔥 👍🏽',
				'a b c x 7 42 2026',
				'a'.repeat(280),
				`${'z'.repeat(41)} ${'Arbeidsongeschiktheidsverzekering'}`,
				'!'
			])
		).toEqual([{ text: 'Arbeidsongeschiktheidsverzekering', count: 1 }]);
		expect(countWords([])).toEqual([]);
		expect(countWords([''])).toEqual([]);
	});

	it('counts right-to-left and other scripts as written', () => {
		const words = countWords(['אף אחד לא מקשיב', 'אף אחד', 'لا أحد يستمع', 'لا أحد']);
		expect(words.slice(0, 4).map((w) => w.count)).toEqual([2, 2, 2, 2]);
		expect(words.map((w) => w.text)).toContain('מקשיב');
		expect(words.map((w) => w.text)).toContain('يستمع');
	});

	it('handles a card of 280 characters and a room of 1,000 cards', () => {
		const long = 'Vergaderingen zonder agenda '.repeat(10).slice(0, 280);
		expect(countWords([long])).toEqual([
			{ text: 'agenda', count: 1 },
			{ text: 'Vergaderingen', count: 1 }
		]);
		const room = Array.from({ length: 1000 }, (_, i) => `${long} kaart${i % 70}`);
		const words = countWords(room);
		expect(words).toHaveLength(CLOUD_WORDS);
		expect(words[0]).toEqual({ text: 'agenda', count: 1000 });
	});
});

describe('cloudWordsIn', () => {
	it('keys a text by its folded words and keeps the first spelling on the card', () => {
		expect([...cloudWordsIn('Blame, blame and BLAME: the Boss’s habit')]).toEqual([
			['blame', 'Blame'],
			['boss', 'Boss'],
			['habit', 'habit']
		]);
	});
});
