import { can } from '$lib/domain/permissions';
import { isoDate } from '$lib/room/dates';
import { orgAccess } from '$lib/server/auth/guards';
import { addEventAction, deleteEventAction } from '$lib/server/chart-events/actions';
import { listChartEvents, listChartMarks } from '$lib/server/chart-events/queries';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import type { Actions, PageServerLoad } from './$types';

/** Management across teams; leaders see their own teams' dashboards only (403 here). */
export const load: PageServerLoad = async (event) => {
	const { db, org, role } = await orgAccess(event, 'dashboard.org');
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	// The organisation's own notes and every team's workshops (not the teams' own notes).
	const scope = { orgId: org.id, teamId: null };
	const [dashboard, marks, notes] = await Promise.all([
		loadOrgDashboard(db, {
			orgId: org.id,
			minGroupSize: org.minGroupSize,
			now,
			period: choice
		}),
		listChartMarks(db, scope),
		listChartEvents(db, scope)
	]);
	return {
		dashboard,
		events: { marks, notes, canManage: can(role, 'org.manage'), today: isoDate(now) },
		periodQuery: query,
		periodProblem: problem
	};
};

/** Dated notes on the organisation's charts: whoever may manage the organisation. */
export const actions = {
	addEvent: async (event) => {
		const { db, org, user } = await orgAccess(event, 'org.manage');
		const scope = { orgId: org.id, teamId: null };
		return addEventAction(db, scope, user.id, await event.request.formData());
	},
	deleteEvent: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		return deleteEventAction(db, { orgId: org.id, teamId: null }, await event.request.formData());
	}
} satisfies Actions;
