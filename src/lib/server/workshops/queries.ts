import { and, asc, count, countDistinct, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
	joinCodeFrom,
	type ActivityConfig,
	type ActivityKind,
	type Pace
} from '../../domain/workshop';
import type { ContentLanguage } from '../../domain/templates';
import type { Database } from '../db';
import {
	activities,
	cards,
	commitments,
	participants,
	teams,
	upvotes,
	votes,
	workshops
} from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { hashToken, newId, newToken } from '../ids';
import { releaseStatements, voteStatements, type AnswerEntry } from '../live/queries';
import { inProcessStore } from '../live/store';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface NewActivity {
	kind: ActivityKind;
	title: string;
	prompt: string;
	config: ActivityConfig;
}

// --------------------------------------------------------------- workshops

/** The language a team's new workshops and pulses are written in unless chosen otherwise. */
export async function teamLanguage(db: Database, teamId: string): Promise<ContentLanguage> {
	const [row] = await db
		.select({ language: teams.language })
		.from(teams)
		.where(eq(teams.id, teamId));
	return row?.language ?? 'en';
}

/**
 * Creates a workshop with its agenda and a join code no other workshop uses, in `language`
 * (the team's unless said): the agenda's texts should be written in it.
 */
export async function createWorkshop(
	db: Database,
	input: {
		teamId: string;
		title: string;
		createdBy: string;
		agenda: NewActivity[];
		language?: ContentLanguage;
	}
) {
	const id = newId();
	const language = input.language ?? (await teamLanguage(db, input.teamId));
	for (let attempt = 0; ; attempt++) {
		const joinCode = joinCodeFrom(crypto.getRandomValues(new Uint8Array(8)));
		try {
			await db.transaction(async (tx) => {
				await tx.insert(workshops).values({
					id,
					teamId: input.teamId,
					title: input.title,
					joinCode,
					language,
					createdBy: input.createdBy
				});
				if (input.agenda.length > 0) {
					await tx
						.insert(activities)
						.values(
							input.agenda.map((a, position) => ({ id: newId(), workshopId: id, position, ...a }))
						);
				}
			});
			return { id, joinCode };
		} catch (error) {
			// 26^6 codes: a clash is rare, and a few retries make it vanishingly so.
			if (!isUniqueViolation(error) || attempt >= 5) throw error;
		}
	}
}

export type WorkshopRow = typeof workshops.$inferSelect;

/** A workshop of the team, or null: an id from another team finds nothing. */
export async function getWorkshop(db: Database, teamId: string, workshopId: string) {
	const [row] = await db
		.select()
		.from(workshops)
		.where(and(eq(workshops.id, workshopId), eq(workshops.teamId, teamId)));
	return row ?? null;
}

export async function findWorkshopByCode(db: Database, joinCode: string) {
	const [row] = await db.select().from(workshops).where(eq(workshops.joinCode, joinCode));
	return row ?? null;
}

/**
 * Changes a draft workshop's language, with the texts of its activities that were rewritten in
 * it, in one transaction; false (and nothing changed) once the workshop has started.
 */
export async function setWorkshopLanguage(
	db: Database,
	workshopId: string,
	language: ContentLanguage,
	texts: readonly { id: string; title: string; prompt: string }[] = []
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const changed = await tx
			.update(workshops)
			.set({ language })
			.where(and(eq(workshops.id, workshopId), eq(workshops.status, 'draft')))
			.returning({ id: workshops.id });
		if (changed.length === 0) return false;
		for (const { id, title, prompt } of texts) {
			await tx
				.update(activities)
				.set({ title, prompt })
				.where(and(eq(activities.id, id), eq(activities.workshopId, workshopId)));
		}
		return true;
	});
}

/** The language of the workshop of an id, or of a join code; null when there is none. */
export async function findWorkshopLanguage(
	db: Database,
	by: { id: string } | { joinCode: string }
): Promise<ContentLanguage | null> {
	const [row] = await db
		.select({ language: workshops.language })
		.from(workshops)
		.where('id' in by ? eq(workshops.id, by.id) : eq(workshops.joinCode, by.joinCode));
	return row?.language ?? null;
}

