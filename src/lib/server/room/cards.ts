/**
 * Cards from participants: collect activities and the outsider-voice board. Each request is
 * checked whole before anything is stored (activity open, text within limits, not flooding),
 * and the wall is announced to the room afterwards.
 */
import { KINDS, kindsWith } from '../../domain/activity-kinds';
import { tidy } from '../../domain/culture';
import { LIMITS } from '../../domain/workshop';
import { liveDatabase } from '../live/context';
import { admitFromAddress } from '../live/limits';
import { createTokenBuckets } from '../live/rate-limit';
import { cardsChanged, type Room } from '../live/rooms';
import { addCard, findCard, listOwnCards, removeOwnCard, upvoteCard } from '../workshops/queries';
import { openActivity } from './activity';
import { fromLiveError, refused, type Outcome } from './outcome';

/** Writing takes a while: bursts of 10, then one card every two seconds. */
const cardFloods = createTokenBuckets({ perSecond: 0.5, burst: 10 });
/** Reading the board and upvoting goes faster. */
const upvoteFloods = createTokenBuckets({ perSecond: 2, burst: 30 });

/** More than anyone writes in one activity; a cap keeps a patient script from filling the wall. */
export const MAX_CARDS_PER_PERSON = 30;

const CARD_KINDS = kindsWith('cardWall');
const UPVOTE_KINDS = kindsWith('upvotes');

/** The participant's own budget, then their address's (a room behind one NAT shares one). */
function flood(
	buckets: typeof cardFloods,
	kind: 'card' | 'upvote',
	input: { participantId: string; address: string }
) {
	const taken = buckets.take(input.participantId);
	if (!taken.ok) {
		return refused(429, 'rate_limited', { retryAfter: Math.ceil(taken.retryAfterMs / 1000) });
	}
	const crowded = admitFromAddress(kind, input.address);
	return crowded ? fromLiveError(crowded) : null;
}

/** Card text as stored: whitespace collapsed, 1–280 characters. */
export function cardText(raw: unknown): Outcome<{ text: string }> {
	const text = typeof raw === 'string' ? tidy(raw) : '';
	if (text.length < LIMITS.cardText.min) return refused(400, 'card_empty', { field: 'text' });
	if (text.length > LIMITS.cardText.max) {
		return refused(400, 'card_too_long', { field: 'text', limit: LIMITS.cardText.max });
	}
	return { ok: true, text };
}

export async function postCard(input: {
	room: Room;
	participantId: string;
	/** Where the request came from, for the limits per address (live/limits.ts). */
	address: string;
	activityId: string;
	text: unknown;
}): Promise<Outcome<{ cardId: string }>> {
	const flooding = flood(cardFloods, 'card', input);
	if (flooding) return flooding;
	const open = openActivity(input.room, input.activityId, CARD_KINDS);
	if (!open.ok) return open;
	const checked = cardText(input.text);
	if (!checked.ok) return checked;
	const db = await liveDatabase();
	const own = await listOwnCards(db, input.activityId, input.participantId);
	if (own.length >= MAX_CARDS_PER_PERSON) {
		return refused(409, 'too_many_cards', { field: 'text', limit: MAX_CARDS_PER_PERSON });
	}
	// While the workshop holds posts, an outsider-voice post waits for the facilitator.
	const held = input.room.holdPosts && KINDS[open.activity.public.kind].moderated;
	const cardId = await addCard(db, input.activityId, input.participantId, checked.text, { held });
	await cardsChanged(input.room.id, input.activityId);
	return { ok: true, cardId };
}

export async function removeCard(input: {
	room: Room;
	participantId: string;
	/** Where the request came from, for the limits per address (live/limits.ts). */
	address: string;
	activityId: string;
	cardId: string;
}): Promise<Outcome> {
	const flooding = flood(cardFloods, 'card', input);
	if (flooding) return flooding;
	const open = openActivity(input.room, input.activityId, CARD_KINDS);
	if (!open.ok) return open;
	const db = await liveDatabase();
	const removed = await removeOwnCard(db, input.activityId, input.participantId, input.cardId);
	if (!removed) return refused(404, 'unknown_card');
	await cardsChanged(input.room.id, input.activityId);
	return { ok: true };
}

/** One upvote per person per post; upvoting again changes nothing, one's own post is refused. */
export async function upvote(input: {
	room: Room;
	participantId: string;
	/** Where the request came from, for the limits per address (live/limits.ts). */
	address: string;
	activityId: string;
	cardId: string;
}): Promise<Outcome> {
	const flooding = flood(upvoteFloods, 'upvote', input);
	if (flooding) return flooding;
	const open = openActivity(input.room, input.activityId, UPVOTE_KINDS);
	if (!open.ok) return open;
	const db = await liveDatabase();
	let card = await findCard(db, input.activityId, input.cardId);
	// A post folded into another while someone read it: the vote goes to what the room sees.
	if (card?.mergedInto) card = await findCard(db, input.activityId, card.mergedInto);
	if (!card || card.hidden) return refused(404, 'unknown_card');
	if (card.participantId === input.participantId) return refused(400, 'own_card');
	await upvoteCard(db, card.id, input.participantId);
	await cardsChanged(input.room.id, input.activityId);
	return { ok: true };
}
