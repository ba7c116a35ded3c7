/**
 * Team sizes for participation (domain/participation.ts): the number an owner set, else the
 * team's members (team_members).
 */
import { and, count, eq } from 'drizzle-orm';
import { teamSize } from '../../domain/participation';
import type { Database } from '../db';
import { pulses, pulseTotals, teamMembers, teams } from '../db/schema';

/** Every team of an organisation: its size (set, else members), or null when it has neither. */
export async function teamSizes(db: Database, orgId: string): Promise<Map<string, number | null>> {
	const rows = await db
		.select({ id: teams.id, size: teams.size, members: count(teamMembers.userId) })
		.from(teams)
		.leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
		.where(eq(teams.orgId, orgId))
		.groupBy(teams.id);
	return new Map(rows.map((r) => [r.id, teamSize(r.size, r.members)]));
}

/** One team's size as `teamSizes` gives it, and the number an owner set (null: none). */
export async function getTeamSize(
	db: Database,
	teamId: string
): Promise<{ size: number | null; setSize: number | null; members: number }> {
	const [row] = await db
		.select({ size: teams.size, members: count(teamMembers.userId) })
		.from(teams)
		.leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
		.where(eq(teams.id, teamId))
		.groupBy(teams.id);
	if (!row) return { size: null, setSize: null, members: 0 };
	return { size: teamSize(row.size, row.members), setSize: row.size, members: row.members };
}

/** Sets the team's size (people in it), or clears it (null) so its members count. */
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
