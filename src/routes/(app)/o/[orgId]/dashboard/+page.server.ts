import { orgAccess } from '$lib/server/auth/guards';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import type { PageServerLoad } from './$types';

/** Management across teams; leaders see their own teams' dashboards only (403 here). */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	return {
		dashboard: await loadOrgDashboard(db, { orgId: org.id, minGroupSize: org.minGroupSize })
	};
};
