/**
 * Suggested groups: which cards of one collect activity say the same thing, in Dutch or in
 * English, each group with a proposed name taken from its cards. Pure TypeScript, no I/O; it
 * runs on the server and in the browser. Deterministic: the same cards give the same groups in
 * whatever order they come.
 *
 * How (see docs/metrics.md, "How groups are computed"):
 * 1. each card becomes a set of terms: its words folded (case, accents), copy numbering and
 *    stop words dropped, typos corrected towards the lexicon or a more frequent word of the
 *    same activity, then mapped to a concept of the bilingual lexicon (so "vergaderingen" and
 *    "meetings" meet; a Dutch verb with its particle apart, "lopen … uit", as one verb), a
 *    compound by its parts ("schuldcultuur": blame, culture), or else the shorter of the
 *    word's English and Dutch Snowball stems;
 * 2. terms weigh by their rarity in the activity (1 + ln(cards / cards with the term)), half
 *    for a term on one card only and for who/when concepts (manager, team, time); two cards'
 *    similarity is the cosine of their weighted term sets; near-duplicates count as 1;
 * 3. average-linkage agglomerative clustering merges the two groups whose pairs of cards are
 *    most similar on average, while that average is at least the threshold (0.45); cards with
 *    the same terms (or, without terms, the same near-duplicate key) enter it as one node that
 *    weighs as many cards, so a room that writes one thing hundreds of times stays quick;
 * 4. each group of two or more cards is named after its most central card (the shortest of
 *    the nearly most central ones), without its copy number.
 */
import {
	conceptOf,
	deletions,
	guessLanguage,
	isStopWord,
	isTypoOf,
	LEXICON_WORDS,
	stem,
	wordsIn,
	type Language
} from './language';
import { areNearDuplicates, keyOf, shapeOf, withoutNumbering, type Shape } from './near-duplicates';

export interface GroupingCard {
	id: string;
	text: string;
}

export interface SuggestedGroup {
	/** A short readable name, taken from the group's most central card. */
	name: string;
	/** The card ids, sorted; at least two. */
	cardIds: string[];
	/** The average similarity of the group's pairs of cards (0–1): how surely they belong. */
	cohesion: number;
}

export interface GroupingOptions {
	/** The least average similarity (0–1) at which two groups still merge. */
	threshold?: number;
	/** How much a word found on one card only weighs, against its rarity weight (0–1). */
	singleWeight?: number;
	/** The longest proposed name, in characters (cut at a word, with "…"). */
	nameLength?: number;
}

/**
 * Chosen on the tuning half of the labelled cards (`npm run bench:grouping`): the highest
 * recall with precision at least 0.9 there, a margin for bigger rooms with more topics.
 */
export const DEFAULT_THRESHOLD = 0.45;
export const DEFAULT_SINGLE_WEIGHT = 0.5;
const DEFAULT_NAME_LENGTH = 48;
/** Pairs less similar than this are dropped: too weak to matter (no group on the labelled cards changed). */
const FLOOR = 0.15;
/** A word this short is never taken for a typo of another. */
const TYPO_MIN_LENGTH = 5;

/**
 * Groups of cards that say the same thing, largest first. Cards with no match are left out.
 * Never throws on odd text (empty, emoji only, any script); ids repeated are taken once.
 */