export async function findWorkshopById(db: Database, workshopId: string) {
	const [row] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
	return row ?? null;
}

export async function listWorkshops(db: Database, teamId: string) {
	return db
		.select({
			id: workshops.id,
			title: workshops.title,
			status: workshops.status,
			joinCode: workshops.joinCode,
			createdAt: workshops.createdAt,
			startedAt: workshops.startedAt,
			endedAt: workshops.endedAt
		})
		.from(workshops)
		.where(eq(workshops.teamId, teamId))
		.orderBy(desc(workshops.createdAt));
}

export function paceOf(row: WorkshopRow): Pace {
	return {
		status: row.status,
		current: row.currentIndex,
		inputOpen: row.inputOpen,
		revealed: row.revealed,
		overview: row.overview,
		timer: { endsAt: row.timerEndsAt, remainingMs: row.timerRemainingMs }
	};
}

/** Stores the facilitator's pace, stamping when the workshop started and ended. */
export async function savePace(db: Database, workshopId: string, next: Pace, now = new Date()) {
	await db
		.update(workshops)
		.set({
			status: next.status,
			currentIndex: next.current,
			inputOpen: next.inputOpen,
			revealed: next.revealed,
			overview: next.overview,
			timerEndsAt: next.timer.endsAt,
			timerRemainingMs: next.timer.remainingMs,
			startedAt:
				next.status === 'draft' ? null : sql`coalesce(${workshops.startedAt}, ${now.getTime()})`,
			endedAt: next.status === 'ended' ? now : null
		})
		.where(eq(workshops.id, workshopId));
}

export async function setShowNicknames(db: Database, workshopId: string, show: boolean) {
	await db.update(workshops).set({ showNicknames: show }).where(eq(workshops.id, workshopId));
}

// -------------------------------------------------------------- activities

export async function listActivities(db: Database | Tx, workshopId: string) {
	return db
		.select()
		.from(activities)
		.where(eq(activities.workshopId, workshopId))
		.orderBy(asc(activities.position));
}

export async function getActivity(db: Database, workshopId: string, activityId: string) {
	const [row] = await db
		.select()
		.from(activities)
		.where(and(eq(activities.id, activityId), eq(activities.workshopId, workshopId)));
	return row ?? null;
}

export async function addActivity(db: Database, workshopId: string, activity: NewActivity) {
	const id = newId();
	await db.transaction(async (tx) => {
		const [{ n }] = await tx
			.select({ n: count() })
			.from(activities)
			.where(eq(activities.workshopId, workshopId));
		await tx.insert(activities).values({ id, workshopId, position: n, ...activity });
	});
	return id;
}

export async function updateActivity(
	db: Database,
	workshopId: string,
	activityId: string,
	changes: Pick<NewActivity, 'title' | 'prompt' | 'config'>
) {
	await db
		.update(activities)
		.set(changes)
		.where(and(eq(activities.id, activityId), eq(activities.workshopId, workshopId)));
}

/** Rewrites the agenda's positions in the given order (ids of other workshops are ignored). */
export async function reorderActivities(db: Database, workshopId: string, order: string[]) {
	await db.transaction(async (tx) => {
		for (const [position, id] of order.entries()) {
			await tx
				.update(activities)
				.set({ position })
				.where(and(eq(activities.id, id), eq(activities.workshopId, workshopId)));
		}
	});
}

export async function removeActivity(db: Database, workshopId: string, activityId: string) {
	await db.transaction(async (tx) => {
		await tx
			.delete(activities)
			.where(and(eq(activities.id, activityId), eq(activities.workshopId, workshopId)));
		const rest = await listActivities(tx, workshopId);
		for (const [position, a] of rest.entries()) {
			if (a.position !== position) {
				await tx.update(activities).set({ position }).where(eq(activities.id, a.id));
			}
		}
	});
}

// ------------------------------------------------------------ participants

/** A new anonymous participant; the token goes into the device's cookie and nowhere else. */
export async function addParticipant(db: Database, workshopId: string, nickname: string | null) {
	const id = newId();
	const token = newToken();
	await db.insert(participants).values({ id, workshopId, tokenHash: hashToken(token), nickname });
	return { id, token };
}

