/**
 * What the management dashboards read: per pulse, the sums the numbers need as of its latest
 * release (GROUP BY in SQL, never the single answers), per value per pulse for a team, and the commitments' dates.
 * `loadTeamDashboard` and `loadOrgDashboard` are the whole load of each page (timed by
 * scripts/bench-dashboard.ts).
 */
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
	byOpening,
	commitmentSeries,
	favourableSeries,
	monthlySeries,
	pulseSeries,
	latestEntropy,
	latestPulse,
	workshopEntropySeries,
	workshopGapSeries,
	type PulseAggregate,
	type RatingAggregate,
	type VoteAggregate
} from '../../domain/dashboard';
import { kindsWith } from '../../domain/activity-kinds';
import { nameKey, type Lens } from '../../domain/culture';
import { SCALES } from '../../domain/workshop';
import { followThroughAt, followThroughBy, openAndOverdue } from '../../domain/commitments';
import {
	DEFAULT_PERIOD,
	dueDays,
	resolvePeriod,
	type PeriodChoice,
	type ResolvedPeriod
} from '../../domain/period';
import {
	comparePeriods,
	followThroughByDueMonth,
	followThroughDueIn,
	shownDays,
	teamInPeriod
} from '../../domain/period-figures';
import {
	groupParticipation,
	monthlyParticipation,
	pulseParticipation,
	type Participation
} from '../../domain/participation';
import { within } from '../../domain/period';
import {
	biggestMovers,
	DEFAULT_QUERY,
	pageOf,
	selectRows,
	valueColumns,
	type HeatmapQuery,
	type HeatmapRow,
	type HeatmapView
} from '../../domain/heatmap';
import {
	departmentRow,
	heatmapRows,
	pulsesBehind,
	type HeatmapInput,
	type ValueStatementSums
} from '../../domain/heatmap-rows';
import { isoDate } from '../../room/dates';
import { getTeamSize, teamSizes } from '../participation/queries';
import { withTheirRelease } from '../live/queries';
import type { Database } from '../db';
import {
	activities,
	cultureValues,
	departments,
	pulseItems,
	pulseReleaseCounts,
	pulseResponses,
	pulses,
	pulseTotals,
	releasedCounts,
	teams,
	users,
	voteReleases,
	voteRespondents,
	workshops
} from '../db/schema';
import { listCommitmentRecords } from '../commitments/queries';

type Scope = { orgId: string } | { teamId: string };

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const group = groups.get(key(row));
		if (group) group.push(row);
		else groups.set(key(row), [row]);
	}
	return groups;
}

const inScope = (scope: Scope) =>
	'teamId' in scope ? eq(pulses.teamId, scope.teamId) : eq(teams.orgId, scope.orgId);

/**
 * Sums per pulse as of its latest release (`pulse_totals`, docs/security.md): respondents,
 * favourable answers, eNPS groups; and how many responses it has so far (a count only).
 */
export async function listPulseAggregates(db: Database, scope: Scope): Promise<PulseAggregate[]> {
	const rows = await db
		.select({
			pulseId: pulses.id,
			teamId: pulses.teamId,
			opensOn: pulses.opensOn,
			createdAt: pulses.createdAt,
			respondents: pulseTotals.respondents,
			valueAnswers: pulseTotals.valueAnswers,
			valueFavourable: pulseTotals.valueFavourable,
			enpsAnswers: pulseTotals.enpsAnswers,
			promoters: pulseTotals.promoters,
			detractors: pulseTotals.detractors
		})
		.from(pulses)
		.innerJoin(teams, eq(teams.id, pulses.teamId))
		.leftJoin(pulseTotals, eq(pulseTotals.pulseId, pulses.id))
		.where(inScope(scope));
	// Responses so far, in one pass over the index of responses by pulse.
	const counted = await db
		.select({ pulseId: pulseResponses.pulseId, n: count() })
		.from(pulseResponses)
		.innerJoin(pulses, eq(pulses.id, pulseResponses.pulseId))
		.innerJoin(teams, eq(teams.id, pulses.teamId))
		.where(inScope(scope))
		.groupBy(pulseResponses.pulseId);
	const responses = new Map(counted.map((c) => [c.pulseId, c.n]));
	return rows.map((r) => ({
		pulseId: r.pulseId,
		teamId: r.teamId,
		opensOn: r.opensOn,
		createdAt: r.createdAt.getTime(),
		responses: responses.get(r.pulseId) ?? 0,
		respondents: r.respondents ?? 0,
		valueAnswers: r.valueAnswers ?? 0,
		valueFavourable: r.valueFavourable ?? 0,
		enpsAnswers: r.enpsAnswers ?? 0,
		promoters: r.promoters ?? 0,
		detractors: r.detractors ?? 0
	}));
}

