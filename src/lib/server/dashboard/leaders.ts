import { inArray } from 'drizzle-orm';
import { leaderRows } from '$lib/domain/leaders';
import { listCommitmentRecords } from '../commitments/queries';
import type { Database } from '../db';
import { users } from '../db/schema';
import { listOrgTeams, listPulseAggregates, listStatementAggregates } from './queries';

/**
 * Every leader of an organisation: whoever made a commitment in one of its teams or was asked
 * about in one of its pulses, with follow-through and what their teams' shown pulses said
 * (src/lib/domain/leaders.ts). Callers check that the reader may see the organisation's
 * dashboard (leaders may not: they see their own scores on their teams' dashboards).
 */
export async function loadOrgLeaders(
	db: Database,
	input: { orgId: string; minGroupSize: number; now?: Date }
) {
	const scope = { orgId: input.orgId };
	const [teamRows, records, pulses, statements] = await Promise.all([
		listOrgTeams(db, input.orgId),
		listCommitmentRecords(db, scope),
		listPulseAggregates(db, scope),
		listStatementAggregates(db, scope)
	]);
	const about = statements
		.filter((s) => s.kind === 'leader')
		.map((s) => ({ ...s, leaderId: s.subjectId }));
	const ids = [...new Set([...records.map((r) => r.leaderId), ...about.map((s) => s.leaderId)])];
	const leaders = ids.length
		? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
		: [];
	return {
		teams: teamRows,
		leaders: leaderRows({
			leaders,
			teams: teamRows,
			records,
			pulses,
			statements: about,
			minGroupSize: input.minGroupSize,
			now: input.now ?? new Date()
		})
	};
}
