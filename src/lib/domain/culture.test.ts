import { describe, expect, it } from 'vitest';
import {
	ELEMENT_KINDS,
	isElementKind,
	isLens,
	kindHasName,
	kindNeedsValue,
	move,
	nameKey,
	removalFor,
	tidy
} from './culture';

describe('names', () => {
	it('tidies whitespace, including newlines and tabs', () => {
		expect(tidy('  Eigen\taar\n schap  ')).toBe('Eigen aar schap');
	});

	it('treats case, accents and spacing as the same name', () => {
		expect(nameKey('Eigenaarschap')).toBe(nameKey(' eigenaarschap '));
		expect(nameKey('Ownership')).toBe(nameKey('OWNERSHIP'));
		expect(nameKey('Één team')).toBe(nameKey('een  team'));
		expect(nameKey('Ownership')).not.toBe(nameKey('Owner ship'));
	});
});

describe('lenses and kinds', () => {
	it('recognises only the four lenses', () => {
		expect(['assumed', 'current', 'paradise', 'strategic'].every(isLens)).toBe(true);
		expect(isLens('future')).toBe(false);
		expect(isLens(undefined)).toBe(false);
	});

	it('knows which elements carry a name and which need a value', () => {
		expect(ELEMENT_KINDS.filter(kindHasName)).toEqual(['ritual', 'hero', 'signal']);
		expect(ELEMENT_KINDS.filter(kindNeedsValue)).toEqual([
			'looks_like',
			'sounds_like',
			'feels_like',
			'boundary'
		]);
		expect(isElementKind('boundary')).toBe(true);
		expect(isElementKind('value')).toBe(false);
	});
});

describe('removal', () => {
	it('archives once votes exist, deletes before', () => {
		expect(removalFor(0)).toBe('delete');
		expect(removalFor(1)).toBe('archive');
	});
});

describe('move', () => {
	it('moves an item and leaves the input alone', () => {
		const order = ['a', 'b', 'c', 'd'];
		expect(move(order, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
		expect(move(order, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
		expect(order).toEqual(['a', 'b', 'c', 'd']);
	});

	it('ignores moves out of range', () => {
		expect(move(['a', 'b'], 0, 2)).toEqual(['a', 'b']);
		expect(move(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
	});
});
