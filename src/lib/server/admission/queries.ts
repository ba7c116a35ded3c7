/**
 * Who waits to be let in, and the workshop's admission settings. A waiting device is a join
 * request, not a participant: nothing that reads participants (answers, cards, streams,
 * results, counts) sees it. Admitted, it becomes a participant with a new id.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { joinRequests, participants, workshops } from '../db/schema';
import { newId } from '../ids';

export interface WaitingEntry {
	id: string;
	nickname: string | null;
}

export interface AdmittedParticipant {
	participantId: string;
	tokenHash: string;
}

export async function addJoinRequest(
	db: Database,
	request: { workshopId: string; tokenHash: string; nickname: string | null }
): Promise<WaitingEntry> {
	const id = newId();
	await db.insert(joinRequests).values({ id, ...request });
	return { id, nickname: request.nickname };
}

/** Those still waiting, first come first. */
export async function listWaiting(db: Database, workshopId: string): Promise<WaitingEntry[]> {
	return db
		.select({ id: joinRequests.id, nickname: joinRequests.nickname })
		.from(joinRequests)
		.where(and(eq(joinRequests.workshopId, workshopId), eq(joinRequests.refused, false)))
		.orderBy(asc(joinRequests.createdAt), asc(joinRequests.id));
}

/** What became of the request of the device holding the token of `tokenHash`, if it made one. */
export async function findJoinRequest(
	db: Database,
	workshopId: string,
	tokenHash: string
): Promise<'waiting' | 'refused' | null> {
	const [row] = await db
		.select({ refused: joinRequests.refused })
		.from(joinRequests)
		.where(and(eq(joinRequests.workshopId, workshopId), eq(joinRequests.tokenHash, tokenHash)));
	if (!row) return null;
	return row.refused ? 'refused' : 'waiting';
}

const waitingOf = (workshopId: string, ids: string[] | 'all') =>
	and(
		eq(joinRequests.workshopId, workshopId),
		eq(joinRequests.refused, false),
		ids === 'all' ? undefined : inArray(joinRequests.id, ids)
	);

/**
 * Lets waiting devices in: each becomes a participant (a new id, its token hash, its nickname)
 * and its request is gone, in one transaction.
 */
export async function admitRequests(
	db: Database,
	workshopId: string,
	ids: string[] | 'all'
): Promise<AdmittedParticipant[]> {
	if (ids !== 'all' && ids.length === 0) return [];
	return db.transaction(async (tx) => {
		const rows = await tx
			.delete(joinRequests)
			.where(waitingOf(workshopId, ids))
			.returning({ tokenHash: joinRequests.tokenHash, nickname: joinRequests.nickname });
		if (rows.length === 0) return [];
		const admitted = rows.map((r) => ({ ...r, participantId: newId() }));
		await tx.insert(participants).values(
			admitted.map((a) => ({
				id: a.participantId,
				workshopId,
				tokenHash: a.tokenHash,
				nickname: a.nickname
			}))
		);
		return admitted.map(({ participantId, tokenHash }) => ({ participantId, tokenHash }));
	});
}

/** Refuses waiting devices; their phones say so. Returns how many. */
export async function refuseRequests(
	db: Database,
	workshopId: string,
	ids: string[] | 'all'
): Promise<number> {
	if (ids !== 'all' && ids.length === 0) return 0;
	const rows = await db
		.update(joinRequests)
		.set({ refused: true })
		.where(waitingOf(workshopId, ids))
		.returning({ id: joinRequests.id });
	return rows.length;
}

export async function saveExpectedHeadCount(
	db: Database,
	workshopId: string,
	expected: number | null
) {
	await db
		.update(workshops)
		.set({ expectedHeadCount: expected })
		.where(eq(workshops.id, workshopId));
}

/**
 * Makes a workshop verified or open. Only while nobody has joined or waits, so that everyone in
 * a verified room came in with a code, and a room never changes under those who joined it;
 * false when that is no longer so.
 */
export async function saveVerified(
	db: Database,
	workshopId: string,
	verified: boolean
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [someone] = await tx
			.select({ id: participants.id })
			.from(participants)
			.where(eq(participants.workshopId, workshopId))
			.limit(1);
		const [waiting] = await tx
			.select({ id: joinRequests.id })
			.from(joinRequests)
			.where(eq(joinRequests.workshopId, workshopId))
			.limit(1);
		if (someone || waiting) return false;
		await tx.update(workshops).set({ verified }).where(eq(workshops.id, workshopId));
		return true;
	});
}
