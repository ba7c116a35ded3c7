import { error } from '@sveltejs/kit';
import { commitmentStanding, followThroughAt } from '$lib/domain/commitments';
import { canSeeLeaderScore } from '$lib/domain/permissions';
import { teamAccess } from '$lib/server/auth/guards';
import { listTeamCommitments } from '$lib/server/commitments/queries';
import { loadTeamDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role, user } = await teamAccess(event);
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	const loaded = await loadTeamDashboard(db, {
		teamId: team.id,
		minGroupSize: org.minGroupSize,
		now,
		period: choice
	});
	const dashboard = {
		...loaded,
		leaders: loaded.leaders.filter((l) => canSeeLeaderScore(role, user, l.id)),
		onlyOwnLeaderScore: role === 'leader',
		periodQuery: query,
		periodProblem: problem
	};
	const valueId = event.url.searchParams.get('value');
	if (!valueId) return { dashboard, value: null };
	// Drilling down to one value: its series, and the commitments that serve it.
	const value = dashboard.values.find((v) => v.id === valueId);
	if (!value) error(404);
	const commitments = (await listTeamCommitments(db, team.id)).filter((c) => c.valueId === valueId);
	return {
		dashboard,
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
