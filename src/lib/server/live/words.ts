import { countWords, type CountedWord } from '../../domain/word-count';
import type { CardWall } from './events';
import type { Room } from './rooms';

/** What the projector's word cloud draws: the words of the wall the room sees now. */
export interface WallWords {
	/** The activity whose wall was counted; null while the room sees no wall. */
	activityId: string | null;
	cards: number;
	words: CountedWord[];
}

/** Counted once per wall the room is sent (a new wall is a new object), however many ask. */
const counted = new WeakMap<CardWall, WallWords>();

/** The words of the room's wall: the cards everyone may see, hidden ones never. */
export function wallWords(room: Room): WallWords {
	const wall = room.cards?.room;
	if (!wall) return { activityId: null, cards: 0, words: [] };
	let words = counted.get(wall);
	if (!words) {
		words = {
			activityId: wall.activityId,
			cards: wall.cards.length,
			words: countWords(wall.cards.map((c) => c.text))
		};
		counted.set(wall, words);
	}
	return words;
}
