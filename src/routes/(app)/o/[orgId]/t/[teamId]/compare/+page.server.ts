import { z } from 'zod';
import { resolvePeriod, todayOf } from '$lib/domain/period';
import { compareResults } from '$lib/server/analytics/compare';
import { listComparableTeams, loadTeamsComparison } from '$lib/server/analytics/compare-teams';
import { loadResults } from '$lib/server/analytics/report';
import { teamAccess } from '$lib/server/auth/guards';
import { listWorkshops } from '$lib/server/workshops/queries';
import { periodFromUrl } from '$lib/server/dashboard/period';
import type { Database } from '$lib/server/db';
import type { FieldErrors } from '$lib/forms';
import type { PageServerLoad } from './$types';

const CompareQuery = z.object({
	a: z.string().max(64).optional(),
	b: z.string().max(64).optional()
});

/** The other team whose pulse checks are compared with this team's (`?with=`). */
const TeamQuery = z.object({ with: z.string().max(64).optional() });

/**
 * Two workshops side by side: A of this team, B of this team (before and after) or of another
 * team of the organisation that the visitor may read. And this team's pulse checks beside
 * another readable team's in a period. Unknown or unreadable choices are said next to the
 * field, not answered with an error page.
 */
export const load: PageServerLoad = async (event) => {
	const { db, org, team, user, role } = await teamAccess(event);
	const teams = await listComparableTeams(db, {
		orgId: org.id,
		teamId: team.id,
		userId: user.id,
		role
	});
	const pulses = await pulseComparison(db, { org, team, teams, url: event.url });
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
	if (!a || !b || Object.keys(errors).length > 0) return { ...page, pulses, comparison: null };
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
		pulses,
		comparison: {
			a: { ...withTeam(a), respondents: ra.respondents, tooFew: ra.tooFew },
			b: { ...withTeam(b), respondents: rb.respondents, tooFew: rb.tooFew },
			...compareResults(ra, rb)
		}
	};
};

/**
 * This team's pulse checks beside another team's (`?with=`) in the chosen period. A team the
 * visitor may not view is refused with the same words as one that does not exist: nothing
 * about it is read.
 */
async function pulseComparison(
	db: Database,
	{
		org,
		team,
		teams,
		url
	}: {
		org: { minGroupSize: number };
		team: { id: string; name: string };
		teams: { id: string; name: string }[];
		url: URL;
	}
) {
	const now = new Date();
	const { choice, problem, query } = periodFromUrl(url, now);
	const others = teams.filter((t) => t.id !== team.id).map((t) => ({ id: t.id, name: t.name }));
	const parsed = TeamQuery.safeParse({ with: url.searchParams.get('with') ?? undefined });
	const asked = parsed.success ? parsed.data.with || undefined : undefined;
	const other = asked ? others.find((t) => t.id === asked) : undefined;
	const errors: FieldErrors = {};
	if (!parsed.success || (asked && !other)) errors.with = { code: 'invalid' };
	const base = {
		others,
		chosen: other?.id ?? null,
		errors,
		minGroupSize: org.minGroupSize,
		// The period's days and its steps; "the last pulse" is each team's own, said per team.
		period: choice.kind === 'pulse' ? null : resolvePeriod(choice, todayOf(now), []),
		periodQuery: query,
		periodProblem: problem
	};
	if (!other) return { ...base, comparison: null };
	const comparison = await loadTeamsComparison(db, {
		teamId: team.id,
		otherTeamId: other.id,
		minGroupSize: org.minGroupSize,
		period: choice,
		now
	});
	return {
		...base,
		comparison: {
			...comparison,
			a: { ...comparison.a, teamName: team.name },
			b: { ...comparison.b, teamName: other.name }
		}
	};
}
