/**
 * The team's standing outsider-voice board: anonymous posts (from the board, or a pulse's open
 * question), one upvote per person per post, and the facilitators' triage with an answer.
 * Authors and voters are kept only as hashes, and never shown.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { boardOrder, type BoardStatus } from '../../domain/board';
import type { Database } from '../db';
import { boardPosts, boardUpvotes } from '../db/schema';
import { newId } from '../ids';

/** The board's posts, most upvoted first; hidden ones only for staff. */
export async function listPosts(db: Database, teamId: string, options: { includeHidden: boolean }) {
	const conditions = [eq(boardPosts.teamId, teamId)];
	if (!options.includeHidden) conditions.push(eq(boardPosts.hidden, false));
	const rows = await db
		.select({
			id: boardPosts.id,
			text: boardPosts.text,
			status: boardPosts.status,
			answer: boardPosts.answer,
			answeredAt: boardPosts.answeredAt,
			hidden: boardPosts.hidden,
			fromPulse: boardPosts.pulseId,
			createdAt: boardPosts.createdAt,
			upvotes: count(boardUpvotes.voterHash)
		})
		.from(boardPosts)
		.leftJoin(boardUpvotes, eq(boardUpvotes.postId, boardPosts.id))
		.where(and(...conditions))
		.groupBy(boardPosts.id);
	return boardOrder(rows.map((r) => ({ ...r, fromPulse: r.fromPulse !== null })));
}

/** Which posts of the team this voter upvoted already. */
export async function listOwnUpvotes(db: Database, teamId: string, voterHash: string) {
	const rows = await db
		.select({ postId: boardUpvotes.postId })
		.from(boardUpvotes)
		.innerJoin(boardPosts, eq(boardPosts.id, boardUpvotes.postId))
		.where(and(eq(boardPosts.teamId, teamId), eq(boardUpvotes.voterHash, voterHash)));
	return rows.map((r) => r.postId);
}

export async function addPost(
	db: Database,
	input: { teamId: string; text: string; authorHash: string | null }
): Promise<string> {
	const id = newId();
	await db.insert(boardPosts).values({ id, ...input });
	return id;
}

/** Whether the team has this post and shows it: only such a post can be upvoted. */
export async function isVisiblePost(db: Database, teamId: string, postId: string) {
	const [post] = await db
		.select({ id: boardPosts.id })
		.from(boardPosts)
		.where(
			and(eq(boardPosts.id, postId), eq(boardPosts.teamId, teamId), eq(boardPosts.hidden, false))
		);
	return Boolean(post);
}

/** One upvote per voter per visible post of the team; false for a post it cannot upvote. */
export async function upvotePost(db: Database, teamId: string, postId: string, voterHash: string) {
	const [post] = await db
		.select({ id: boardPosts.id })
		.from(boardPosts)
		.where(
			and(eq(boardPosts.id, postId), eq(boardPosts.teamId, teamId), eq(boardPosts.hidden, false))
		);
	if (!post) return false;
	await db.insert(boardUpvotes).values({ postId, voterHash }).onConflictDoNothing();
	return true;
}

/** Sets a post's status, answer and visibility; false when the team has no such post. */
export async function triagePost(
	db: Database,
	teamId: string,
	postId: string,
	triage: { status: BoardStatus; answer: string; hidden: boolean },
	now = new Date()
) {
	const result = await db
		.update(boardPosts)
		.set({
			status: triage.status,
			answer: triage.answer === '' ? null : triage.answer,
			answeredAt: triage.answer === '' ? null : now,
			hidden: triage.hidden
		})
		.where(and(eq(boardPosts.id, postId), eq(boardPosts.teamId, teamId)));
	return result.rowsAffected > 0;
}

/**
 * Whether a pulse link's device was seen before: it answered the pulse, or posted or upvoted on
 * the team's board. A device not seen before is a new anonymous voice, which is rate-limited
 * more tightly (src/lib/server/pulses/limits.ts).
 */
export async function isKnownDevice(
	db: Database,
	input: { pulseId: string; teamId: string; hash: string }
): Promise<boolean> {
	const [row] = await db.all<{ known: number }>(sql`
		select exists (select 1 from pulse_responses where pulse_id = ${input.pulseId} and token_hash = ${input.hash})
			or exists (select 1 from board_posts where team_id = ${input.teamId} and author_hash = ${input.hash})
			or exists (
				select 1 from board_upvotes u join board_posts p on p.id = u.post_id
				where p.team_id = ${input.teamId} and u.voter_hash = ${input.hash}
			) as known`);
	return Boolean(row?.known);
}