export function suggestGroups(
	cards: readonly GroupingCard[],
	options: GroupingOptions = {}
): SuggestedGroup[] {
	const threshold = options.threshold ?? DEFAULT_THRESHOLD;
	const nameLength = options.nameLength ?? DEFAULT_NAME_LENGTH;
	const unique = uniqueCards(cards);
	if (unique.length < 2) return [];

	// Cards with the same terms (cosine 1 with each other, the same likeness to any other) are
	// one node of the graph, weighing as many cards: a room that says one thing 200 times costs
	// one node, not 20,000 pairs. Cards without terms (emoji only) meet by their near-duplicate key.
	const shapes = unique.map((card) => shapeOf(card.text));
	const keys = shapes.map(keyOf);
	const termSets = termsOfCards(unique.map((card) => card.text));
	const nodes: number[][] = [];
	const nodeOf = new Map<string, number>();
	unique.forEach((_, i) => {
		const signature = termSets[i].size
			? `t:${[...termSets[i]].sort().join(' ')}`
			: keys[i]
				? `k:${keys[i]}`
				: '';
		const known = signature ? nodeOf.get(signature) : undefined;
		if (known !== undefined) nodes[known].push(i);
		else {
			if (signature) nodeOf.set(signature, nodes.length);
			nodes.push([i]);
		}
	});
	const first = nodes.map((members) => members[0]);
	const sizes = nodes.map((members) => members.length);
	const similar = similarities(
		first.map((i) => termSets[i]),
		first.map((i) => shapes[i]),
		sizes,
		options.singleWeight ?? DEFAULT_SINGLE_WEIGHT
	);
	// Same key, other terms (a typo corrected one way on one card only): still one thing.
	const nodeByKey = new Map<string, number>();
	nodes.forEach((members, a) => {
		for (const i of members) {
			if (!keys[i]) continue;
			const b = nodeByKey.get(keys[i]);
			if (b === undefined) nodeByKey.set(keys[i], a);
			else if (b !== a) {
				similar[a].set(b, 1);
				similar[b].set(a, 1);
			}
		}
	});
	const clusters = averageLinkage(sizes, similar, threshold);

	const groups: SuggestedGroup[] = [];
	for (const members of clusters) {
		const cardCount = members.reduce((sum, a) => sum + sizes[a], 0);
		if (cardCount < 2) continue;
		// A node's centrality: its likeness to every other card of the group (its copies count 1).
		let total = 0;
		const centrality = members.map((a) => {
			let sum = sizes[a] - 1;
			for (const b of members) if (b !== a) sum += sizes[b] * (similar[a].get(b) ?? 0);
			total += sizes[a] * sum;
			return sum;
		});
		const cardIds = members.flatMap((a) => nodes[a].map((i) => unique[i].id)).sort(byId);
		groups.push({
			name: nameOf(members, centrality, (a) => nodes[a].map((i) => unique[i].text), nameLength),
			cardIds,
			cohesion: round(total / (cardCount * (cardCount - 1)))
		});
	}
	return groups.sort(
		(a, b) => b.cardIds.length - a.cardIds.length || (a.cardIds[0] < b.cardIds[0] ? -1 : 1)
	);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cards sorted by id (ids unique), so that nothing depends on the order they came in. */
function uniqueCards(cards: readonly GroupingCard[]): GroupingCard[] {
	const byId = new Map<string, GroupingCard>();
	for (const card of cards) {
		if (!card) continue;
		const id = String(card.id);
		const text = typeof card.text === 'string' ? card.text : String(card.text ?? '');
		const seen = byId.get(id);
		if (!seen || text < seen.text) byId.set(id, { id, text });
	}
	return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The terms of each text. Typos are corrected first, over the whole activity: a word becomes
 * a lexicon word, or a word used on more cards, one edit away and with the same first letter.
 */
export function termsOfCards(texts: readonly string[]): Set<string>[] {
	const allWords = texts.map((text) => wordsIn(withoutNumbering(text)));
	const wordLists = allWords.map((words) =>
		words.filter((word) => word.length > 1 && !isStopWord(word) && !/^\p{N}+$/u.test(word))
	);
	const correct = typoCorrections(wordLists);
	const known = new Map<string, string[]>();
	return texts.map((_, i) => {
		const language = guessLanguage(allWords[i]);
		const particles = language === 'nl' ? allWords[i].filter((word) => PARTICLES.has(word)) : [];
		const terms = new Set<string>();
		for (const raw of wordLists[i]) {
			const word = correct.get(raw) ?? raw;
			const joined = particles
				.map((particle) => conceptOf(particle + word, language))
				.find(Boolean);
			if (joined) {
				terms.add(`#${joined}`);
				continue;
			}
			const key = `${language}:${word}`;
			let found = known.get(key);
			if (!found) known.set(key, (found = termsOfWord(word, language)));
			for (const term of found) terms.add(term);
		}
		return terms;
	});
}

/** Concepts that say who or when rather than what a card is about: they weigh half. */
const LIGHT = new Set(['#time', '#work', '#team', '#colleague', '#manager']);

/** Dutch verb particles that stand apart in a sentence: "meetings lopen uit" is "uitlopen". */
const PARTICLES = new Set(
	'uit op af aan door mee terug in weg na bij vast voor over tegen toe om'.split(' ')
);

function termsOfWord(word: string, language: Language): string[] {
	const concept = conceptOf(word, language);
	if (concept) return [`#${concept}`];
	const parts = compoundParts(word, language);
	if (parts) return parts;
	return [neutralStem(word, language)];
}

/**
 * A word outside the lexicon by the shorter of its English and Dutch stems, so that cognates
 * meet across languages ("arrogant": English "arrog", Dutch "arrogant") whatever the guess.
 */
function neutralStem(word: string, language: Language): string {
	const mine = stem(word, language);
	const other = stem(word, language === 'en' ? 'nl' : 'en');
	return other.length < mine.length ? other : mine;
}

/**
 * A compound ("werkdruk", "schuldcultuur", "inwerkprogramma"): two lexicon words, with a
 * linking s or e(n), or one lexicon word of four letters or more and another word of four or
 * more. Both parts count.
 */
function compoundParts(word: string, language: Language): string[] | null {
	if (word.length < 7) return null;
	let half: string[] | null = null;
	for (let at = 3; at <= word.length - 3; at++) {
		const tail = word.slice(at);
		const second = conceptOf(tail, language);
		for (const head of [word.slice(0, at), word.slice(0, at).replace(/(?:s|e|en)$/u, '')]) {
			if (head.length < 3) continue;
			const first = conceptOf(head, language);
			if (first && second) return first === second ? [`#${first}`] : [`#${first}`, `#${second}`];
			if (half || head.length < 4 || tail.length < 4) continue;
			if (first) half = [`#${first}`, neutralStem(tail, language)];
			else if (second) half = [neutralStem(head, language), `#${second}`];
		}
	}
	return half;
}

function typoCorrections(wordLists: readonly string[][]): Map<string, string> {
	const cardsUsing = new Map<string, number>();
	for (const words of wordLists) {
		for (const word of new Set(words)) cardsUsing.set(word, (cardsUsing.get(word) ?? 0) + 1);
	}
	// Anchors: the lexicon, then the activity's words from most used down; a word may only be
	// corrected towards an anchor seen before it, so corrections never chain.
	const index = new Map<string, string[]>();
	const addAnchor = (word: string) => {
		for (const key of deletions(word)) {
			const list = index.get(key);
			if (list) list.push(word);
			else index.set(key, [word]);
		}
	};
	for (const word of LEXICON_WORDS) if (word.length >= TYPO_MIN_LENGTH) addAnchor(word);
	const corrections = new Map<string, string>();
	const ordered = [...cardsUsing].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
	for (const [word] of ordered) {
		if (LEXICON_WORDS.has(word)) continue;
		if (word.length >= TYPO_MIN_LENGTH) {
			let best: string | undefined;
			for (const key of deletions(word)) {
				for (const anchor of index.get(key) ?? []) {
					if (!isTypoOf(word, anchor)) continue;
					if (best === undefined || anchor < best) best = anchor;
				}
			}
			if (best !== undefined) {
				corrections.set(word, best);
				continue;
			}
		}
		addAnchor(word);
	}
	return corrections;
}

/**
 * For each node (a card and its near-duplicate copies), the nodes it is similar to (above
 * FLOOR) and how much (cosine, 0–1). Rarity counts every card, copies included.
 */
function similarities(
	termSets: Set<string>[],
	shapes: readonly Shape[],
	sizes: readonly number[],
	singleWeight: number
): Map<number, number>[] {
	const n = termSets.length;
	let cardCount = 0;
	const documentFrequency = new Map<string, number>();
	termSets.forEach((terms, a) => {
		cardCount += sizes[a];
		for (const term of terms) {
			documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + sizes[a]);
		}
	});
	const weight = (term: string) => {
		const df = documentFrequency.get(term)!;
		return (
			(1 + Math.log(cardCount / df)) * (df === 1 ? singleWeight : 1) * (LIGHT.has(term) ? 0.5 : 1)
		);
	};
	const norms = termSets.map((terms) => {
		let sum = 0;
		for (const term of terms) sum += weight(term) ** 2;
		return Math.sqrt(sum);
	});
	const postings = new Map<string, number[]>();
	termSets.forEach((terms, i) => {
		for (const term of terms) {
			const list = postings.get(term);
			if (list) list.push(i);
			else postings.set(term, [i]);
		}
	});
	const dots: Map<number, number>[] = Array.from({ length: n }, () => new Map());
	const terms = [...postings.keys()].sort();
	for (const term of terms) {
		const list = postings.get(term)!;
		if (list.length < 2) continue;
		const w2 = weight(term) ** 2;
		for (let a = 0; a < list.length; a++) {
			const row = dots[list[a]];
			for (let b = a + 1; b < list.length; b++) row.set(list[b], (row.get(list[b]) ?? 0) + w2);
		}
	}
	const similar: Map<number, number>[] = Array.from({ length: n }, () => new Map());
	for (let i = 0; i < n; i++) {
		for (const [j, dot] of dots[i]) {
			const cosine = Math.min(1, dot / (norms[i] * norms[j]));
			if (cosine < FLOOR) continue;
			const same = cosine >= 0.3 && areNearDuplicates(shapes[i], shapes[j]);
			similar[i].set(j, same ? 1 : cosine);
			similar[j].set(i, same ? 1 : cosine);
		}
	}
	return similar;
}

/**
 * Average-linkage agglomerative clustering on a sparse similarity graph: repeatedly merge the
 * two clusters with the highest average pairwise similarity (missing pairs count as 0), while
 * it is at least `threshold`. Ties go to the pair of smallest first members, so the result is
 * the same for the same graph.
 */
function averageLinkage(
	sizes: readonly number[],
	similar: readonly Map<number, number>[],
	threshold: number
): number[][] {
	const n = sizes.length;
	const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
	// Sum of pairwise card similarities between live clusters, keyed by cluster index.
	const links: Map<number, number>[] = similar.map(
		(row, a) => new Map([...row].map(([b, value]) => [b, value * sizes[a] * sizes[b]]))
	);
	const cards = [...sizes];
	const version = new Array<number>(n).fill(0);
	const heap = new MaxHeap();
	const score = (a: number, b: number, sum: number) => sum / (cards[a] * cards[b]);
	for (let a = 0; a < n; a++) {
		for (const [b, value] of similar[a]) {
			if (a < b && value >= threshold) heap.push({ score: value, a, b, va: 0, vb: 0 });
		}
	}
	while (heap.size) {
		const top = heap.pop()!;
		const { a, b } = top;
		if (!members[a] || !members[b] || version[a] !== top.va || version[b] !== top.vb) continue;
		// Merge b into a.
		const row = links[a];
		for (const i of members[b]!) members[a]!.push(i);
		members[b] = null;
		cards[a] += cards[b];
		version[a]++;
		version[b]++;
		row.delete(b);
		for (const [c, sum] of links[b]) {
			if (c === a) continue;
			row.set(c, (row.get(c) ?? 0) + sum);
			const back = links[c];
			back.delete(b);
			back.set(a, row.get(c)!);
		}
		links[b] = new Map();
		for (const [c, sum] of row) {
			const value = score(a, c, sum);
			if (value < threshold) continue;
			const [x, y] = a < c ? [a, c] : [c, a];
			heap.push({ score: value, a: x, b: y, va: version[x], vb: version[y] });
		}
	}
	return members
		.filter((list): list is number[] => list !== null)
		.map((list) => list.sort((x, y) => x - y));
}

interface Candidate {
	score: number;
	a: number;
	b: number;
	va: number;
	vb: number;
}

/** Higher score first; then the pair with the smaller indexes (deterministic ties). */
function before(x: Candidate, y: Candidate): boolean {
	if (x.score !== y.score) return x.score > y.score;
	return x.a !== y.a ? x.a < y.a : x.b < y.b;
}

class MaxHeap {
	#items: Candidate[] = [];
	get size() {
		return this.#items.length;
	}
	push(item: Candidate) {
		const items = this.#items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i], items[parent])) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}
	pop(): Candidate | undefined {
		const items = this.#items;
		const top = items[0];
		const last = items.pop();
		if (items.length && last) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let best = i;
				if (l < items.length && before(items[l], items[best])) best = l;
				if (r < items.length && before(items[r], items[best])) best = r;
				if (best === i) break;
				[items[i], items[best]] = [items[best], items[i]];
				i = best;
			}
		}
		return top;
	}
}

