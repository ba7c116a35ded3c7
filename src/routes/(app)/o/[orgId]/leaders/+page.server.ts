import {
	chooseLeaders,
	LEADER_SEARCH_MAX,
	LEADER_SORTS,
	type LeaderSort
} from '$lib/domain/leaders';
import { orgAccess } from '$lib/server/auth/guards';
import { loadOrgLeaders } from '$lib/server/dashboard/leaders';
import { listDepartmentNames } from '$lib/server/dashboard/queries';
import type { PageServerLoad } from './$types';

/**
 * Leaders across the organisation, for those who may see its dashboard (a leader may not: 403,
 * as on the dashboard; they see their own score on their teams' dashboards). The filter is a
 * GET form, so a filtered view is a link; what it does not know it ignores, and a search text
 * that is too long is refused next to its field.
 */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	const params = event.url.searchParams;
	const [{ teams, leaders }, departments] = await Promise.all([
		loadOrgLeaders(db, { orgId: org.id, minGroupSize: org.minGroupSize }),
		listDepartmentNames(db, org.id)
	]);
	const teamId = teams.some((t) => t.id === params.get('team')) ? params.get('team') : null;
	const departmentId = departments.some((d) => d.id === params.get('dept'))
		? params.get('dept')
		: null;
	const inTeams = departmentId
		? new Set(teams.filter((t) => t.departmentId === departmentId).map((t) => t.id))
		: null;
	const typed = params.get('q') ?? '';
	const searchTooLong = typed.length > LEADER_SEARCH_MAX;
	const sortParam = params.get('sort');
	const sort: LeaderSort = LEADER_SORTS.find((s) => s === sortParam) ?? 'name';
	return {
		teams,
		departments,
		total: leaders.length,
		filter: {
			teamId,
			departmentId,
			search: typed.slice(0, LEADER_SEARCH_MAX),
			sort,
			searchTooLong
		},
		leaders: chooseLeaders(leaders, {
			teamId,
			search: searchTooLong ? '' : typed,
			sort,
			inTeams
		})
	};
};
