import { orgTeamsTable } from '$lib/components/follow/tables';
import { todayOf } from '$lib/domain/period';
import { orgAccess } from '$lib/server/auth/guards';
import { csvDownload } from '$lib/server/dashboard/csv';
import { periodFromUrl } from '$lib/server/dashboard/period';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import type { RequestHandler } from './$types';

/** The organisation dashboard's teams table as CSV, for the same period and readers as the page. */
export const GET: RequestHandler = async (event) => {
	const { db, org } = await orgAccess(event, 'dashboard.org');
	const now = new Date();
	const { choice } = periodFromUrl(event.url, now);
	const d = await loadOrgDashboard(db, {
		orgId: org.id,
		minGroupSize: org.minGroupSize,
		now,
		period: choice
	});
	return csvDownload(`teams-${todayOf(now)}.csv`, orgTeamsTable(d.teams, d.minGroupSize));
};
