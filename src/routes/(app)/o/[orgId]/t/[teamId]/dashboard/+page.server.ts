import { error } from '@sveltejs/kit';
import { commitmentStanding, followThroughAt } from '$lib/domain/commitments';
import { can, canSeeLeaderScore } from '$lib/domain/permissions';
import { isoDate } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { addEventAction, deleteEventAction } from '$lib/server/chart-events/actions';
import { listChartEvents, listChartMarks } from '$lib/server/chart-events/queries';
import { listTeamCommitments } from '$lib/server/commitments/queries';
import { loadTeamDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role, user, isTeamMember } = await teamAccess(event);
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	const scope = { orgId: org.id, teamId: team.id };
	const [loaded, marks, notes] = await Promise.all([
		loadTeamDashboard(db, {
			teamId: team.id,
			minGroupSize: org.minGroupSize,
			now,
			period: choice
		}),
		listChartMarks(db, scope),
		listChartEvents(db, scope)
	]);
	const events = {
		marks,
		notes,
		canManage: can(role, 'team.manage', { isTeamMember }),
		today: isoDate(now)
	};
	const dashboard = {
		...loaded,
		leaders: loaded.leaders.filter((l) => canSeeLeaderScore(role, user, l.id)),
		onlyOwnLeaderScore: role === 'leader',
		periodQuery: query,
		periodProblem: problem
	};
	const valueId = event.url.searchParams.get('value');
	if (!valueId) return { dashboard, events, value: null };
	// Drilling down to one value: its series, and the commitments that serve it.
	const value = dashboard.values.find((v) => v.id === valueId);
	if (!value) error(404);
	const commitments = (await listTeamCommitments(db, team.id)).filter((c) => c.valueId === valueId);
	return {
		dashboard,
		events,
		value: {
			...value,
			followThrough: followThroughAt(commitments, now),
			commitments: commitments.map((c) => ({
				id: c.id,
				action: c.action,
				leaderName: c.leaderName,
				standing: commitmentStanding(c, now),
				dueOn: c.dueOn
			}))
		}
	};
};

/** Dated notes on the team's charts: whoever may edit the team (docs/security.md). */
export const actions = {
	addEvent: async (event) => {
		const { db, org, team, user } = await teamAccess(event, 'team.manage');
		const scope = { orgId: org.id, teamId: team.id };
		return addEventAction(db, scope, user.id, await event.request.formData());
	},
	deleteEvent: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const scope = { orgId: org.id, teamId: team.id };
		return deleteEventAction(db, scope, await event.request.formData());
	}
} satisfies Actions;
