/**
 * The language parts of card grouping, for Dutch and English: folding text to compare it,
 * words, stop words, a cheap guess of the language, Snowball stems, the concepts of the
 * bilingual lexicon, and a one-edit typo distance. Pure TypeScript (runs in the browser too).
 *
 * Stems come from `snowball-stemmers` (the Snowball project's Dutch and English (Porter2)
 * algorithms, ported to plain JavaScript); the stop-word lists from `stopword` (`eng`, `nld`),
 * adjusted below where a listed word carries meaning on a card.
 */
import { newStemmer } from 'snowball-stemmers';
import { eng, nld } from 'stopword';
import { CONCEPTS } from './lexicon';

export type Language = 'en' | 'nl';

const stemmers = { en: newStemmer('english'), nl: newStemmer('dutch') };

/**
 * Lower case, compatibility forms (full-width letters, ligatures) folded, accents dropped:
 * "Ideeën" and "ideeen", "ＭＥＥＴＩＮＧ" and "meeting" compare equal.
 */
export function foldText(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** Letters and digits of any script; inner apostrophes and hyphens join ("e-mail" → "email"). */
export const WORD = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;

/** The words of a text, folded, without a possessive or plural "'s", hyphens and apostrophes joined. */
export function wordsIn(text: string): string[] {
	const words: string[] = [];
	for (const [match] of foldText(text).matchAll(WORD)) {
		words.push(match.replace(/['’‘]s$/u, '').replace(/['’‘-]/g, ''));
	}
	return words;
}

/** Words a card can do without in either language. */
const EXTRA_STOP = (
	'always usually often sometimes everyone everybody nobody someone somebody people person ' +
	'thing things stuff lot really just get gets getting got even ever every no not dont doesnt ' +
	'isnt arent cant wont its im were theyre thats theres us one also again here there ' +
	'echt gewoon vaak soms iedereen niemand mensen iemand ding dingen elke elk alle wordt worden ' +
	'weer even heel erg hier daar nooit steeds jij jou jouw jullie onze onder elkaar waar zo n t ' +
	'constant constantly continuous continu voortdurend via ' +
	// Filler: places, amounts of time, verbs of going and making, good and bad.
	'everywhere everything anything nothing something overal alles niets iets real need needs ' +
	'needed nodig go goes going gaan gaat ging komen komt kom make makes made maken maakt ' +
	'good bad great goed goede slecht slechte day days dag dagen year years yearly jaar jaren ' +
	'jaarlijks matter matters strong sterk think thinks thinking denk denkt denken say says said ' +
	// Numbers and amounts.
	'two three four five six seven eight nine ten twee drie vier vijf zes zeven acht negen tien ' +
	'few little weinig rare raar week weeks weken alleen achter ' +
	// Verbs that go with anything.
	'when first down take takes want wants see seen find finds vinden vind krijg krijgt krijgen ' +
	'moet moeten mag may cannot'
).split(' ');
/** Listed as stop words by the library, but they say something on a card ("too many"). */
const KEPT = new Set(['many', 'much', 'veel']);

export const STOP_WORDS: ReadonlySet<string> = new Set(
	[...eng, ...nld, ...EXTRA_STOP].map((word) => wordsIn(word).join('')).filter((w) => !KEPT.has(w))
);
const ENGLISH_HINTS = new Set(eng.map(foldText));
const DUTCH_HINTS = new Set(nld.map(foldText));

export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word);
}

/** Stems already computed; a bounded cache (emptied when full), as a room repeats its words. */
const stemCache = { en: new Map<string, string>(), nl: new Map<string, string>() };
const STEM_CACHE_SIZE = 20_000;

export function stem(word: string, language: Language): string {
	const cache = stemCache[language];
	let stemmed = cache.get(word);
	if (stemmed === undefined) {
		if (cache.size >= STEM_CACHE_SIZE) cache.clear();
		stemmed = stemmers[language].stem(word);
		cache.set(word, stemmed);
	}
	return stemmed;
}