export async function findParticipant(db: Database, workshopId: string, token: string) {
	const [row] = await db
		.select({ id: participants.id, nickname: participants.nickname })
		.from(participants)
		.where(
			and(eq(participants.tokenHash, hashToken(token)), eq(participants.workshopId, workshopId))
		);
	return row ?? null;
}

export async function countParticipants(db: Database, workshopId: string) {
	const [row] = await db
		.select({ n: count() })
		.from(participants)
		.where(eq(participants.workshopId, workshopId));
	return row.n;
}

/**
 * A participant takes back everything they gave: votes, cards and upvotes go with them. Their
 * answers leave the results at the next release, as any change does (live/queries.ts).
 */
export async function withdrawParticipant(db: Database, participantId: string) {
	const answered = await db
		.selectDistinct({ activityId: votes.activityId })
		.from(votes)
		.where(eq(votes.participantId, participantId));
	await inProcessStore(db).write([
		{ sql: 'delete from participants where id = ?', args: [participantId] },
		...releaseStatements(
			answered.map((a) => a.activityId),
			null
		)
	]);
}

// ------------------------------------------------------------------- votes

export type VoteEntry = AnswerEntry;

/**
 * Writes many participants' answers in one transaction, exactly as the live answer path does
 * (same statements): each answer upserts on (activity, participant, item), so a retry or a
 * re-vote replaces instead of adding, and a whole set (dots, points) replaces the last one.
 */
export async function writeVotes(db: Database, entries: VoteEntry[], now = Date.now()) {
	await inProcessStore(db).write(voteStatements(entries, now));
}

/** One participant's own answers to an activity: what their phone shows after a reload. */
export async function listOwnVotes(db: Database, activityId: string, participantId: string) {
	return db
		.select({ itemId: votes.itemId, score: votes.score })
		.from(votes)
		.where(and(eq(votes.activityId, activityId), eq(votes.participantId, participantId)));
}

/** How many answered each score per item: the aggregate every result is computed from. */
export async function voteDistribution(db: Database, activityId: string) {
	return db
		.select({ itemId: votes.itemId, score: votes.score, n: count() })
		.from(votes)
		.where(eq(votes.activityId, activityId))
		.groupBy(votes.itemId, votes.score);
}

export async function countRespondents(db: Database, activityId: string) {
	const [row] = await db
		.select({ n: countDistinct(votes.participantId) })
		.from(votes)
		.where(eq(votes.activityId, activityId));
	return row.n;
}

// ------------------------------------------------------------------- cards

export async function addCard(
	db: Database,
	activityId: string,
	participantId: string | null,
	text: string,
	options: { held?: boolean } = {}
) {
	const id = newId();
	// A held card is hidden until the facilitator approves it (moderation/queries.ts).
	const held = options.held ?? false;
	await db.insert(cards).values({ id, activityId, participantId, text, held, hidden: held });
	return id;
}

/** The cards of an activity as the room sees them: no author, merged ones folded in. */
export async function listCards(
	db: Database,
	activityId: string,
	options: { includeHidden?: boolean } = {}
) {
	const upvoteCount = db
		.select({ cardId: upvotes.cardId, n: count().as('n') })
		.from(upvotes)
		.groupBy(upvotes.cardId)
		.as('upvote_count');
	return db
		.select({
			id: cards.id,
			text: cards.text,
			hidden: cards.hidden,
			mergedInto: cards.mergedInto,
			valueId: cards.valueId,
			held: cards.held,
			starred: cards.starred,
			answered: cards.answered,
			upvotes: sql<number>`coalesce(${upvoteCount.n}, 0)`,
			createdAt: cards.createdAt
		})
		.from(cards)
		.leftJoin(upvoteCount, eq(upvoteCount.cardId, cards.id))
		.where(
			and(
				eq(cards.activityId, activityId),
				options.includeHidden ? undefined : eq(cards.hidden, false)
			)
		)
		.orderBy(asc(cards.createdAt));
}

export async function setCardHidden(
	db: Database,
	activityId: string,
	cardId: string,
	hidden: boolean
) {
	// Shown or hidden by hand, a held card no longer waits for approval.
	await db
		.update(cards)
		.set({ hidden, held: false })
		.where(and(eq(cards.id, cardId), eq(cards.activityId, activityId)));
}

