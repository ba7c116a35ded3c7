import { describe, expect, it } from 'vitest';
import type { ElementKind, Lens } from './culture';
import {
	authorOf,
	buildLensMap,
	compareLensMaps,
	countElements,
	gapBetween,
	groupByKind,
	moveAmong,
	type MapElement,
	type MapValue
} from './culture-map';

const value = (id: string, position: number, lenses: Lens[]): MapValue => ({
	id,
	name: id,
	meaning: '',
	position,
	limiting: false,
	archivedAt: null,
	lenses
});

const element = (
	id: string,
	lens: Lens,
	kind: ElementKind,
	valueId: string | null = null
): MapElement => ({
	id,
	valueId,
	lens,
	kind,
	name: null,
	text: id,
	limiting: false,
	archivedAt: null,
	authorKind: 'staff',
	authorName: 'Ann',
	source: 'staff',
	createdAt: new Date(0),
	updatedAt: null
});

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('groupByKind', () => {
	it('has every kind, each in the order given', () => {
		const groups = groupByKind([
			element('b', 'current', 'ritual'),
			element('a', 'current', 'looks_like', 'v'),
			element('c', 'current', 'ritual')
		]);
		expect(Object.keys(groups)).toHaveLength(7);
		expect(ids(groups.ritual)).toEqual(['b', 'c']);
		expect(ids(groups.looks_like)).toEqual(['a']);
		expect(groups.hero).toEqual([]);
		expect(countElements(groups)).toBe(3);
	});
});

describe('buildLensMap', () => {
	const values = [value('own', 0, ['current', 'paradise']), value('wall', 1, ['assumed'])];
	const elements = [
		element('e1', 'current', 'looks_like', 'own'),
		element('e2', 'paradise', 'looks_like', 'own'),
		element('e3', 'current', 'boundary', 'wall'),
		element('e4', 'current', 'ritual'),
		element('e5', 'current', 'hero', 'own'),
		element('e6', 'assumed', 'signal')
	];

	it('keeps the values of the lens, each with that lens’s elements', () => {
		const map = buildLensMap('current', values, elements);
		expect(ids(map.values)).toEqual(['own']);
		expect(ids(map.values[0].elements.looks_like)).toEqual(['e1']);
		expect(ids(map.values[0].elements.hero)).toEqual(['e5']);
		expect(ids(map.standalone.ritual)).toEqual(['e4']);
		expect(map.standalone.signal).toEqual([]);
	});

	it('leaves out elements of a value that is not part of the lens', () => {
		const map = buildLensMap('assumed', values, elements);
		expect(ids(map.values)).toEqual(['wall']);
		expect(countElements(map.values[0].elements)).toBe(0);
		expect(ids(map.standalone.signal)).toEqual(['e6']);
	});
});

describe('compareLensMaps', () => {
	it('lists values of either lens in position order, null where a value is absent', () => {
		const values = [
			value('later', 5, ['current']),
			value('both', 1, ['assumed', 'current']),
			value('wall', 3, ['assumed'])
		];
		const elements = [element('x', 'current', 'sounds_like', 'both')];
		const result = compareLensMaps(
			buildLensMap('assumed', values, elements),
			buildLensMap('current', values, elements)
		);
		expect(result.values.map((r) => [r.value.id, r.a !== null, r.b !== null])).toEqual([
			['both', true, true],
			['wall', true, false],
			['later', false, true]
		]);
		expect(ids(result.values[0].b?.sounds_like ?? [])).toEqual(['x']);
		expect(result.values[0].a?.sounds_like).toEqual([]);
		expect(result.values[0].value).not.toHaveProperty('elements');
	});
});

describe('gapBetween', () => {
	it('names the method’s gaps in either direction', () => {
		expect(gapBetween('assumed', 'current')?.id).toBe('say_do');
		expect(gapBetween('current', 'assumed')?.id).toBe('say_do');
		expect(gapBetween('paradise', 'strategic')?.id).toBe('realism');
		expect(gapBetween('assumed', 'paradise')).toBeNull();
		expect(gapBetween('current', 'current')).toBeNull();
	});
});

describe('moveAmong', () => {
	const order = ['a', 'hidden', 'b', 'c'];
	const visible = (id: string) => id !== 'hidden';

	it('swaps places with the nearest visible neighbour', () => {
		expect(moveAmong(order, 'b', 'up', visible)).toEqual(['b', 'hidden', 'a', 'c']);
		expect(moveAmong(order, 'a', 'down', visible)).toEqual(['b', 'hidden', 'a', 'c']);
		expect(moveAmong(order, 'b', 'up')).toEqual(['a', 'b', 'hidden', 'c']);
	});

	it('undoes a move down with a move up, hidden items staying put', () => {
		const down = moveAmong(order, 'a', 'down', visible);
		expect(moveAmong(down, 'a', 'up', visible)).toEqual(order);
	});

	it('leaves the order alone at the edges and for unknown ids', () => {
		expect(moveAmong(order, 'a', 'up', visible)).toEqual(order);
		expect(moveAmong(order, 'c', 'down', visible)).toEqual(order);
		expect(moveAmong(['hidden', 'a'], 'a', 'up', visible)).toEqual(['hidden', 'a']);
		expect(moveAmong(order, 'zzz', 'up')).toEqual(order);
	});
});

describe('authorOf', () => {
	it('never names a participant, and names a staff member while their account exists', () => {
		expect(authorOf({ authorKind: 'participant', authorName: 'Ann' })).toEqual({
			kind: 'participant'
		});
		expect(authorOf({ authorKind: 'staff', authorName: 'Ann' })).toEqual({
			kind: 'staff',
			name: 'Ann'
		});
		expect(authorOf({ authorKind: 'staff', authorName: null })).toEqual({ kind: 'former' });
	});
});
