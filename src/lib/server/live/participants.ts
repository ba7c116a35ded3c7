/**
 * Who holds a participant token. A participant never changes workshop, so the answer is cached
 * for the life of the process; tokens that match nobody are remembered briefly, so a device
 * replaying a stale cookie does not cost a query per request.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { participants } from '../db/schema';
import { liveDatabase } from './context';

const MAX_KNOWN = 200_000;
const MAX_UNKNOWN = 10_000;
const UNKNOWN_FOR_MS = 60_000;
/** Tokens are 32 base32 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 64;

interface Known {
	id: string;
	workshopId: string;
}

const known = new Map<string, Known>();
const unknown = new Map<string, number>();

/** The same hex SHA-256 as `hashToken` in ids.ts, from node's native hash (the hot path). */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function remember(hash: string, participant: Known) {
	known.set(hash, participant);
	if (known.size > MAX_KNOWN) known.delete(known.keys().next().value as string);
}

/** The id of the participant of `workshopId` holding `token`, or null. */
export async function participantByToken(
	workshopId: string,
	token: string
): Promise<string | null> {
	return lookupParticipant(workshopId, token);
}

/**
 * The same, without a promise when the answer is in memory (the hot path: one promise less
 * per request is measurable at thousands of requests a second).
 */
export function lookupParticipant(
	workshopId: string,
	token: string
): string | null | Promise<string | null> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return null;
	const hash = tokenHash(token);
	const cached = known.get(hash);
	if (cached) return cached.workshopId === workshopId ? cached.id : null;
	const missUntil = unknown.get(hash);
	if (missUntil !== undefined && missUntil > Date.now()) return null;
	return findByHash(workshopId, hash);
}

async function findByHash(workshopId: string, hash: string): Promise<string | null> {
	const db = await liveDatabase();
	const [row] = await db
		.select({ id: participants.id, workshopId: participants.workshopId })
		.from(participants)
		.where(eq(participants.tokenHash, hash));
	if (!row) {
		unknown.delete(hash);
		unknown.set(hash, Date.now() + UNKNOWN_FOR_MS);
		if (unknown.size > MAX_UNKNOWN) unknown.delete(unknown.keys().next().value as string);
		return null;
	}
	remember(hash, row);
	return row.workshopId === workshopId ? row.id : null;
}

/** Called right after a participant joined, so their first request needs no query. */
export function rememberParticipant(token: string, participantId: string, workshopId: string) {
	const hash = tokenHash(token);
	unknown.delete(hash);
	remember(hash, { id: participantId, workshopId });
}

/** A waiting device let in: its token works from now on, even if it was just looked up. */
export function rememberAdmitted(hash: string, participantId: string, workshopId: string) {
	unknown.delete(hash);
	remember(hash, { id: participantId, workshopId });
}

/** A participant who withdrew: their token must stop working at once. */
export function forgetParticipant(participantId: string) {
	for (const [hash, p] of known) if (p.id === participantId) known.delete(hash);
}

/**
 * Workshops deleted (none of their participants' tokens may work any more) or dropped from
 * memory (their tokens are looked up again if used): one pass over the cache for all of them.
 */
export function forgetWorkshopParticipants(workshopIds: string | readonly string[]) {
	const ids = new Set(typeof workshopIds === 'string' ? [workshopIds] : workshopIds);
	for (const [hash, p] of known) if (ids.has(p.workshopId)) known.delete(hash);
}

/** Tokens remembered for a workshop (tests and benchmarks). */
export function rememberedParticipants(workshopId?: string): number {
	if (!workshopId) return known.size;
	let n = 0;
	for (const p of known.values()) if (p.workshopId === workshopId) n++;
	return n;
}

export function forgetAllParticipants() {
	known.clear();
	unknown.clear();
}
