/**
 * What a read-only link shows: the organisation dashboard's data, cut down to the sections the
 * owner chose before it leaves the server (what a section does not show is not in the page's
 * data either). Leaders come without their ids and, unless the link says so, without the scores
 * from pulse statements about them. Everything obeys the organisation's minimum group size
 * exactly as its dashboard does: it is the same load (loadOrgDashboard, loadOrgLeaders).
 */
import { chooseLeaders } from '../../domain/leaders';
import type { PeriodChoice } from '../../domain/period';
import type { ShareSection } from '../../domain/share';
import type { Database } from '../db';
import { loadOrgLeaders } from '../dashboard/leaders';
import { loadOrgDashboard } from '../dashboard/queries';

export interface SharedLink {
	org: { id: string; name: string; minGroupSize: number };
	sections: readonly ShareSection[];
	includeLeaderScores: boolean;
}

export async function loadSharedDashboard(
	db: Database,
	link: SharedLink,
	input: { now: Date; period: PeriodChoice }
) {
	const shows = (section: ShareSection) => link.sections.includes(section);
	const base = { orgId: link.org.id, minGroupSize: link.org.minGroupSize, now: input.now };
	const [d, leaders] = await Promise.all([
		loadOrgDashboard(db, { ...base, period: input.period }),
		shows('leaders') ? loadOrgLeaders(db, base) : null
	]);
	const teamName = new Map(d.teams.map((t) => [t.id, t.name]));
	return {
		minGroupSize: d.minGroupSize,
		period: d.period,
		figures: shows('figures')
			? {
					comparison: d.comparison,
					dueInPeriod: d.dueInPeriod,
					dueBefore: d.dueBefore,
					open: d.open,
					overdue: d.overdue,
					months: d.months,
					withheld: (d.comparison?.current.withheld ?? []).map((w) => ({
						team: teamName.get(w.teamId) ?? '',
						date: w.date,
						n: w.n
					}))
				}
			: null,
		trends: shows('trends') ? { months: d.months, dueByMonth: d.dueByMonth } : null,
		teams: shows('teams')
			? d.teams.map((t) => ({
					id: t.id,
					name: t.name,
					inPeriod: t.inPeriod,
					dueInPeriod: t.dueInPeriod,
					open: t.open,
					overdue: t.overdue,
					entropy: t.entropy ? { percent: t.entropy.percent } : null
				}))
			: null,
		leaders: leaders
			? {
					withScores: link.includeLeaderScores,
					rows: chooseLeaders(leaders.leaders, { teamId: null, search: '', sort: 'name' }).map(
						(l) => ({
							name: l.name,
							teams: l.teams.map((t) => t.name),
							followThrough: l.followThrough,
							open: l.open,
							overdue: l.overdue,
							seen: link.includeLeaderScores
								? { favourable: l.favourable, answers: l.answers, asOf: l.asOf }
								: null
						})
					)
				}
			: null
	};
}

export type SharedDashboard = Awaited<ReturnType<typeof loadSharedDashboard>>;
