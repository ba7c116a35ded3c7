import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { listTeamIdsOf, listTeams } from '$lib/server/accounts/queries';
import { compareResults } from '$lib/server/analytics/compare';
import { loadResults } from '$lib/server/analytics/report';
import { teamAccess } from '$lib/server/auth/guards';
import { listWorkshops } from '$lib/server/workshops/queries';
import type { FieldErrors } from '$lib/forms';
import type { PageServerLoad } from './$types';

const CompareQuery = z.object({
	a: z.string().max(64).optional(),
	b: z.string().max(64).optional()
});

/**
 * Two workshops side by side: A of this team, B of this team (before and after) or of another
 * team of the organisation that the visitor may read. Unknown or unreadable choices are said
 * next to the field, not answered with an error page.
 */
export const load: PageServerLoad = async (event) => {
	const { db, org, team, user, role } = await teamAccess(event);
	const mine = await listTeamIdsOf(db, org.id, user.id);
	const teams = (await listTeams(db, org.id)).filter(
		(t) => t.id === team.id || can(role, 'team.view', { isTeamMember: mine.has(t.id) })
	);
	const groups = await Promise.all(
		teams.map(async (t) => ({
			teamId: t.id,
			teamName: t.name,
			workshops: (await listWorkshops(db, t.id)).map((w) => ({
				id: w.id,
				title: w.title,
				teamId: t.id,
				status: w.status,
				endedAt: w.endedAt
			}))
		}))
	);
	const own = groups.find((g) => g.teamId === team.id)!;
	const all = groups.flatMap((g) => g.workshops);
	const parsed = CompareQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const errors: FieldErrors = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] = { code: 'invalid' };
	}
	const a = query.a ? own.workshops.find((w) => w.id === query.a) : undefined;
	const b = query.b ? all.find((w) => w.id === query.b) : undefined;
	if (query.a && !a) errors.a = { code: 'invalid' };
	if (query.b && !b) errors.b = { code: 'invalid' };
	if (a && b && a.id === b.id) errors.b = { code: 'invalid' };

	const page = {
		own: own.workshops,
		// A team without workshops has nothing to compare with: no empty group in the list.
		groups: groups.filter((g) => g.workshops.length > 0),
		chosen: { a: query.a, b: query.b },
		errors
	};
	if (!a || !b || Object.keys(errors).length > 0) return { ...page, comparison: null };
	const withTeam = (w: typeof a) => ({
		...w,
		teamName: groups.find((g) => g.teamId === w.teamId)!.teamName
	});
	const [ra, rb] = await Promise.all([
		loadResults(db, a, org.minGroupSize),
		loadResults(db, b, org.minGroupSize)
	]);
	return {
		...page,
		comparison: {
			a: { ...withTeam(a), respondents: ra.respondents, tooFew: ra.tooFew },
			b: { ...withTeam(b), respondents: rb.respondents, tooFew: rb.tooFew },
			...compareResults(ra, rb)
		}
	};
};
