/**
 * How a team's culture map is read: one lens at a time (values at the core, then rituals,
 * heroes and signals), or two lenses side by side so the gaps show. Pure TypeScript.
 */
import {
	BEHAVIOUR_KINDS,
	ELEMENT_KINDS,
	GAPS,
	LINKED_KINDS,
	type ElementKind,
	type Lens,
	type LinkedKind
} from './culture';

/**
 * How a value's elements are laid out: what it looks, sounds and feels like with its
 * boundaries, then the rituals, heroes and signals that grow from it.
 */
export const KIND_GROUPS = [
	{ id: 'behaviour', kinds: [...BEHAVIOUR_KINDS, 'boundary'] },
	{ id: 'linked', kinds: LINKED_KINDS }
] as const satisfies readonly { id: string; kinds: readonly ElementKind[] }[];

export interface MapValue {
	id: string;
	name: string;
	meaning: string;
	position: number;
	limiting: boolean;
	archivedAt: Date | null;
	lenses: Lens[];
	/** The workshop review that created it, and how many cards it stands for. */
	origin?: Origin | null;
}

/** Where a value or element came from when a workshop review created it. */
export interface Origin {
	workshopTitle: string;
	cards: number;
}

export interface MapElement {
	id: string;
	valueId: string | null;
	lens: Lens;
	kind: ElementKind;
	name: string | null;
	text: string;
	limiting: boolean;
	archivedAt: Date | null;
	authorKind: 'staff' | 'participant';
	/** The staff member who added it; null for participants and for deleted accounts. */
	authorName: string | null;
	source: 'staff' | 'workshop';
	origin?: Origin | null;
	createdAt: Date;
	updatedAt: Date | null;
}

export type ElementsByKind = Record<ElementKind, MapElement[]>;

export interface LensMap {
	lens: Lens;
	values: (MapValue & { elements: ElementsByKind })[];
	/** Rituals, heroes and signals of the lens that belong to no value. */
	standalone: Record<LinkedKind, MapElement[]>;
}

/**
 * How an element's author is shown: participants stay anonymous, and a staff member whose
 * account is gone is a former member.
 */
export function authorOf(
	element: Pick<MapElement, 'authorKind' | 'authorName'>
): { kind: 'participant' } | { kind: 'staff'; name: string } | { kind: 'former' } {
	if (element.authorKind === 'participant') return { kind: 'participant' };
	return element.authorName ? { kind: 'staff', name: element.authorName } : { kind: 'former' };
}

/** Elements sorted into their kinds, keeping the order they came in. */
export function groupByKind(elements: readonly MapElement[]): ElementsByKind {
	const groups = Object.fromEntries(ELEMENT_KINDS.map((k) => [k, []])) as unknown as ElementsByKind;
	for (const element of elements) groups[element.kind].push(element);
	return groups;
}

export function countElements(groups: ElementsByKind): number {
	return ELEMENT_KINDS.reduce((n, kind) => n + groups[kind].length, 0);
}

/**
 * The map under one lens: the values that are part of it (in the order given), each with its
 * elements of that lens, and the lens's standalone rituals, heroes and signals. Elements of a
 * value outside the lens stay out of sight until the value joins the lens again.
 */
export function buildLensMap(
	lens: Lens,
	values: readonly MapValue[],
	elements: readonly MapElement[]
): LensMap {
	const inLens = elements.filter((e) => e.lens === lens);
	const byValue = new Map<string, MapElement[]>();
	for (const element of inLens) {
		if (element.valueId === null) continue;
		const list = byValue.get(element.valueId) ?? [];
		list.push(element);
		byValue.set(element.valueId, list);
	}
	const loose = groupByKind(inLens.filter((e) => e.valueId === null));
	return {
		lens,
		values: values
			.filter((v) => v.lenses.includes(lens))
			.map((v) => ({ ...v, elements: groupByKind(byValue.get(v.id) ?? []) })),
		standalone: { ritual: loose.ritual, hero: loose.hero, signal: loose.signal }
	};
}

export interface ComparedValue {
	value: MapValue;
	/** The value's elements under lens a, or null when the value is not part of lens a. */
	a: ElementsByKind | null;
	b: ElementsByKind | null;
}

export interface LensComparison {
	a: Lens;
	b: Lens;
	values: ComparedValue[];
	standalone: { a: LensMap['standalone']; b: LensMap['standalone'] };
}

/** Two lens maps side by side, per value present in either, in the order of the values. */
export function compareLensMaps(a: LensMap, b: LensMap): LensComparison {
	const rows = new Map<string, ComparedValue>();
	for (const { elements, ...value } of a.values) {
		rows.set(value.id, { value, a: elements, b: null });
	}
	for (const { elements, ...value } of b.values) {
		const row = rows.get(value.id);
		if (row) row.b = elements;
		else rows.set(value.id, { value, a: null, b: elements });
	}
	return {
		a: a.lens,
		b: b.lens,
		values: [...rows.values()].sort((x, y) => x.value.position - y.value.position),
		standalone: { a: a.standalone, b: b.standalone }
	};
}

/** The gap the method names between two lenses, in either direction, if any. */
export function gapBetween(a: Lens, b: Lens): (typeof GAPS)[number] | null {
	return GAPS.find((g) => (g.from === a && g.to === b) || (g.from === b && g.to === a)) ?? null;
}

/**
 * The new order after moving `id` one step `direction`: it swaps places with its nearest
 * neighbour that is `visible` (e.g. part of the lens being looked at), so values hidden from
 * view keep their places and a move down undone by a move up restores the order. Returns the
 * order unchanged when there is nowhere to go.
 */
export function moveAmong(
	order: readonly string[],
	id: string,
	direction: 'up' | 'down',
	visible: (id: string) => boolean = () => true
): string[] {
	const next = [...order];
	const from = order.indexOf(id);
	if (from < 0) return next;
	const step = direction === 'up' ? -1 : 1;
	for (let to = from + step; to >= 0 && to < order.length; to += step) {
		if (visible(order[to])) {
			[next[from], next[to]] = [next[to], next[from]];
			return next;
		}
	}
	return next;
}