/** Folds duplicates into one card; the folded cards stay (for counts) but are not shown alone. */
export async function mergeCards(
	db: Database,
	activityId: string,
	intoId: string,
	cardIds: string[]
) {
	const others = cardIds.filter((id) => id !== intoId);
	if (others.length === 0) return;
	await db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: cards.id })
			.from(cards)
			.where(and(eq(cards.id, intoId), eq(cards.activityId, activityId), isNull(cards.mergedInto)));
		if (!target) throw new DomainError('not_found');
		await tx
			.update(cards)
			.set({ mergedInto: intoId })
			.where(and(inArray(cards.id, others), eq(cards.activityId, activityId)));
	});
}

export async function groupCard(
	db: Database,
	activityId: string,
	cardId: string,
	valueId: string | null
) {
	await db
		.update(cards)
		.set({ valueId })
		.where(and(eq(cards.id, cardId), eq(cards.activityId, activityId)));
}

export async function upvoteCard(db: Database, cardId: string, participantId: string) {
	await db.insert(upvotes).values({ cardId, participantId }).onConflictDoNothing();
}

// ======================================================================
// Added by the participant room (src/routes/(room)): append-only; above this line only the
// schema import gained `commitments`.
// ======================================================================

/** A participant's own cards of an activity, hidden ones too: their phone lists what they wrote. */
export async function listOwnCards(db: Database, activityId: string, participantId: string) {
	return db
		.select({ id: cards.id, text: cards.text, hidden: cards.hidden, held: cards.held })
		.from(cards)
		.where(and(eq(cards.activityId, activityId), eq(cards.participantId, participantId)))
		.orderBy(asc(cards.createdAt), sql`${cards}.rowid`);
}

/** One card of an activity, with who wrote it: for checks only, never sent to the room. */
export async function findCard(db: Database, activityId: string, cardId: string) {
	const [row] = await db
		.select({
			id: cards.id,
			participantId: cards.participantId,
			hidden: cards.hidden,
			mergedInto: cards.mergedInto
		})
		.from(cards)
		.where(and(eq(cards.id, cardId), eq(cards.activityId, activityId)));
	return row ?? null;
}

/** Deletes a card only if this participant wrote it; whether one was deleted. */
export async function removeOwnCard(
	db: Database,
	activityId: string,
	participantId: string,
	cardId: string
): Promise<boolean> {
	const deleted = await db
		.delete(cards)
		.where(
			and(
				eq(cards.id, cardId),
				eq(cards.activityId, activityId),
				eq(cards.participantId, participantId)
			)
		)
		.returning({ id: cards.id });
	return deleted.length > 0;
}

/** The cards of an activity this participant upvoted. */
export async function listOwnUpvotes(db: Database, activityId: string, participantId: string) {
	const rows = await db
		.select({ cardId: upvotes.cardId })
		.from(upvotes)
		.innerJoin(cards, eq(cards.id, upvotes.cardId))
		.where(and(eq(cards.activityId, activityId), eq(upvotes.participantId, participantId)));
	return rows.map((r) => r.cardId);
}

export interface NewCommitment {
	teamId: string;
	workshopId: string;
	leaderId: string;
	valueId: string;
	action: string;
	signal: string;
	/** ISO date, `YYYY-MM-DD`. */
	dueOn: string;
}

/** A leader's commitment written during a workshop. */
export async function addCommitment(db: Database, input: NewCommitment) {
	const id = newId();
	await db.insert(commitments).values({ id, ...input });
	return id;
}

/** What one leader committed to in one workshop, oldest first. */
export async function listWorkshopCommitments(db: Database, workshopId: string, leaderId: string) {
	return (
		db
			.select({
				id: commitments.id,
				valueId: commitments.valueId,
				action: commitments.action,
				signal: commitments.signal,
				dueOn: commitments.dueOn
			})
			.from(commitments)
			.where(and(eq(commitments.workshopId, workshopId), eq(commitments.leaderId, leaderId)))
			// Two written within the same millisecond keep the order they were stored in.
			.orderBy(asc(commitments.createdAt), sql`${commitments}.rowid`)
	);
}
