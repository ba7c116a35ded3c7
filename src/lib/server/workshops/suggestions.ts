/**
 * Suggested groups on the console (issue 11, item 3): accepting one folds its cards into a
 * new group card the facilitator wrote (participant none), whose text is the group's name, the
 * same merge the console's manual "Merge" makes, so the projector, the phones, the results and
 * the exports show it as they show a manual merge. The group card can be renamed; a
 * participant's card never is. Dismissed suggestions are kept in memory, per activity, as the
 * live room is (a restart forgets them: the suggestions come back once).
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import {
	cardSetKey,
	MAX_DISMISSED,
	openSuggestions,
	type WallCard
} from '../../domain/suggestions';
import { KINDS, type ActivityKind } from '../../domain/activity-kinds';
import type { Database } from '../db';
import { cards } from '../db/schema';
import { DomainError } from '../errors';
import { newId } from '../ids';

/**
 * Folds the cards into a new group card named `name`. Cards already folded elsewhere, hidden
 * or gone are left out; fewer than two left is a stale suggestion (`not_found`). Cards folded
 * into the grouped ones move along, so there are no chains of merges.
 */
export async function acceptSuggestedGroup(
	db: Database,
	activityId: string,
	name: string,
	cardIds: readonly string[]
): Promise<string> {
	return db.transaction(async (tx) => {
		const standing = await tx
			.select({ id: cards.id })
			.from(cards)
			.where(
				and(
					eq(cards.activityId, activityId),
					inArray(cards.id, [...cardIds]),
					isNull(cards.mergedInto),
					eq(cards.hidden, false)
				)
			);
		if (standing.length < 2) throw new DomainError('not_found');
		const ids = standing.map((c) => c.id);
		const groupId = newId();
		await tx.insert(cards).values({ id: groupId, activityId, participantId: null, text: name });
		await tx
			.update(cards)
			.set({ mergedInto: groupId })
			.where(
				and(
					eq(cards.activityId, activityId),
					or(inArray(cards.id, ids), inArray(cards.mergedInto, ids))
				)
			);
		return groupId;
	});
}

/** Renames a group card of the activity; anything else (a participant's card) is `not_found`. */
export async function renameGroup(
	db: Database,
	activityId: string,
	groupId: string,
	name: string
): Promise<void> {
	const renamed = await db
		.update(cards)
		.set({ text: name })
		.where(
			and(eq(cards.id, groupId), eq(cards.activityId, activityId), isNull(cards.participantId))
		)
		.returning({ id: cards.id });
	if (renamed.length === 0) throw new DomainError('not_found');
}

/** Those of the ids that are cards of the activity. */
export async function existingCardIds(
	db: Database,
	activityId: string,
	cardIds: readonly string[]
): Promise<string[]> {
	const rows = await db
		.select({ id: cards.id })
		.from(cards)
		.where(and(eq(cards.activityId, activityId), inArray(cards.id, [...cardIds])));
	return rows.map((r) => r.id);
}

/** The group cards of an activity (written by the facilitator, not by a participant). */
export async function listGroupIds(db: Database, activityId: string): Promise<string[]> {
	const rows = await db
		.select({ id: cards.id })
		.from(cards)
		.where(and(eq(cards.activityId, activityId), isNull(cards.participantId)));
	return rows.map((r) => r.id);
}

const dismissals = new Map<string, string[]>();
/** Activities remembered at most; the least recently dismissed in go first. */
const MAX_ACTIVITIES = 2_000;

/** Remembers that the facilitator dismissed the suggestion of these cards. */
export function dismissSuggestion(activityId: string, cardIds: readonly string[]): void {
	const key = cardSetKey(cardIds);
	const list = (dismissals.get(activityId) ?? []).filter((k) => k !== key);
	list.push(key);
	dismissals.delete(activityId);
	dismissals.set(activityId, list.slice(-MAX_DISMISSED));
	if (dismissals.size > MAX_ACTIVITIES) dismissals.delete(dismissals.keys().next().value!);
}

/** The card sets dismissed in an activity, oldest first. */
export function listDismissed(activityId: string): string[] {
	return [...(dismissals.get(activityId) ?? [])];
}

/** What the console's suggestions panel starts from (the browser takes over once live). */
export async function suggestionsForWall(
	db: Database,
	wall: { activityId: string; cards: WallCard[] } | null,
	kind: ActivityKind | undefined
) {
	if (!wall || !kind || !KINDS[kind].groupsUnderValues) return null;
	const dismissed = listDismissed(wall.activityId);
	return {
		activityId: wall.activityId,
		suggestions: openSuggestions(wall.cards, dismissed),
		dismissed,
		groupIds: await listGroupIds(db, wall.activityId)
	};
}