/** The concept of each lexicon word, by its folded form and by its stem in its language. */
const conceptByWord = new Map<string, string>();
const conceptByStem = { en: new Map<string, string>(), nl: new Map<string, string>() };
/** The languages whose lexicon lists a word ("meeting" is in both). */
const languagesByWord = new Map<string, Set<Language>>();
for (const row of CONCEPTS) {
	const [name, words] = row.split(':');
	const [english, dutch] = words.split('|');
	for (const [language, list] of [
		['en', english],
		['nl', dutch]
	] as const) {
		for (const word of wordsIn(list)) {
			if (!conceptByWord.has(word)) conceptByWord.set(word, name);
			const stemmed = stem(word, language);
			if (!conceptByStem[language].has(stemmed)) conceptByStem[language].set(stemmed, name);
			const languages = languagesByWord.get(word) ?? new Set();
			languagesByWord.set(word, languages.add(language));
		}
	}
}

/** Every word of the lexicon (folded): anchors for typo correction. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set(conceptByWord.keys());

/** Which lexicon concept a word stands for, if any: by its own form, then by its stems. */
export function conceptOf(word: string, language: Language): string | undefined {
	const other: Language = language === 'en' ? 'nl' : 'en';
	return (
		conceptByWord.get(word) ??
		conceptByStem[language].get(stem(word, language)) ??
		conceptByStem[other].get(stem(word, other)) ??
		(language === 'nl' ? participleConcept(word) : undefined)
	);
}

/**
 * The concept of a part of a compound, by lexicon form only (cheap: no stemming), also as the
 * stem of a Dutch verb ("inwerk" of "inwerken").
 */
export function conceptOfPart(part: string): string | undefined {
	return conceptByWord.get(part) ?? conceptByWord.get(`${part}en`);
}

/** A Dutch past participle by its verb: "gecontroleerd" by "controleren", "geroddeld" by "roddelen". */
function participleConcept(word: string): string | undefined {
	if (word.length < 7 || !word.startsWith('ge')) return undefined;
	const root = word.slice(2);
	const bare = /[dt]$/u.test(root) ? root.slice(0, -1) : root;
	return conceptByStem.nl.get(stem(bare, 'nl')) ?? conceptByStem.nl.get(stem(`${bare}en`, 'nl'));
}

/**
 * A guess of a card's language: the language with more of its little words on the card; when
 * even, with more words that only its half of the lexicon knows (by form, then by stem);
 * English when still even (a short card's stems differ little).
 */
export function guessLanguage(words: readonly string[]): Language {
	let english = 0;
	let dutch = 0;
	for (const word of words) {
		if (ENGLISH_HINTS.has(word)) english++;
		if (DUTCH_HINTS.has(word)) dutch++;
	}
	if (english === dutch) {
		for (const word of words) {
			const languages = languagesByWord.get(word);
			const inEnglish = languages ? languages.has('en') : conceptByStem.en.has(stem(word, 'en'));
			const inDutch = languages ? languages.has('nl') : conceptByStem.nl.has(stem(word, 'nl'));
			if (inEnglish && !inDutch) english++;
			if (inDutch && !inEnglish) dutch++;
		}
	}
	return dutch > english ? 'nl' : 'en';
}

/** How two different words are one edit apart, if they are. */
export type Edit = 'swap' | 'change' | 'insert';

/**
 * Whether two words are one edit apart, and how: two neighbouring letters swapped, one letter
 * changed, or one added or dropped (`insert` either way); null when equal or further apart.
 */
export function oneEdit(a: string, b: string): Edit | null {
	if (a === b) return null;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return null;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return 'change';
		const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
		return swapped ? 'swap' : null;
	}
	const same = la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
	return same ? 'insert' : null;
}

/**
 * Whether `word` may be taken for a typo of `known`: same first letter, and the shorter of
 * the two long enough for that kind of slip (real words one letter apart, "think" and
 * "thank", "stays" and "says", are short: a swap needs 5 letters, a letter too many or too
 * few 6, a changed letter 8).
 */
export function isTypoOf(word: string, known: string): boolean {
	if (word[0] !== known[0]) return false;
	const edit = oneEdit(word, known);
	const length = Math.min(word.length, known.length);
	if (edit === 'swap') return length >= 5;
	if (edit === 'insert') return length >= 6;
	if (edit === 'change') return length >= 8;
	return false;
}

/** The strings left by dropping one letter of a word (with the word itself): a typo index key. */
export function deletions(word: string): string[] {
	const keys = [word];
	for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
	return keys;
}