/**
 * Per pulse of a team (or of every team of an organisation), its statements about values and about leaders as of the pulse's latest
 * release: answers and favourable ones, with the leader's name (a leader statement's subject
 * is a person, not on the map).
 */
export async function listStatementAggregates(db: Database, scope: Scope) {
	const rows = await db
		.select({
			pulseId: pulseItems.pulseId,
			teamId: pulses.teamId,
			kind: pulseItems.kind,
			subjectId: sql<string>`coalesce(${pulseItems.valueId}, ${pulseItems.leaderId})`,
			leaderName: users.name,
			answers: sql<number>`sum(${pulseReleaseCounts.n})`,
			favourable: sql<number>`sum(case when ${pulseReleaseCounts.score} >= 4 then ${pulseReleaseCounts.n} else 0 end)`
		})
		.from(pulses)
		.innerJoin(teams, eq(teams.id, pulses.teamId))
		.innerJoin(pulseItems, eq(pulseItems.pulseId, pulses.id))
		.innerJoin(
			pulseReleaseCounts,
			and(eq(pulseReleaseCounts.pulseId, pulses.id), eq(pulseReleaseCounts.itemId, pulseItems.id))
		)
		.leftJoin(users, eq(users.id, pulseItems.leaderId))
		.where(
			and(
				inScope(scope),
				inArray(pulseItems.kind, ['value', 'leader']),
				sql`coalesce(${pulseItems.valueId}, ${pulseItems.leaderId}) is not null`
			)
		)
		.groupBy(pulseItems.id);
	return rows.map((r) => ({ ...r, answers: Number(r.answers), favourable: Number(r.favourable) }));
}

/**
 * Per rate activity, value and lens of a team's workshops: answers, their total and the people
 * behind them, as of the item's last release (never the live answers: docs/security.md).
 */
export async function listRatingAggregates(
	db: Database,
	teamId: string
): Promise<RatingAggregate[]> {
	const rows = await db
		.select({
			workshopId: workshops.id,
			title: workshops.title,
			startedAt: workshops.startedAt,
			createdAt: workshops.createdAt,
			config: activities.config,
			valueId: releasedCounts.valueId,
			lens: releasedCounts.lens,
			answers: sql<number>`sum(${releasedCounts.n})`,
			total: sql<number>`sum(${releasedCounts.score} * ${releasedCounts.n})`,
			people: sql<number>`max(${voteReleases.respondents})`
		})
		.from(releasedCounts)
		.innerJoin(voteReleases, withTheirRelease)
		.innerJoin(activities, eq(activities.id, releasedCounts.activityId))
		.innerJoin(workshops, eq(workshops.id, activities.workshopId))
		.where(
			and(
				eq(workshops.teamId, teamId),
				eq(activities.kind, 'rate'),
				isNotNull(releasedCounts.valueId),
				isNotNull(releasedCounts.lens)
			)
		)
		.groupBy(releasedCounts.activityId, releasedCounts.itemId)
		.having(sql`sum(${releasedCounts.n}) > 0`);
	return rows.map((r) => ({
		workshopId: r.workshopId,
		title: r.title,
		date: isoDate(r.startedAt ?? r.createdAt),
		at: (r.startedAt ?? r.createdAt).getTime(),
		scale: r.config.kind === 'rate' ? SCALES[r.config.scale] : SCALES['1-5'],
		valueId: r.valueId!,
		lens: r.lens!,
		answers: Number(r.answers),
		total: Number(r.total),
		people: Number(r.people)
	}));
}

