/**
 * Which suggested groups the console offers on a wall of cards: the groups `suggestGroups`
 * finds among the cards that still stand alone (not hidden, not folded into another card, not
 * already a group), less those the facilitator dismissed. Pure, so the server (first paint,
 * no JavaScript) and the console's lazily loaded module (live) give the same list.
 */
import { suggestGroups, type SuggestedGroup } from './grouping';

export interface WallCard {
	id: string;
	text: string;
	hidden: boolean;
	mergedInto: string | null;
}

/** The most card sets a room keeps dismissed per activity; the oldest go first. */
export const MAX_DISMISSED = 500;

/** A set of card ids written one way whatever their order: sorted, joined by commas. */
export function cardSetKey(cardIds: readonly string[]): string {
	return [...new Set(cardIds)].sort().join(',');
}

/**
 * The suggestions to show. A dismissed suggestion does not come back for the same cards, nor
 * for fewer of them; once a new card joins it, it is a new suggestion.
 */
export function openSuggestions(
	cards: readonly WallCard[],
	dismissed: readonly string[] = []
): SuggestedGroup[] {
	const heads = new Set<string>();
	for (const card of cards) if (card.mergedInto) heads.add(card.mergedInto);
	const loose = cards.filter((c) => !c.hidden && !c.mergedInto && !heads.has(c.id));
	const gone = dismissed.map((key) => new Set(key.split(',')));
	return suggestGroups(loose).filter(
		(group) => !gone.some((set) => group.cardIds.every((id) => set.has(id)))
	);
}
