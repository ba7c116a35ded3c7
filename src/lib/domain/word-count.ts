/**
 * The words of a word cloud: how many cards of a collect or outsider-voice activity use each
 * word, in Dutch and English at once. A word is compared folded (case, accents, hyphens,
 * apostrophes and a possessive "'s" as in `wordsIn`), the little words of both languages
 * (`isStopWord`) are left out, and a card counts once for a word however often it repeats it,
 * so one card cannot dominate the cloud. Each word is shown in its most common spelling.
 *
 * Runs on the server: `language.ts` brings the Snowball stemmers with it, which the projector's
 * bundle does without (it is sent the counted words).
 */
import { isStopWord, WORD, wordsIn } from './language';

export interface CountedWord {
	/** The word as the cards spell it most often ("Feedback" on most cards, "feedback" on one). */
	text: string;
	/** How many cards use it (a card that repeats it counts once). */
	count: number;
}

/** How many words a cloud shows. */
export const CLOUD_WORDS = 60;
/** Longer "words" are not words (a pasted link, a row of one letter): they would not fit a line. */
export const LONGEST_WORD = 40;

const POSSESSIVE = /['’‘][sS]$/u;
const NUMBER = /^\p{N}+$/u;

/** Fewer capitals first (a capital is often just the start of a sentence), then code points. */
function preferredSpelling(a: string, b: string): number {
	const capitals = (s: string) => s.replace(/[^\p{Lu}]/gu, '').length;
	return capitals(a) - capitals(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The keys (folded words) of one text with the spelling each had, stop words left out. */
export function cloudWordsIn(text: string): Map<string, string> {
	const found = new Map<string, string>();
	// The same letters and joins as `wordsIn`, but on the text as written, to keep its spelling.
	for (const [match] of text.normalize('NFC').matchAll(WORD)) {
		const spelling = match.replace(POSSESSIVE, '');
		const key = wordsIn(spelling).join('');
		if ([...key].length < 2 || [...key].length > LONGEST_WORD) continue;
		if (NUMBER.test(key) || isStopWord(key)) continue;
		if (!found.has(key)) found.set(key, spelling);
	}
	return found;
}

/**
 * The `limit` words used on most cards, most first; ties alphabetically, so the same cards
 * always give the same cloud. Each text is one card.
 */
export function countWords(texts: Iterable<string>, limit = CLOUD_WORDS): CountedWord[] {
	const cards = new Map<string, number>();
	const spellings = new Map<string, Map<string, number>>();
	for (const text of texts) {
		for (const [key, spelling] of cloudWordsIn(text)) {
			cards.set(key, (cards.get(key) ?? 0) + 1);
			const forms = spellings.get(key) ?? new Map<string, number>();
			forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
			spellings.set(key, forms);
		}
	}
	const words = [...cards].map(([key, count]) => {
		const forms = [...spellings.get(key)!];
		forms.sort(([a, x], [b, y]) => y - x || preferredSpelling(a, b));
		return { key, text: forms[0][0], count };
	});
	words.sort(
		(a, b) =>
			b.count - a.count ||
			collator.compare(a.key, b.key) ||
			(a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
	return words.slice(0, Math.max(0, limit)).map(({ text, count }) => ({ text, count }));
}
