import { error } from '@sveltejs/kit';
import { todayOf } from '$lib/domain/period';
import { database } from '$lib/server/db';
import { periodFromUrl } from '$lib/server/dashboard/period';
import { loadSharedDashboard } from '$lib/server/share/dashboard';
import { openSharedLink } from '$lib/server/share/open';
import type { PageServerLoad } from './$types';

/**
 * A read-only view of an organisation's dashboard for whoever holds the link (no account).
 * Unknown, revoked and expired links get the same 404; guesses are throttled per address.
 * The headers (noindex, no referrer, no caching) come from src/hooks/share.ts.
 */
export const load: PageServerLoad = async (event) => {
	const db = await database();
	const now = new Date();
	const opened = await openSharedLink(db, {
		token: event.params.token,
		address: event.getClientAddress(),
		today: todayOf(now)
	});
	if (!opened.ok) {
		error(opened.status, opened.status === 429 ? 'Too many tries' : 'Not found');
	}
	const { link } = opened;
	const { choice, problem, query } = periodFromUrl(event.url, now);
	return {
		shared: {
			orgName: link.org.name,
			label: link.label,
			expiresOn: link.expiresOn,
			sections: link.sections
		},
		dashboard: await loadSharedDashboard(db, link, { now, period: choice }),
		periodQuery: query,
		periodProblem: problem
	};
};
