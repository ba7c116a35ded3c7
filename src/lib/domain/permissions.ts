import type { Role } from './culture';
import type { WorkshopStatus } from './workshop';

/**
 * Who may do what inside an organisation. Every server load and action asks one of these;
 * a member of another organisation never reaches them (the guard answers 404 first).
 *
 * - owner: everything;
 * - facilitator: runs workshops and edits the culture maps of the teams they belong to, reads
 *   every team's map;
 * - leader: a manager whose follow-through is tracked; sees their own teams only;
 * - viewer: management, reads every team, changes nothing.
 */
export type Action =
	| 'org.manage' // rename, minimum group size
	| 'org.data' // export everything; delete workshops, teams, the organisation
	| 'members.manage' // invite, change roles, remove
	| 'members.list'
	| 'teams.create'
	| 'team.manage' // rename, assign members
	| 'team.view'
	| 'map.edit'
	| 'follow.manage' // all of a team's commitments, pulses, board triage, alignment matrix
	| 'dashboard.org' // the organisation's dashboard across teams
	| 'answers.export'; // a workshop's answers one row each (see answersExportRefusal)

export interface TeamContext {
	/** Whether the user is assigned to the team in question. */
	isTeamMember: boolean;
}

export function can(role: Role, action: Action, team?: TeamContext): boolean {
	if (role === 'owner') return true;
	switch (action) {
		case 'org.manage':
		case 'org.data':
		case 'members.manage':
		case 'teams.create':
		case 'team.manage':
			return false;
		case 'members.list':
			return role === 'facilitator' || role === 'viewer';
		case 'team.view':
			return role === 'leader' ? Boolean(team?.isTeamMember) : true;
		case 'map.edit':
		case 'follow.manage':
		case 'answers.export':
			return role === 'facilitator' && Boolean(team?.isTeamMember);
		case 'dashboard.org':
			return role === 'facilitator' || role === 'viewer';
	}
}

/**
 * Whether someone may check in on, complete or drop a commitment: staff who manage the team's
 * follow-through, and the leader whose commitment it is (while they are in the team).
 */
export function canUpdateCommitment(
	role: Role,
	team: TeamContext,
	user: { id: string },
	commitment: { leaderId: string }
): boolean {
	if (can(role, 'follow.manage', team)) return true;
	return role === 'leader' && team.isTeamMember && commitment.leaderId === user.id;
}

/** Whether someone may write a commitment by hand: staff for any leader, a leader for themself. */
export function canCreateCommitment(role: Role, team: TeamContext): boolean {
	return can(role, 'follow.manage', team) || (role === 'leader' && team.isTeamMember);
}

/**
 * Whose scores from pulse statements about a named leader someone may read (given they may see
 * the team): owners, facilitators and management every leader's; a leader only their own, as
 * in 360° feedback, so that leaders are not ranked in front of each other. (`null`: a leader
 * who has since left.)
 */
export function canSeeLeaderScore(
	role: Role,
	user: { id: string },
	leaderId: string | null
): boolean {
	return role !== 'leader' || user.id === leaderId;
}

/** Owners may demote or remove owners, but never the last one. */
export function canLoseOwner(currentOwnerCount: number, targetIsOwner: boolean): boolean {
	return !targetIsOwner || currentOwnerCount > 1;
}

/** Why someone may not download a workshop's answers (one row per answer), if they may not. */
export type AnswersExportRefusal = 'role' | 'not_ended';

/**
 * The anonymous answers export is the most detailed thing staff can take away, so it goes to
 * the fewest people who need it for the method: the organisation's owners and the facilitators
 * of the workshop's team, and only once the workshop has ended (while it runs, each new file
 * would differ from the last by the answers just given). Everyone else who may read the
 * results has the aggregates.
 */
export function answersExportRefusal(
	role: Role,
	team: TeamContext,
	workshop: { status: WorkshopStatus }
): AnswersExportRefusal | null {
	if (!can(role, 'answers.export', team)) return 'role';
	return workshop.status === 'ended' ? null : 'not_ended';
}
