import { describe, expect, it } from 'vitest';
import {
	isNearDuplicate,
	nearDuplicateKey,
	nearDuplicateSets,
	withoutNumbering
} from './near-duplicates';

describe('isNearDuplicate: one rule each', () => {
	it('case: capitals and small letters are the same', () => {
		expect(isNearDuplicate('Blame culture', 'BLAME CULTURE')).toBe(true);
		expect(isNearDuplicate('ＭＥＥＴＩＮＧＳ', 'meetings')).toBe(true);
	});

	it('spacing: extra, missing and other white space', () => {
		expect(isNearDuplicate('  Bonus only   for sales ', 'Bonus only for sales')).toBe(true);
		expect(isNearDuplicate('Bonus\tonly\nfor sales', 'Bonus only for sales')).toBe(true);
		expect(isNearDuplicate('weekend work', 'weekendwork')).toBe(true);
	});

	it('punctuation: marks, quotes, hyphens and accents do not count', () => {
		expect(isNearDuplicate('Heroics, at night!!!', 'heroics at night')).toBe(true);
		expect(isNearDuplicate('"Who is to blame?"', 'who is to blame')).toBe(true);
		expect(isNearDuplicate('E-mail at weekends', 'email at weekends')).toBe(true);
		expect(isNearDuplicate('Ideeën worden genegeerd', 'ideeen worden genegeerd')).toBe(true);
	});

	it('plural and other word endings, in English and in Dutch', () => {
		expect(isNearDuplicate('Meeting', 'Meetings')).toBe(true);
		expect(isNearDuplicate('Too many meeting', 'Too many meetings')).toBe(true);
		expect(isNearDuplicate('Lange vergadering', 'Lange vergaderingen')).toBe(true);
		expect(isNearDuplicate('Fout', 'Fouten')).toBe(true);
	});

	it('small typos: one slip in a long enough word with the same first letter', () => {
		expect(isNearDuplicate('Meetigns overrun', 'Meetings overrun')).toBe(true);
		expect(isNearDuplicate('Feeback is rare', 'Feedback is rare')).toBe(true);
		expect(isNearDuplicate('Bureacratie', 'Bureaucratie')).toBe(true);
		expect(isNearDuplicate('heroics at nigth', 'Heroics at night')).toBe(true);
	});

	it('copy numbering: "… 1", "… (2)", "… #3", "… - 4"', () => {
		expect(isNearDuplicate('Bonus only for sales', 'Bonus only for sales 1')).toBe(true);
		expect(isNearDuplicate('Bonus only for sales 1', 'Bonus only for sales 2')).toBe(true);
		expect(isNearDuplicate('Bonus only for sales (3)', 'Bonus only for sales #4')).toBe(true);
		expect(isNearDuplicate('Bonus only for sales - 5', 'bonus only for sales')).toBe(true);
	});

	it('keeps different things apart', () => {
		expect(isNearDuplicate('Blame', 'Flame')).toBe(false); // first letter differs
		expect(isNearDuplicate('Bang', 'Bank')).toBe(false); // too short for a typo
		expect(isNearDuplicate('2 meetings a day', '3 meetings a day')).toBe(false);
		expect(isNearDuplicate('Meetings overrun', 'Meetings start late')).toBe(false);
		expect(isNearDuplicate('Too many meetings', 'meetings')).toBe(false);
		expect(isNearDuplicate('Meetings overrun', '')).toBe(false);
	});

	it('compares texts without words by their symbols', () => {
		expect(isNearDuplicate('🙈', ' 🙈 ')).toBe(true);
		expect(isNearDuplicate('🙈', '😴')).toBe(false);
		expect(isNearDuplicate('', '   ')).toBe(true);
	});
});

describe('nearDuplicateKey', () => {
	it('is the same for case, spacing, punctuation, plural and numbering, so it can key a map', () => {
		const key = nearDuplicateKey('Bonus only for sales');
		for (const text of [
			'BONUS only for sales',
			'Bonus  only for sales!',
			'Bonuses only for sales',
			'Bonus only for sales 2'
		]) {
			expect(nearDuplicateKey(text)).toBe(key);
		}
		expect(nearDuplicateKey('Bonus only for marketing')).not.toBe(key);
	});

	it('never throws on odd text', () => {
		for (const text of ['', ' ', '🙈', 'לא מקשיב', 'x'.repeat(280), '\u0000\u200f']) {
			expect(typeof nearDuplicateKey(text)).toBe('string');
		}
	});
});

describe('withoutNumbering', () => {
	it('drops a trailing copy number only when words remain before it', () => {
		expect(withoutNumbering('Blame 2')).toBe('Blame');
		expect(withoutNumbering('Blame (12)')).toBe('Blame');
		expect(withoutNumbering('2')).toBe('2');
		expect(withoutNumbering('Founded in 2019')).toBe('Founded in 2019');
	});
});

describe('nearDuplicateSets', () => {
	const cards = [
		{ id: 'a', text: 'Bonus only for sales' },
		{ id: 'b', text: 'Bonus only for sales 1' },
		{ id: 'c', text: 'bonus only for sales 2' },
		{ id: 'd', text: 'Bonus only for slaes' },
		{ id: 'e', text: 'Meetings overrun' },
		{ id: 'f', text: 'Meetigns overrun' },
		{ id: 'g', text: 'weekend work' },
		{ id: 'h', text: 'weekendwork' },
		{ id: 'i', text: 'Blame' },
		{ id: 'j', text: '🙈' },
		{ id: 'k', text: '🙈' }
	];

	it('finds every set of copies, typos and spacing variants, and leaves single cards out', () => {
		expect(nearDuplicateSets(cards)).toEqual([
			['a', 'b', 'c', 'd'],
			['e', 'f'],
			['g', 'h'],
			['j', 'k']
		]);
	});

	it('gives the same sets in any order, and takes a repeated id once', () => {
		expect(nearDuplicateSets([...cards].reverse())).toEqual(nearDuplicateSets(cards));
		expect(nearDuplicateSets([...cards, { id: 'i', text: 'Blame' }])).toEqual(
			nearDuplicateSets(cards)
		);
	});

	it('copes with 1,000 cards of one text', () => {
		const same = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, text: 'Blame' }));
		const sets = nearDuplicateSets(same);
		expect(sets).toHaveLength(1);
		expect(sets[0]).toHaveLength(1000);
	});
});
