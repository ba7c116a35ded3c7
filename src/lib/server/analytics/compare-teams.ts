/**
 * Two teams' pulse checks and follow-through side by side in a period (the maths is
 * domain/team-comparison.ts). The caller has checked that the visitor may see both teams.
 */
import type { Role } from '../../domain/culture';
import { can } from '../../domain/permissions';
import type { PeriodChoice } from '../../domain/period';
import { compareTeams } from '../../domain/team-comparison';
import { listTeamIdsOf, listTeams } from '../accounts/queries';
import { listCommitmentRecords } from '../commitments/queries';
import type { Database } from '../db';
import { listPulseAggregates } from '../dashboard/queries';

/**
 * The teams of the organisation the visitor may compare with the page's team: that team, and
 * every team the visitor may view (a leader only their own teams). A team outside this list is
 * treated as if it did not exist.
 */
export async function listComparableTeams(
	db: Database,
	input: { orgId: string; teamId: string; userId: string; role: Role }
) {
	const mine = await listTeamIdsOf(db, input.orgId, input.userId);
	return (await listTeams(db, input.orgId)).filter(
		(t) => t.id === input.teamId || can(input.role, 'team.view', { isTeamMember: mine.has(t.id) })
	);
}

export async function loadTeamsComparison(
	db: Database,
	input: {
		teamId: string;
		otherTeamId: string;
		minGroupSize: number;
		period: PeriodChoice;
		now: Date;
	}
) {
	const [pulsesA, pulsesB, records] = await Promise.all([
		listPulseAggregates(db, { teamId: input.teamId }),
		listPulseAggregates(db, { teamId: input.otherTeamId }),
		listCommitmentRecords(db, [input.teamId, input.otherTeamId])
	]);
	const recordsOf = (teamId: string) => records.filter((r) => r.teamId === teamId);
	return compareTeams(
		{ pulses: pulsesA, records: recordsOf(input.teamId) },
		{ pulses: pulsesB, records: recordsOf(input.otherTeamId) },
		input.period,
		input.minGroupSize,
		input.now
	);
}