const VOTING = inArray(activities.kind, kindsWith('spendsBudget'));
const workshopsIn = (scope: Scope) =>
	'teamId' in scope ? eq(workshops.teamId, scope.teamId) : eq(teams.orgId, scope.orgId);

/**
 * Per dot-vote or allocation activity and value of the workshops in scope: the dots or points
 * it received as of its last release, if at least `min` people stood behind that release, and
 * whether the value is limiting.
 */
export async function listVoteAggregates(
	db: Database,
	scope: Scope,
	min: number
): Promise<VoteAggregate[]> {
	const rows = await db
		.select({
			workshopId: workshops.id,
			teamId: workshops.teamId,
			title: workshops.title,
			startedAt: workshops.startedAt,
			createdAt: workshops.createdAt,
			activityId: releasedCounts.activityId,
			lens: sql<Lens>`min(${releasedCounts.lens})`,
			valueId: releasedCounts.valueId,
			limiting: cultureValues.limiting,
			// A release with fewer people behind it than the minimum adds nothing.
			total: sql<number>`sum(case when ${voteReleases.respondents} >= ${Math.max(1, min)}
				then ${releasedCounts.score} * ${releasedCounts.n} else 0 end)`
		})
		.from(releasedCounts)
		.innerJoin(voteReleases, withTheirRelease)
		.innerJoin(activities, eq(activities.id, releasedCounts.activityId))
		.innerJoin(workshops, eq(workshops.id, activities.workshopId))
		.innerJoin(teams, eq(teams.id, workshops.teamId))
		.innerJoin(cultureValues, eq(cultureValues.id, releasedCounts.valueId))
		.where(and(workshopsIn(scope), VOTING, isNotNull(releasedCounts.lens)))
		.groupBy(releasedCounts.activityId, releasedCounts.valueId)
		.having(sql`sum(${releasedCounts.n}) > 0`);
	return rows.map((r) => ({
		workshopId: r.workshopId,
		teamId: r.teamId,
		title: r.title,
		date: isoDate(r.startedAt ?? r.createdAt),
		at: (r.startedAt ?? r.createdAt).getTime(),
		activityId: r.activityId,
		lens: r.lens,
		valueId: r.valueId!,
		limiting: r.limiting,
		total: Number(r.total)
	}));
}

/** People who voted in each dot-vote or allocation activity in scope (`vote_respondents`). */
export async function countVoters(db: Database, scope: Scope): Promise<Map<string, number>> {
	const rows = await db
		.select({ activityId: voteRespondents.activityId, n: count() })
		.from(voteRespondents)
		.innerJoin(activities, eq(activities.id, voteRespondents.activityId))
		.innerJoin(workshops, eq(workshops.id, activities.workshopId))
		.innerJoin(teams, eq(teams.id, workshops.teamId))
		.where(and(workshopsIn(scope), VOTING, gt(voteRespondents.n, 0)))
		.groupBy(voteRespondents.activityId);
	return new Map(rows.map((r) => [r.activityId, r.n]));
}

/** Cultural entropy per workshop and lens in scope, oldest first. */
async function loadEntropySeries(db: Database, scope: Scope, min: number) {
	const [rows, voters] = await Promise.all([
		listVoteAggregates(db, scope, min),
		countVoters(db, scope)
	]);
	return workshopEntropySeries(rows, voters, min);
}

async function activeValues(db: Database, teamId: string) {
	return db
		.select({ id: cultureValues.id, name: cultureValues.name })
		.from(cultureValues)
		.where(and(eq(cultureValues.teamId, teamId), isNull(cultureValues.archivedAt)))
		.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey));
}

