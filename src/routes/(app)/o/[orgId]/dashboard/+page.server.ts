import { can } from '$lib/domain/permissions';
import { isoDate } from '$lib/room/dates';
import { orgAccess } from '$lib/server/auth/guards';
import { addEventAction, deleteEventAction } from '$lib/server/chart-events/actions';
import { listChartEvents, listChartMarks } from '$lib/server/chart-events/queries';
import { loadOrgDashboard } from '$lib/server/dashboard/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import { parseHeatmapQuery } from '$lib/domain/heatmap';
import type { Actions, PageServerLoad } from './$types';

/** Management across teams; leaders see their own teams' dashboards only (403 here). */
export const load: PageServerLoad = async (event) => {
	const { db, org, role } = await orgAccess(event, 'dashboard.org');
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(event.url, now);
	// The organisation's own notes and every team's workshops (not the teams' own notes).
	const scope = { orgId: org.id, teamId: null };
	const [{ teams: _none, ...dashboard }, marks, notes] = await Promise.all([
		// Every team's row stays on the server: the page gets the heatmap's one page of rows.
		loadOrgDashboard(db, {
			orgId: org.id,
			minGroupSize: org.minGroupSize,
			now,
			period: choice,
			heatmap: parseHeatmapQuery((name) => event.url.searchParams.get(name)),
			withTeams: false
		}),
		listChartMarks(db, scope),
		listChartEvents(db, scope)
	]);
	// The period as asked, kept by the heatmap's links and form.
	const periodParams = ['period', 'at', 'from', 'to'].flatMap((name): [string, string][] => {
		const value = event.url.searchParams.get(name);
		return value ? [[name, value.slice(0, 10)]] : [];
	});
	return {
		dashboard,
		events: { marks, notes, canManage: can(role, 'org.manage'), today: isoDate(now) },
		periodQuery: query,
		periodProblem: problem,
		periodParams
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
