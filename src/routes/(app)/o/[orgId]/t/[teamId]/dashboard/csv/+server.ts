import { error } from '@sveltejs/kit';
import { TEAM_TABLES, teamTable } from '$lib/components/follow/tables';
import { canSeeLeaderScore } from '$lib/domain/permissions';
import { todayOf } from '$lib/domain/period';
import { teamAccess } from '$lib/server/auth/guards';
import { csvDownload } from '$lib/server/dashboard/csv';
import { periodFromUrl } from '$lib/server/dashboard/period';
import { loadTeamDashboard } from '$lib/server/dashboard/queries';
import { queryChoice } from '$lib/server/validation';
import type { RequestHandler } from './$types';

/**
 * One of the team dashboard's tables as CSV (`?table=commitments|values|leaders`), for the same
 * readers as the page, with the same leaders (a leader gets only their own row).
 */
export const GET: RequestHandler = async (event) => {
	const { db, org, team, role, user } = await teamAccess(event);
	const table = queryChoice(TEAM_TABLES, event.url.searchParams.get('table'));
	if (!table) error(400, `Ask for table=${TEAM_TABLES.join(', table=')}.`);
	const now = new Date();
	const { choice } = periodFromUrl(event.url, now);
	const d = await loadTeamDashboard(db, {
		teamId: team.id,
		minGroupSize: org.minGroupSize,
		now,
		period: choice
	});
	const leaders = d.leaders.filter((l) => canSeeLeaderScore(role, user, l.id));
	return csvDownload(`${table}-${todayOf(now)}.csv`, teamTable(table, { ...d, leaders }));
};
