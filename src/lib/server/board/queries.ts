/**
 * The team's standing outsider-voice board: anonymous posts (from the board, or a pulse's open
 * question), one upvote per person per post, and the facilitators' triage with an answer.
 * Authors and voters are kept only as hashes, and never shown.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { boardOrder, type BoardStatus } from '../../domain/board';
import { meetsMinimumGroup } from '../../domain/metrics';
import { countCardAuthors, countSupport, listCardTexts } from '../analytics/texts';
import type { Database } from '../db';
import { activities, boardPosts, boardUpvotes, cards, teams, workshops } from '../db/schema';
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
			fromWorkshop: workshops.title,
			createdAt: boardPosts.createdAt,
			cardId: boardPosts.cardId,
			activityId: cards.activityId,
			boardUpvotes: count(boardUpvotes.voterHash)
		})
		.from(boardPosts)
		.leftJoin(boardUpvotes, eq(boardUpvotes.postId, boardPosts.id))
		.leftJoin(workshops, eq(workshops.id, boardPosts.workshopId))
		.leftJoin(cards, eq(cards.id, boardPosts.cardId))
		.where(and(...conditions))
		.groupBy(boardPosts.id);
	const support = await countSupport(db, [
		...new Set(rows.flatMap((r) => (r.activityId ? [r.activityId] : [])))
	]);
	// A post from a workshop keeps the distinct people who supported it in the room (its merged
	// duplicates' too, less anyone who withdrew); the board's upvotes add to it.
	return boardOrder(
		rows.map(({ cardId, activityId: _activity, boardUpvotes: upvotes, ...r }) => ({
			...r,
			fromPulse: r.fromPulse !== null,
			upvotes: (cardId ? (support.get(cardId) ?? 0) : 0) + upvotes
		}))
	);
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
	input: { teamId: string; text: string; authorHash: string | null; receiptHash?: string | null }
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

/**
 * Lands the outsider-voice posts of an ended workshop on its team's board, where they are
 * triaged and answered like the board's own: one post per standing card (duplicates the
 * facilitator folded into it stay folded), hidden if the facilitator hid it; its support in
 * the room is counted from the card's upvotes when the board is read (`listPosts`). An activity that fewer than the minimum group size of
 * people wrote in lands nothing (its texts are withheld everywhere, docs/metrics.md §10).
 * Read and written in one transaction, and at most once per card (a unique key), so landing
 * again, or twice at once, adds nothing and keeps the triage already done. No participant id,
 * nickname or time of writing is copied. Returns how many posts were added.
 */
export async function landWorkshopPosts(
	db: Database,
	workshopId: string,
	minGroup: number
): Promise<number> {
	return db.transaction(async (tx) => {
		const [workshop] = await tx
			.select({ teamId: workshops.teamId, status: workshops.status })
			.from(workshops)
			.where(eq(workshops.id, workshopId));
		if (workshop?.status !== 'ended') return 0;
		const outsider = await tx
			.select({ id: activities.id })
			.from(activities)
			.where(and(eq(activities.workshopId, workshopId), eq(activities.kind, 'outsider')));
		const people = await countCardAuthors(
			tx,
			outsider.map((a) => a.id)
		);
		const enough = outsider.filter((a) => meetsMinimumGroup(people.get(a.id) ?? 0, minGroup));
		const ids = enough.map((a) => a.id);
		const rows = await listCardTexts(tx, ids);
		const byId = new Map(rows.map((c) => [c.id, c]));
		// Stored in the order of their words, not of writing: nothing, not even the row order,
		// tells who wrote first.
		const standing = rows
			.filter((c) => !(c.mergedInto && byId.get(c.mergedInto)))
			.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
		if (standing.length === 0) return 0;
		const added = await tx
			.insert(boardPosts)
			.values(
				standing.map((c) => ({
					id: newId(),
					teamId: workshop.teamId,
					text: c.text,
					authorHash: null,
					hidden: c.hidden,
					workshopId,
					cardId: c.id
				}))
			)
			.onConflictDoNothing({ target: boardPosts.cardId })
			.returning({ id: boardPosts.id });
		return added.length;
	});
}

/**
 * Lands what a lowered minimum group size now allows, for every ended workshop of the
 * organisation (`landWorkshopPosts` adds nothing twice). Returns how many posts were added.
 */
export async function landOrganisationPosts(db: Database, orgId: string, minGroup: number) {
	const ended = await db
		.selectDistinct({ id: workshops.id })
		.from(workshops)
		.innerJoin(teams, eq(teams.id, workshops.teamId))
		.innerJoin(activities, eq(activities.workshopId, workshops.id))
		.where(
			and(eq(teams.orgId, orgId), eq(workshops.status, 'ended'), eq(activities.kind, 'outsider'))
		);
	let added = 0;
	for (const w of ended) added += await landWorkshopPosts(db, w.id, minGroup);
	return added;
}
