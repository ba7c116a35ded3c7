import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { cultureElements, cultureValues, organisations, teams, workshops } from '../db/schema';
import { forgetWorkshopParticipants } from '../live/participants';
import { forgetRoom } from '../live/rooms';

/**
 * Deleting a workshop, a team or a whole organisation, for its owner (GDPR's erasure). One
 * statement each: the foreign keys cascade through everything that hangs below (activities,
 * participants, answers, cards, upvotes; values, elements, members, commitments; memberships,
 * invitations), so nothing of it is left and nothing is half gone. Staff accounts stay: they
 * are their owners', and may belong to other organisations.
 *
 * A running workshop is forgotten by the live layer too, so its participants' tokens stop
 * working at once.
 */

function forgetLive(workshopIds: string[]) {
	for (const id of workshopIds) {
		forgetRoom(id);
		forgetWorkshopParticipants(id);
	}
}

/** Map elements that came out of the workshops keep their text, without the stale link. */
async function unlinkProvenance(db: Database, workshopIds: string[]) {
	if (workshopIds.length === 0) return;
	await db
		.update(cultureValues)
		.set({ workshopId: null })
		.where(inArray(cultureValues.workshopId, workshopIds));
	await db
		.update(cultureElements)
		.set({ workshopId: null })
		.where(inArray(cultureElements.workshopId, workshopIds));
}

/** Deletes a workshop of the team; false when the team has no such workshop. */
export async function deleteWorkshop(db: Database, teamId: string, workshopId: string) {
	const deleted = await db
		.delete(workshops)
		.where(and(eq(workshops.id, workshopId), eq(workshops.teamId, teamId)))
		.returning({ id: workshops.id });
	if (deleted.length === 0) return false;
	await unlinkProvenance(db, [workshopId]);
	forgetLive([workshopId]);
	return true;
}

async function workshopIdsOf(db: Database, teamIds: string[]) {
	if (teamIds.length === 0) return [];
	const rows = await db
		.select({ id: workshops.id })
		.from(workshops)
		.where(inArray(workshops.teamId, teamIds));
	return rows.map((r) => r.id);
}

/** Deletes a team of the organisation with everything in it; false when there is no such team. */
export async function deleteTeam(db: Database, orgId: string, teamId: string) {
	const workshopIds = await workshopIdsOf(db, [teamId]);
	const deleted = await db
		.delete(teams)
		.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)))
		.returning({ id: teams.id });
	if (deleted.length === 0) return false;
	forgetLive(workshopIds);
	return true;
}

/** Deletes the organisation with all its teams, members' memberships and invitations. */
export async function deleteOrganisation(db: Database, orgId: string) {
	const teamIds = (
		await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId))
	).map((r) => r.id);
	const workshopIds = await workshopIdsOf(db, teamIds);
	const deleted = await db
		.delete(organisations)
		.where(eq(organisations.id, orgId))
		.returning({ id: organisations.id });
	if (deleted.length === 0) return false;
	forgetLive(workshopIds);
	return true;
}