/** The teams of an organisation, by name, with their department (or null). */
export async function listOrgTeams(db: Database, orgId: string) {
	return db
		.select({ id: teams.id, name: teams.name, departmentId: teams.departmentId })
		.from(teams)
		.where(eq(teams.orgId, orgId))
		.orderBy(asc(teams.nameKey));
}

/** A team over time: every pulse, every value, the commitments; numbers only for big enough groups. */
export async function loadTeamDashboard(
	db: Database,
	input: { teamId: string; minGroupSize: number; now?: Date; period?: PeriodChoice }
) {
	const now = input.now ?? new Date();
	const min = input.minGroupSize;
	const [aggregates, statements, values, records, ratings, entropy, size] = await Promise.all([
		listPulseAggregates(db, { teamId: input.teamId }),
		listStatementAggregates(db, { teamId: input.teamId }),
		activeValues(db, input.teamId),
		listCommitmentRecords(db, [input.teamId]),
		listRatingAggregates(db, input.teamId),
		loadEntropySeries(db, { teamId: input.teamId }, min),
		getTeamSize(db, input.teamId)
	]);
	const pulsesSeries = pulseSeries(aggregates, min);
	const ordered = [...aggregates].sort(byOpening);
	const about = (kind: 'value' | 'leader') => statements.filter((r) => r.kind === kind);
	// The leaders the team's pulses asked about, by name; follow-through beside what people saw.
	const askedLeaders = [
		...new Map(about('leader').map((r) => [r.subjectId, r.leaderName ?? ''])).entries()
	]
		.map(([id, name]) => ({ id, name }))
		.sort((a, b) => a.name.localeCompare(b.name));
	const followThroughOf = followThroughBy(records, (r) => r.leaderId, now);
	const leaders = favourableSeries(ordered, about('leader'), askedLeaders, min).map((leader) => ({
		...leader,
		followThrough: followThroughOf.get(leader.id)?.rate ?? null
	}));
	const today = isoDate(now);
	const period = resolvePeriod(input.period ?? DEFAULT_PERIOD, today, shownDays(aggregates, min));
	return {
		minGroupSize: min,
		...inPeriod(aggregates, records, period, min, now),
		participation: periodParticipation(aggregates, new Map([[input.teamId, size]]), period, min),
		/** Per pulse, as `pulses`: respondents over the team's size, null where withheld. */
		pulseParticipation: pulseParticipation(aggregates, size, min),
		pulses: pulsesSeries,
		values: favourableSeries(ordered, about('value'), values, min),
		leaders,
		gaps: workshopGapSeries(ratings, min),
		entropy,
		commitments: commitmentSeries(records, [...ordered.map((p) => p.opensOn), today]),
		followThrough: followThroughAt(records, now),
		...openAndOverdue(records, now)
	};
}

/** Respondents over size of the shown pulses that opened in the period (domain/participation.ts). */
function periodParticipation(
	aggregates: readonly PulseAggregate[],
	sizes: ReadonlyMap<string, number | null>,
	period: ResolvedPeriod | null,
	min: number
): Participation | null {
	if (!period) return null;
	const current = aggregates.filter((p) => within(p.opensOn, period.current));
	return groupParticipation(current, sizes, min);
}

/**
 * The period's figures against the period before, and follow-through of what was due in it.
 * Only shown pulses count (period-figures.ts), so no two periods differ by a withheld pulse.
 */
function inPeriod(
	aggregates: readonly PulseAggregate[],
	records: Parameters<typeof followThroughDueIn>[0],
	period: ResolvedPeriod | null,
	min: number,
	now: Date
) {
	if (!period) return { period, comparison: null, dueInPeriod: null, dueBefore: null };
	const due = dueDays(period);
	return {
		period,
		comparison: comparePeriods(aggregates, period, min),
		dueInPeriod: followThroughDueIn(records, due.current, now),
		dueBefore: due.previous ? followThroughDueIn(records, due.previous, now) : null
	};
}

/**
 * Per value statement of these pulses, as of each pulse's latest release: answers and favourable
 * ones, the value matched across teams by its name key. Only pulses the caller shows are asked.
 */
