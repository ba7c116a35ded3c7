import { orgAccess } from '$lib/server/auth/guards';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import type { PageServerLoad } from './$types';

/** Management across teams; leaders see their own teams' dashboards only (403 here). */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	return {
		dashboard: await loadOrgDashboard(db, {
			orgId: org.id,
			minGroupSize: org.minGroupSize,
			now,
			period: choice
		}),
		periodQuery: query,
		periodProblem: problem
	};
};
