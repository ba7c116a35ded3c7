/**
 * Read-only links to an organisation's dashboard (src/lib/domain/share.ts): created, listed and
 * revoked by owners; opened by whoever holds the token. Only the token's SHA-256 is stored.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { sectionsOf, shareLinkOpens, storedSections, type ShareSection } from '../../domain/share';
import type { Database } from '../db';
import { organisations, shareLinks, users } from '../db/schema';
import { hashToken, newId, newToken } from '../ids';

export interface NewShareLink {
	orgId: string;
	label: string;
	sections: readonly ShareSection[];
	includeLeaderScores: boolean;
	expiresOn: string | null;
	createdBy: string;
}

/** Stores a new link; the token is returned once, here, and never again. */
export async function createShareLink(
	db: Database,
	input: NewShareLink
): Promise<{ id: string; token: string }> {
	const token = newToken();
	const id = newId();
	await db.insert(shareLinks).values({
		id,
		orgId: input.orgId,
		tokenHash: hashToken(token),
		label: input.label,
		sections: storedSections(input.sections),
		includeLeaderScores: input.includeLeaderScores,
		expiresOn: input.expiresOn,
		createdBy: input.createdBy
	});
	return { id, token };
}

/** An organisation's links, newest first, with who made them (never a token or its hash). */
export async function listShareLinks(db: Database, orgId: string) {
	const rows = await db
		.select({
			id: shareLinks.id,
			label: shareLinks.label,
			sections: shareLinks.sections,
			includeLeaderScores: shareLinks.includeLeaderScores,
			expiresOn: shareLinks.expiresOn,
			revokedAt: shareLinks.revokedAt,
			createdAt: shareLinks.createdAt,
			createdBy: users.name
		})
		.from(shareLinks)
		.leftJoin(users, eq(shareLinks.createdBy, users.id))
		.where(eq(shareLinks.orgId, orgId))
		.orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
	return rows.map((row) => ({ ...row, sections: sectionsOf(row.sections) }));
}

/** Revokes one of the organisation's links; false when it has no such link still open. */
export async function revokeShareLink(
	db: Database,
	orgId: string,
	id: string,
	now = new Date()
): Promise<boolean> {
	const done = await db
		.update(shareLinks)
		.set({ revokedAt: now })
		.where(and(eq(shareLinks.id, id), eq(shareLinks.orgId, orgId), isNull(shareLinks.revokedAt)))
		.returning({ id: shareLinks.id });
	return done.length > 0;
}

/**
 * The link behind a token with its organisation, or null when there is none or it no longer
 * opens on `today` (revoked, expired): the caller answers all of these alike.
 */
export async function openShareLink(db: Database, token: string, today: string) {
	const [row] = await db
		.select({
			link: shareLinks,
			org: {
				id: organisations.id,
				name: organisations.name,
				minGroupSize: organisations.minGroupSize
			}
		})
		.from(shareLinks)
		.innerJoin(organisations, eq(shareLinks.orgId, organisations.id))
		.where(eq(shareLinks.tokenHash, hashToken(token)));
	if (!row || !shareLinkOpens(row.link, today)) return null;
	return {
		org: row.org,
		label: row.link.label,
		sections: sectionsOf(row.link.sections),
		includeLeaderScores: row.link.includeLeaderScores,
		expiresOn: row.link.expiresOn
	};
}
