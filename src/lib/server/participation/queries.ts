/**
 * Team sizes for participation (domain/participation.ts): the number an owner set, or none.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { pulses, pulseTotals, teams } from '../db/schema';

/** Every team of an organisation: the size an owner set, or null. */
export async function teamSizes(db: Database, orgId: string): Promise<Map<string, number | null>> {
	const rows = await db
		.select({ id: teams.id, size: teams.size })
		.from(teams)
		.where(eq(teams.orgId, orgId));
	return new Map(rows.map((r) => [r.id, r.size]));
}

/** One team's size as an owner set it (null: none). */
export async function getTeamSize(db: Database, teamId: string): Promise<number | null> {
	const [row] = await db.select({ size: teams.size }).from(teams).where(eq(teams.id, teamId));
	return row?.size ?? null;
}

/** Sets the team's size (people in it), or clears it (null: participation is not shown). */
export async function setTeamSize(
	db: Database,
	orgId: string,
	teamId: string,
	size: number | null
): Promise<void> {
	await db
		.update(teams)
		.set({ size })
		.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
}

/** Per pulse of a team, the respondents of its latest release (what decides whether it is shown). */
export async function releasedRespondents(
	db: Database,
	teamId: string
): Promise<Map<string, number>> {
	const rows = await db
		.select({ pulseId: pulseTotals.pulseId, respondents: pulseTotals.respondents })
		.from(pulseTotals)
		.innerJoin(pulses, eq(pulses.id, pulseTotals.pulseId))
		.where(eq(pulses.teamId, teamId));
	return new Map(rows.map((r) => [r.pulseId, r.respondents]));
}