export async function listValueStatementSums(
	db: Database,
	pulseIds: readonly string[]
): Promise<(ValueStatementSums & { teamId: string })[]> {
	if (pulseIds.length === 0) return [];
	const rows = await db
		.select({
			pulseId: pulseItems.pulseId,
			teamId: cultureValues.teamId,
			valueKey: cultureValues.nameKey,
			answers: sql<number>`sum(${pulseReleaseCounts.n})`,
			favourable: sql<number>`sum(case when ${pulseReleaseCounts.score} >= 4 then ${pulseReleaseCounts.n} else 0 end)`
		})
		.from(pulseItems)
		.innerJoin(cultureValues, eq(cultureValues.id, pulseItems.valueId))
		.innerJoin(
			pulseReleaseCounts,
			and(
				eq(pulseReleaseCounts.pulseId, pulseItems.pulseId),
				eq(pulseReleaseCounts.itemId, pulseItems.id)
			)
		)
		.where(and(inArray(pulseItems.pulseId, [...pulseIds]), eq(pulseItems.kind, 'value')))
		.groupBy(pulseItems.id);
	return rows.map((r) => ({ ...r, answers: Number(r.answers), favourable: Number(r.favourable) }));
}

/** The active values of every team of an organisation (the heatmap's columns are chosen from them). */
export async function listOrgValueNames(db: Database, orgId: string) {
	return db
		.select({ id: cultureValues.id, teamId: cultureValues.teamId, name: cultureValues.name })
		.from(cultureValues)
		.innerJoin(teams, eq(teams.id, cultureValues.teamId))
		.where(and(eq(teams.orgId, orgId), isNull(cultureValues.archivedAt)));
}

/** The organisation's departments, by name. */
export async function listDepartmentNames(db: Database, orgId: string) {
	return db
		.select({ id: departments.id, name: departments.name })
		.from(departments)
		.where(eq(departments.orgId, orgId))
		.orderBy(asc(departments.nameKey));
}

