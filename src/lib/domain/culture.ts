/**
 * The culture model of the method (../shared/docs/culture-method.md): four lenses, the
 * elements that make a value concrete, and the limits every form enforces. Pure TypeScript.
 */

/** The four versions of a culture that are active at the same time. */
export const LENSES = ['assumed', 'current', 'paradise', 'strategic'] as const;
export type Lens = (typeof LENSES)[number];

/** Behaviours make a value concrete; boundaries mark what crosses the line. */
export const BEHAVIOUR_KINDS = ['looks_like', 'sounds_like', 'feels_like'] as const;
/** Rituals, heroes and signals grow from values; they may also stand alone. */
export const LINKED_KINDS = ['ritual', 'hero', 'signal'] as const;
export const ELEMENT_KINDS = [...BEHAVIOUR_KINDS, 'boundary', ...LINKED_KINDS] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
export type BehaviourKind = (typeof BEHAVIOUR_KINDS)[number];
export type LinkedKind = (typeof LINKED_KINDS)[number];

/** Onion order, core first: what the overview draws from the centre outwards. */
export const ONION = ['value', ...LINKED_KINDS] as const;

export const ROLES = ['owner', 'facilitator', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const LIMITS = {
	name: { min: 1, max: 80 },
	text: { max: 1000 },
	password: { min: 10, max: 200 },
	email: { max: 254 },
	minGroupSize: { min: 3, max: 50 }
} as const;

export function isLens(value: unknown): value is Lens {
	return typeof value === 'string' && (LENSES as readonly string[]).includes(value);
}

export function isElementKind(value: unknown): value is ElementKind {
	return typeof value === 'string' && (ELEMENT_KINDS as readonly string[]).includes(value);
}

/** Rituals, heroes and signals have a short name of their own; behaviours are just text. */
export function kindHasName(kind: ElementKind): kind is LinkedKind {
	return (LINKED_KINDS as readonly string[]).includes(kind);
}

/** Behaviours and boundaries only make sense as part of a value. */
export function kindNeedsValue(kind: ElementKind): boolean {
	return !kindHasName(kind);
}

/**
 * Characters no stored text keeps, because they hide or disguise what others read: control
 * characters (NUL and the rest of C0, DEL, C1), invisible format characters (bidi embeddings,
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, marks like U+200E/F and U+061C, zero
 * widths, soft hyphens, the byte-order mark, tag characters), line and paragraph separators and
 * unpaired surrogates. Kept: the zero-width joiner and non-joiner (emoji sequences and several
 * scripts need them). Multi-line text keeps its line breaks and tabs (`tidyText`).
 */
const HIDDEN = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** Text without the characters of `HIDDEN`. */
export function withoutHidden(text: string): string {
	return text.replace(HIDDEN, '');
}

/**
 * A one-line name or text as stored: whitespace (line breaks too) collapsed to single spaces,
 * hidden characters dropped, trimmed, so that "  Ownership " and "Ownership" are the same name.
 */
export function tidy(text: string): string {
	return withoutHidden(text.replace(/\s+/gu, ' ')).trim();
}

/**
 * Multi-line text as stored: line breaks made `\n`, tabs kept, every other hidden character
 * dropped, trimmed.
 */
export function tidyText(text: string): string {
	return text
		.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
		.replace(HIDDEN, (char) => (char === '\n' || char === '\t' ? char : ''))
		.trim();
}

/**
 * The key under which names must be unique: case-, accent- and spacing-insensitive, so
 * "Eigenaarschap", "eigenaarschap " and "Eigenaarschäp" count as one value.
 */
export function nameKey(name: string): string {
	return tidy(name).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Gaps the method names, as ordered pairs of lenses (from → to). */
export const GAPS = [
	{ id: 'say_do', from: 'assumed', to: 'current' },
	{ id: 'aspiration', from: 'current', to: 'paradise' },
	{ id: 'strategic', from: 'current', to: 'strategic' },
	{ id: 'realism', from: 'strategic', to: 'paradise' }
] as const satisfies readonly { id: string; from: Lens; to: Lens }[];

/**
 * Whether an element may be deleted outright. Once the team has voted on it, deleting would
 * rewrite history, so it can only be archived.
 */
export function removalFor(voteCount: number): 'delete' | 'archive' {
	return voteCount > 0 ? 'archive' : 'delete';
}

/**
 * Moves the item at `from` to `to` and returns the new order; out-of-range moves return the
 * order unchanged.
 */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
	const order = [...items];
	if (from < 0 || from >= order.length || to < 0 || to >= order.length) return order;
	const [item] = order.splice(from, 1);
	order.splice(to, 0, item);
	return order;
}
