/**
 * Near-duplicate cards: two texts that differ only by case, spacing, punctuation, a plural or
 * other word ending, a small typo, or the numbering a copy gets ("Bonus only for sales 2").
 * Used by the suggested groups and wherever a card must not be created twice. Pure TypeScript.
 */
import { foldText, guessLanguage, isTypoOf, stem, wordsIn } from './language';

/** The numbering at the end of a copied card: "… 1", "… (2)", "… #3", "… - 4". */
const NUMBERING = /(?:\s+[-–—#(]?\s*|\s*[-–—#(]\s*)\d{1,2}\s*\)?\s*$/u;

/** A text without its trailing copy number, when words remain before it. */
export function withoutNumbering(text: string): string {
	const stripped = text.replace(NUMBERING, '');
	return stripped !== text && /[\p{L}]/u.test(stripped) ? stripped : text;
}

/** What near-duplicate tests compare of a text; compute it once per card with `shapeOf`. */
export interface Shape {
	/** The folded words, copy number dropped. */
	words: string[];
	/** Their Snowball stems, in the text's guessed language. */
	stems: string[];
	/** What is left when a text has no words (emoji only): its non-space characters. */
	symbols: string;
}

export function shapeOf(text: string): Shape {
	const words = wordsIn(withoutNumbering(foldText(text).trim()));
	const language = guessLanguage(words);
	return {
		words,
		stems: words.map((word) => stem(word, language)),
		symbols: words.length ? '' : foldText(text).replace(/\s+/gu, '')
	};
}

/**
 * A key equal for texts that differ only by case, spacing, punctuation, word endings (plural,
 * verb forms: Snowball stems) and copy numbering. Typos need `isNearDuplicate`.
 */
export function nearDuplicateKey(text: string): string {
	return keyOf(shapeOf(text));
}

const digitsOf = (words: readonly string[]) =>
	words.filter((word) => /\p{N}/u.test(word)).join(' ');

/**
 * Whether two card texts say the same thing in the same words: equal `nearDuplicateKey`s, the
 * same letters with the spaces in other places ("weekend work", "weekendwork"), or the same
 * words but for small typos (`isTypoOf`: one slip in a long enough word, same first letter)
 * in at most one word of four (at least one). Numbers must match.
 */
export function isNearDuplicate(a: string, b: string): boolean {
	return areNearDuplicates(shapeOf(a), shapeOf(b));
}

/** `isNearDuplicate` on shapes computed once (`shapeOf`), for many comparisons. */
export function areNearDuplicates(left: Shape, right: Shape): boolean {
	if (!left.words.length || !right.words.length) {
		return !left.words.length && !right.words.length && left.symbols === right.symbols;
	}
	if (keyOf(left) === keyOf(right)) return true;
	if (left.words.join('') === right.words.join('')) return true;
	if (left.words.length !== right.words.length) return false;
	if (digitsOf(left.words) !== digitsOf(right.words)) return false;
	let typos = 0;
	for (let i = 0; i < left.words.length; i++) {
		const x = left.words[i];
		const y = right.words[i];
		if (x === y || left.stems[i] === right.stems[i]) continue;
		if (!isTypoOf(x, y)) return false;
		typos++;
	}
	return typos <= Math.max(1, Math.floor(left.words.length / 4));
}

/** The near-duplicate key of a shape (see `nearDuplicateKey`). */
export function keyOf(shape: Shape): string {
	return shape.words.length ? shape.stems.join(' ') : shape.symbols;
}

/**
 * The sets of near-duplicate cards among `cards`: what a review merges into one element. Each
 * set holds two ids or more, sorted; sets are sorted by their first id. A near-duplicate of a
 * near-duplicate joins the same set. Only texts that can be near-duplicates are compared: the
 * same key, the same letters without spaces, or the same number of words with the same first
 * letters and numbers. Same result in any order; an id repeated is taken once.
 */
export function nearDuplicateSets(cards: readonly { id: string; text: string }[]): string[][] {
	const byId = new Map<string, string>();
	for (const card of cards) {
		const id = String(card.id);
		const text = typeof card.text === 'string' ? card.text : '';
		const seen = byId.get(id);
		if (seen === undefined || text < seen) byId.set(id, text);
	}
	const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const shapes = ids.map((id) => shapeOf(byId.get(id)!));
	const parent = ids.map((_, i) => i);
	const root = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const join = (a: number, b: number) => {
		const [x, y] = [root(a), root(b)];
		if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
	};
	const sameWords = new Map<string, number>();
	const sameKey = new Map<string, number>();
	const sameLetters = new Map<string, number>();
	const sameInitials = new Map<string, number[]>();
	const meet = (map: Map<string, number>, key: string, i: number) => {
		const first = map.get(key);
		if (first === undefined) map.set(key, i);
		else join(first, i);
		return first !== undefined;
	};
	shapes.forEach((shape, i) => {
		// The same words: whatever matches one matches the other, so compare the first only.
		if (meet(sameWords, `${shape.words.join(' ')}|${shape.symbols}`, i)) return;
		meet(sameKey, keyOf(shape), i);
		if (!shape.words.length) return;
		meet(sameLetters, shape.words.join(''), i);
		const initials = `${shape.words.map((word) => word[0]).join('')}|${digitsOf(shape.words)}`;
		const list = sameInitials.get(initials);
		if (list) list.push(i);
		else sameInitials.set(initials, [i]);
	});
	for (const list of sameInitials.values()) {
		for (let a = 0; a < list.length; a++) {
			for (let b = a + 1; b < list.length; b++) {
				if (areNearDuplicates(shapes[list[a]], shapes[list[b]])) join(list[a], list[b]);
			}
		}
	}
	const sets = new Map<number, string[]>();
	ids.forEach((id, i) => {
		const r = root(i);
		const set = sets.get(r);
		if (set) set.push(id);
		else sets.set(r, [id]);
	});
	return [...sets.values()].filter((set) => set.length > 1);
}