/** The most central card's text (the shortest within 10% of the most central), tidied and cut. */
function nameOf(
	members: readonly number[],
	centrality: readonly number[],
	textsOf: (member: number) => string[],
	limit: number
): string {
	const most = Math.max(...centrality);
	const texts = members
		.filter((_, k) => centrality[k] >= most * 0.9 - 1e-9)
		.flatMap((member) => textsOf(member).map(tidyName))
		.filter((text) => text.length > 0)
		.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
	const name = texts[0] ?? tidyName(textsOf(members[0])[0]);
	return cut(name, limit);
}

function tidyName(text: string): string {
	return withoutNumbering(text.replace(/\s+/gu, ' ').trim()).replace(/[\s.,;:!?…-]+$/u, '');
}

function cut(text: string, limit: number): string {
	const chars = Array.from(text);
	if (chars.length <= limit) return text;
	const head = chars.slice(0, limit - 1).join('');
	const space = head.lastIndexOf(' ');
	return `${space > limit / 2 ? head.slice(0, space) : head}…`;
}

/** Pairwise agreement of suggested groups with true labels (cards left out are alone). */
export interface PairwiseScore {
	precision: number;
	recall: number;
	/** Pairs put together that belong together / put together / that belong together. */
	truePairs: number;
	suggestedPairs: number;
	labelledPairs: number;
}

/**
 * Pairwise precision and recall: of the pairs of cards a suggestion puts in one group, the
 * share that share a label; of the pairs that share a label, the share put in one group.
 */
export function pairwiseScore(
	groups: readonly { cardIds: readonly string[] }[],
	labelOf: ReadonlyMap<string, string>
): PairwiseScore {
	let suggestedPairs = 0;
	let truePairs = 0;
	for (const { cardIds } of groups) {
		for (let a = 0; a < cardIds.length; a++) {
			for (let b = a + 1; b < cardIds.length; b++) {
				suggestedPairs++;
				const label = labelOf.get(cardIds[a]);
				if (label !== undefined && label === labelOf.get(cardIds[b])) truePairs++;
			}
		}
	}
	const sizes = new Map<string, number>();
	for (const label of labelOf.values()) sizes.set(label, (sizes.get(label) ?? 0) + 1);
	let labelledPairs = 0;
	for (const size of sizes.values()) labelledPairs += (size * (size - 1)) / 2;
	return {
		precision: suggestedPairs ? truePairs / suggestedPairs : 1,
		recall: labelledPairs ? truePairs / labelledPairs : 1,
		truePairs,
		suggestedPairs,
		labelledPairs
	};
}