/** The organisation over time (months), and its teams at a glance (the heatmap). */
export async function loadOrgDashboard(
	db: Database,
	input: {
		orgId: string;
		minGroupSize: number;
		now?: Date;
		period?: PeriodChoice;
		heatmap?: HeatmapQuery;
		/** Each team's latest state as a list (the page shows the heatmap instead). */
		withTeams?: boolean;
	}
) {
	const now = input.now ?? new Date();
	const min = input.minGroupSize;
	const [teamRows, aggregates, records, entropy, valueNames, departmentList, sizes] =
		await Promise.all([
			listOrgTeams(db, input.orgId),
			listPulseAggregates(db, { orgId: input.orgId }),
			listCommitmentRecords(db, { orgId: input.orgId }),
			loadEntropySeries(db, { orgId: input.orgId }, min),
			listOrgValueNames(db, input.orgId),
			listDepartmentNames(db, input.orgId),
			teamSizes(db, input.orgId)
		]);
	const months = monthlySeries(aggregates, min);
	const monthEnds = months.map((p) => {
		const [y, mo] = p.date.split('-').map(Number);
		return isoDate(new Date(Date.UTC(y, mo, 0)));
	});
	const today = isoDate(now);
	const period = resolvePeriod(
		input.period ?? DEFAULT_PERIOD,
		today,
		shownDays(aggregates, min),
		'month'
	);
	const entropyOf = groupBy(entropy, (p) => p.teamId);
	const base = {
		teams: teamRows,
		pulsesOf: groupBy(aggregates, (a) => a.teamId),
		recordsOf: groupBy(records, (r) => r.teamId),
		entropyOf: new Map(
			teamRows.map((t) => [
				t.id,
				latestEntropy(entropyOf.get(t.id) ?? [], 'current')?.percent ?? null
			])
		),
		period,
		min,
		today,
		now
	};
	const teamsNow = (input.withTeams === false ? [] : teamRows).map((team) => {
		const own = base.pulsesOf.get(team.id) ?? [];
		const mine = base.recordsOf.get(team.id) ?? [];
		return {
			...team,
			pulses: own.length,
			latest: latestPulse(pulseSeries(own, min)),
			inPeriod: teamInPeriod(own, period, min, today),
			dueInPeriod: period ? followThroughDueIn(mine, period.current, now).rate : null,
			followThrough: followThroughAt(mine, now).rate,
			...openAndOverdue(mine, now),
			entropy: latestEntropy(entropyOf.get(team.id) ?? [], 'current')
		};
	});
	const statements = await listValueStatementSums(db, pulsesBehind(base));
	const heatmapInput: HeatmapInput = {
		...base,
		statementsOf: groupBy(statements, (s) => s.teamId),
		valuesOf: new Map(
			[...groupBy(valueNames, (v) => v.teamId)].map(([teamId, values]) => [
				teamId,
				new Map(values.map((v) => [nameKey(v.name), v.id]))
			])
		),
		columns: valueColumns(valueNames),
		sizes
	};
	const dueMonths = months.map((p) => p.date).filter((month) => `${month}-01` <= today);
	const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
	const overall = inPeriod(aggregates, records, period, min, now);
	return {
		minGroupSize: min,
		...overall,
		participation: periodParticipation(aggregates, sizes, period, min),
		/** Per month, as `months`: respondents over the sizes of the teams with a shown pulse. */
		monthlyParticipation: monthlyParticipation(aggregates, sizes, min).map((p) => p.participation),
		months,
		commitments: commitmentSeries(records, [...monthEnds.filter((d) => d < today), today]),
		dueByMonth: followThroughByDueMonth(records, dueMonths, now),
		followThrough: followThroughAt(records, now),
		...openAndOverdue(records, now),
		// The names of the teams whose pulses the period's figures leave out (the rest stay here).
		withheldTeams: Object.fromEntries(
			(overall.comparison?.current.withheld ?? []).map((w) => [
				w.teamId,
				teamName.get(w.teamId) ?? ''
			])
		),
		/** Each team's latest state (the page shows the heatmap instead and leaves this out). */
		teams: teamsNow,
		heatmap: orgHeatmap(heatmapInput, departmentList, input.heatmap ?? DEFAULT_QUERY)
	};
}

/**
 * The heatmap's page of rows for the query, the departments' rows on it, the biggest movers,
 * and how many teams the query kept (the page carries only its own rows).
 */
function orgHeatmap(
	input: HeatmapInput,
	departmentList: readonly { id: string; name: string }[],
	query: HeatmapQuery
): HeatmapView {
	const all = heatmapRows(input);
	// Grouped by department when ordered by name; a ranking otherwise.
	const grouped = query.sort === 'name';
	const ordered = selectRows(all, query, input.columns);
	const selected = grouped ? groupedByDepartment(ordered, departmentList) : ordered;
	const page = pageOf(selected, query.page);
	const rows = page.rows;
	const onPage = new Set(rows.map((r) => r.departmentId));
	const shownDepartments = departmentList.filter(
		(d) => onPage.has(d.id) && (grouped || query.department === d.id)
	);
	return {
		query: { ...query, page: page.page },
		pages: page.pages,
		total: selected.length,
		teamCount: all.length,
		grouped,
		columns: [...input.columns],
		departments: [...departmentList],
		departmentRows: shownDepartments.map((d) => departmentRow(d, input)),
		rows,
		movers: biggestMovers(all)
	};
}

/** Rows in department order (by name, teams without one last), keeping their order inside. */
function groupedByDepartment(
	rows: readonly HeatmapRow[],
	departmentList: readonly { id: string }[]
): HeatmapRow[] {
	const rank = new Map(departmentList.map((d, i) => [d.id, i]));
	const order = (r: HeatmapRow) =>
		r.departmentId === null
			? departmentList.length
			: (rank.get(r.departmentId) ?? departmentList.length);
	return rows
		.map((row, i) => ({ row, i }))
		.sort((a, b) => order(a.row) - order(b.row) || a.i - b.i)
		.map((x) => x.row);
}
