import { orgAccess } from '$lib/server/auth/guards';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import { parseHeatmapQuery } from '$lib/domain/heatmap';
import type { PageServerLoad } from './$types';

/** Management across teams; leaders see their own teams' dashboards only (403 here). */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	// Every team's row stays on the server: the page gets the heatmap's one page of rows.
	const { teams: _none, ...dashboard } = await loadOrgDashboard(db, {
		orgId: org.id,
		minGroupSize: org.minGroupSize,
		now,
		period: choice,
		heatmap: parseHeatmapQuery((name) => event.url.searchParams.get(name)),
		withTeams: false
	});
	// The period as asked, kept by the heatmap's links and form.
	const periodParams = ['period', 'at', 'from', 'to'].flatMap((name): [string, string][] => {
		const value = event.url.searchParams.get(name);
		return value ? [[name, value.slice(0, 10)]] : [];
	});
	return { dashboard, periodQuery: query, periodProblem: problem, periodParams };
};
