import { leadersTable } from '$lib/components/follow/tables';
import {
	chooseLeaders,
	LEADER_SEARCH_MAX,
	LEADER_SORTS,
	type LeaderSort
} from '$lib/domain/leaders';
import { todayOf } from '$lib/domain/period';
import { orgAccess } from '$lib/server/auth/guards';
import { csvDownload } from '$lib/server/dashboard/csv';
import { loadOrgLeaders } from '$lib/server/dashboard/leaders';
import type { RequestHandler } from './$types';

/**
 * The leaders page's table as CSV: the same readers (not leaders: 403), the same filter from
 * the same query (team, search, sort), so the file holds the rows the page shows.
 */
export const GET: RequestHandler = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	const params = event.url.searchParams;
	const { teams, leaders } = await loadOrgLeaders(db, {
		orgId: org.id,
		minGroupSize: org.minGroupSize
	});
	const teamId = teams.some((t) => t.id === params.get('team')) ? params.get('team') : null;
	const typed = params.get('q') ?? '';
	const sort: LeaderSort = LEADER_SORTS.find((s) => s === params.get('sort')) ?? 'name';
	const search = typed.length > LEADER_SEARCH_MAX ? '' : typed;
	return csvDownload(
		`leaders-${todayOf(new Date())}.csv`,
		leadersTable(chooseLeaders(leaders, { teamId, search, sort }))
	);
};
