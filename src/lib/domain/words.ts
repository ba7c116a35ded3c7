/**
 * The words that recur most on a card wall, for the projector: a plain count of how many
 * cards use each word, with the little words of English and Dutch left out. Pure TypeScript.
 */

const STOP_WORDS = new Set(
	// English
	(
		'a about above after again against all also am an and any are as at be because been before ' +
		'being below between both but by can could did do does doing down during each even every ' +
		'few for from further get gets got had has have having he her here hers herself him himself ' +
		'his how i if in into is it its itself just let lets like make makes me more most much must my ' +
		'myself no nor not now of off on once one only or other our ours ourselves out over own really ' +
		'same she should so some such than that the their theirs them themselves then there these ' +
		'they this those through to too under until up us very was way we were what when where which ' +
		'while who whom why will with without would you your yours yourself yourselves ' +
		"it's don't we're they're i'm isn't aren't can't won't that's there's " +
		// Dutch
		'aan af al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen ' +
		'door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun ' +
		'iemand iets ik in is ja je jij jou jouw jullie kan kon kunnen maar me meer men met mij mijn ' +
		'moet na naar niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen ' +
		'tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ' +
		'ze zelf zich zij zijn zo zonder zou elkaar steeds echt gewoon heel erg wordt worden waar ' +
		"'t 'n"
	).split(/\s+/)
);

/** Letters (any script) and digits, with inner apostrophes and hyphens: "don't", "e-mail". */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export interface WordCount {
	word: string;
	/** How many cards use the word (a card that repeats it counts once). */
	cards: number;
}

/** The words of one text, lower-cased, without stop words, numbers or single letters. */
export function wordsOf(text: string): string[] {
	const words: string[] = [];
	for (const [match] of text.toLocaleLowerCase('nl').matchAll(WORD)) {
		const word = match.replace(/’/g, "'");
		if (word.length < 2 || STOP_WORDS.has(word) || /^\p{N}+$/u.test(word)) continue;
		words.push(word);
	}
	return words;
}

/**
 * The `limit` words used on most cards, most first (ties alphabetically). Words on only one
 * card do not recur and are left out.
 */
export function recurringWords(texts: Iterable<string>, limit = 12): WordCount[] {
	const counts = new Map<string, number>();
	for (const text of texts) {
		for (const word of new Set(wordsOf(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return [...counts]
		.filter(([, cards]) => cards > 1)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.slice(0, limit)
		.map(([word, cards]) => ({ word, cards }));
}
