/**
 * Moderation of the outsider voice in the room: the workshop's hold setting, approving or
 * rejecting held posts, the one starred post and the answered marks; and the answers a poster's
 * device may read of its own board posts. Callers go through the live layer (`changeWorkshop`,
 * `changeCards`), which publishes after these writes.
 */
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { KINDS } from '../../domain/activity-kinds';
import type { Database } from '../db';
import { boardPosts, cards, workshops } from '../db/schema';
import { DomainError } from '../errors';
import { getActivity } from '../workshops/queries';

export async function setHoldPosts(db: Database, workshopId: string, hold: boolean) {
	await db.update(workshops).set({ holdPosts: hold }).where(eq(workshops.id, workshopId));
}

/** An outsider-voice card of the workshop's activity: moderation touches nothing else. */
function outsiderCard(activityId: string, cardId: string) {
	return and(eq(cards.id, cardId), eq(cards.activityId, activityId));
}

async function isOutsider(db: Database, workshopId: string, activityId: string) {
	const activity = await getActivity(db, workshopId, activityId);
	return activity ? KINDS[activity.kind].moderated : false;
}

export type ModerationRefusal = 'unknown_activity' | 'unknown_card' | 'not_held';

export type ModerationResult = { ok: true } | { ok: false; problem: ModerationRefusal };

/**
 * Approves (shows to the room) or rejects (keeps hidden for good) a held post. Only a card that
 * still waits is changed, so two facilitators deciding at once cannot undo each other.
 */
export async function reviewCard(
	db: Database,
	input: { workshopId: string; activityId: string; cardId: string; approve: boolean }
): Promise<ModerationResult> {
	if (!(await isOutsider(db, input.workshopId, input.activityId))) {
		return { ok: false, problem: 'unknown_activity' };
	}
	const result = await db
		.update(cards)
		.set({ held: false, hidden: !input.approve })
		.where(and(outsiderCard(input.activityId, input.cardId), eq(cards.held, true)));
	if (result.rowsAffected > 0) return { ok: true };
	const [card] = await db
		.select({ id: cards.id })
		.from(cards)
		.where(outsiderCard(input.activityId, input.cardId));
	return { ok: false, problem: card ? 'not_held' : 'unknown_card' };
}

/**
 * Stars one post of the activity (the projector shows it large), or none (`cardId` null). One
 * at a time: starring a post unstars the others, in the same transaction. Only a post the room
 * sees (not hidden, held or folded into another) can be starred.
 */
export async function starCard(
	db: Database,
	input: { workshopId: string; activityId: string; cardId: string | null }
): Promise<ModerationResult> {
	if (!(await isOutsider(db, input.workshopId, input.activityId))) {
		return { ok: false, problem: 'unknown_activity' };
	}
	try {
		await db.transaction(async (tx) => {
			await tx
				.update(cards)
				.set({ starred: false })
				.where(and(eq(cards.activityId, input.activityId), eq(cards.starred, true)));
			if (input.cardId === null) return;
			const starred = await tx
				.update(cards)
				.set({ starred: true })
				.where(
					and(
						outsiderCard(input.activityId, input.cardId),
						eq(cards.hidden, false),
						isNull(cards.mergedInto)
					)
				);
			// Nothing to star: the star that was there stays (the transaction is undone).
			if (starred.rowsAffected === 0) throw new DomainError('not_found');
		});
	} catch (error) {
		if (error instanceof DomainError) return { ok: false, problem: 'unknown_card' };
		throw error;
	}
	return { ok: true };
}

/** Marks a post answered in the room, or open again. */
export async function setCardAnswered(
	db: Database,
	input: { workshopId: string; activityId: string; cardId: string; answered: boolean }
): Promise<ModerationResult> {
	if (!(await isOutsider(db, input.workshopId, input.activityId))) {
		return { ok: false, problem: 'unknown_activity' };
	}
	const result = await db
		.update(cards)
		.set({ answered: input.answered })
		.where(outsiderCard(input.activityId, input.cardId));
	return result.rowsAffected > 0 ? { ok: true } : { ok: false, problem: 'unknown_card' };
}

/**
 * The team's board posts whose receipt hash is one of `receiptHashes`: what the device holding
 * those receipts posted, with the staff's answer. Hidden posts too (they are the device's own);
 * nothing for receipts it does not hold.
 */
export async function listPostsByReceipts(db: Database, teamId: string, receiptHashes: string[]) {
	if (receiptHashes.length === 0) return [];
	return db
		.select({
			id: boardPosts.id,
			text: boardPosts.text,
			status: boardPosts.status,
			answer: boardPosts.answer,
			answeredAt: boardPosts.answeredAt
		})
		.from(boardPosts)
		.where(and(eq(boardPosts.teamId, teamId), inArray(boardPosts.receiptHash, receiptHashes)))
		.orderBy(desc(boardPosts.createdAt), desc(boardPosts.id));
}

/**
 * A participant's own outsider-voice posts of a workshop that landed on the team's board and
 * were answered there: for that participant's own device (its token) only, never for staff.
 */
export async function listOwnAnsweredPosts(
	db: Database,
	workshopId: string,
	participantId: string
) {
	return db
		.select({ id: boardPosts.id, text: boardPosts.text, answer: boardPosts.answer })
		.from(boardPosts)
		.innerJoin(cards, eq(cards.id, boardPosts.cardId))
		.where(
			and(
				eq(boardPosts.workshopId, workshopId),
				eq(cards.participantId, participantId),
				isNotNull(boardPosts.answer)
			)
		)
		.orderBy(desc(boardPosts.answeredAt), desc(boardPosts.id));
}
