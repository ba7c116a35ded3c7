/**
 * What the management dashboards read: per pulse, the sums the numbers need (GROUP BY in SQL,
 * never the single answers), per value per pulse for a team, and the commitments' dates.
 * `loadTeamDashboard` and `loadOrgDashboard` are the whole load of each page (timed by
 * scripts/bench-dashboard.ts).
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import {
	commitmentSeries,
	monthlySeries,
	pulseSeries,
	seriesTrend,
	type PulseAggregate
} from '../../domain/dashboard';
import { followThroughAt, openAndOverdue } from '../../domain/commitments';
import { meetsMinimumGroup, type Hidden } from '../../domain/metrics';
import { isoDate } from '../../room/dates';
import type { Database } from '../db';
import {
	cultureValues,
	pulseAnswers,
	pulseItems,
	pulseResponses,
	pulses,
	teams
} from '../db/schema';
import { listCommitmentRecords } from '../commitments/queries';

type Scope = { orgId: string } | { teamId: string };

const inScope = (scope: Scope) =>
	'teamId' in scope ? eq(pulses.teamId, scope.teamId) : eq(teams.orgId, scope.orgId);

/** Sums per pulse: respondents, value answers and favourable ones, eNPS answers by group. */
export async function listPulseAggregates(db: Database, scope: Scope): Promise<PulseAggregate[]> {
	const [sums, respondents] = await Promise.all([
		db
			.select({
				pulseId: pulses.id,
				teamId: pulses.teamId,
				opensOn: pulses.opensOn,
				valueAnswers: sql<number>`coalesce(sum(case when ${pulseItems.kind} = 'value' then 1 else 0 end), 0)`,
				valueFavourable: sql<number>`coalesce(sum(case when ${pulseItems.kind} = 'value' and ${pulseAnswers.score} >= 4 then 1 else 0 end), 0)`,
				enpsAnswers: sql<number>`coalesce(sum(case when ${pulseItems.kind} = 'enps' then 1 else 0 end), 0)`,
				promoters: sql<number>`coalesce(sum(case when ${pulseItems.kind} = 'enps' and ${pulseAnswers.score} >= 9 then 1 else 0 end), 0)`,
				detractors: sql<number>`coalesce(sum(case when ${pulseItems.kind} = 'enps' and ${pulseAnswers.score} <= 6 then 1 else 0 end), 0)`
			})
			.from(pulses)
			.innerJoin(teams, eq(teams.id, pulses.teamId))
			.leftJoin(pulseItems, eq(pulseItems.pulseId, pulses.id))
			.leftJoin(pulseAnswers, eq(pulseAnswers.itemId, pulseItems.id))
			.where(inScope(scope))
			.groupBy(pulses.id),
		db
			.select({ pulseId: pulseResponses.pulseId, n: count() })
			.from(pulseResponses)
			.innerJoin(pulses, eq(pulses.id, pulseResponses.pulseId))
			.innerJoin(teams, eq(teams.id, pulses.teamId))
			.where(inScope(scope))
			.groupBy(pulseResponses.pulseId)
	]);
	const people = new Map(respondents.map((r) => [r.pulseId, r.n]));
	return sums.map((s) => ({
		pulseId: s.pulseId,
		teamId: s.teamId,
		opensOn: s.opensOn,
		respondents: people.get(s.pulseId) ?? 0,
		valueAnswers: Number(s.valueAnswers),
		valueFavourable: Number(s.valueFavourable),
		enpsAnswers: Number(s.enpsAnswers),
		promoters: Number(s.promoters),
		detractors: Number(s.detractors)
	}));
}

/** Per pulse and value of a team: answers to the value's statement and favourable ones. */
export async function listValueAggregates(db: Database, teamId: string) {
	const rows = await db
		.select({
			pulseId: pulseItems.pulseId,
			valueId: pulseItems.valueId,
			answers: count(),
			favourable: sql<number>`sum(case when ${pulseAnswers.score} >= 4 then 1 else 0 end)`
		})
		.from(pulseAnswers)
		.innerJoin(pulseItems, eq(pulseItems.id, pulseAnswers.itemId))
		.innerJoin(pulses, eq(pulses.id, pulseItems.pulseId))
		.where(and(eq(pulses.teamId, teamId), eq(pulseItems.kind, 'value')))
		.groupBy(pulseItems.pulseId, pulseItems.valueId);
	return rows.map((r) => ({ ...r, favourable: Number(r.favourable) }));
}

async function activeValues(db: Database, teamId: string) {
	return db
		.select({ id: cultureValues.id, name: cultureValues.name })
		.from(cultureValues)
		.where(and(eq(cultureValues.teamId, teamId), isNull(cultureValues.archivedAt)))
		.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey));
}

export interface ValueSeriesPoint {
	date: string;
	respondents: number;
	hidden: Hidden | null;
	favourable: number | null;
}

/** A team over time: every pulse, every value, the commitments; numbers only for big enough groups. */
export async function loadTeamDashboard(
	db: Database,
	input: { teamId: string; minGroupSize: number; now?: Date }
) {
	const now = input.now ?? new Date();
	const min = input.minGroupSize;
	const [aggregates, perValue, values, records] = await Promise.all([
		listPulseAggregates(db, { teamId: input.teamId }),
		listValueAggregates(db, input.teamId),
		activeValues(db, input.teamId),
		listCommitmentRecords(db, [input.teamId])
	]);
	const pulsesSeries = pulseSeries(aggregates, min);
	const byPulse = new Map(aggregates.map((a) => [a.pulseId, a]));
	const ordered = [...aggregates].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
	const valueSeries = values.map((value) => ({
		...value,
		points: ordered.map((p): ValueSeriesPoint => {
			const row = perValue.find((r) => r.pulseId === p.pulseId && r.valueId === value.id);
			const n = byPulse.get(p.pulseId)!.respondents;
			if (!meetsMinimumGroup(n, min)) {
				return {
					date: p.opensOn,
					respondents: n,
					hidden: { hidden: true, reason: 'below_minimum', n, min },
					favourable: null
				};
			}
			return {
				date: p.opensOn,
				respondents: n,
				hidden: null,
				favourable: row && row.answers > 0 ? (row.favourable * 100) / row.answers : null
			};
		})
	}));
	const today = isoDate(now);
	return {
		minGroupSize: min,
		pulses: pulsesSeries,
		trends: {
			favourable: seriesTrend(pulsesSeries, 'favourable'),
			enps: seriesTrend(pulsesSeries, 'enps')
		},
		values: valueSeries,
		commitments: commitmentSeries(records, [...ordered.map((p) => p.opensOn), today]),
		followThrough: followThroughAt(records, now),
		...openAndOverdue(records, now)
	};
}

/** The organisation over time (months), and each team's latest state beside the others. */
export async function loadOrgDashboard(
	db: Database,
	input: { orgId: string; minGroupSize: number; now?: Date }
) {
	const now = input.now ?? new Date();
	const min = input.minGroupSize;
	const teamRows = await db
		.select({ id: teams.id, name: teams.name })
		.from(teams)
		.where(eq(teams.orgId, input.orgId))
		.orderBy(asc(teams.nameKey));
	const [aggregates, records] = await Promise.all([
		listPulseAggregates(db, { orgId: input.orgId }),
		listCommitmentRecords(
			db,
			teamRows.map((t) => t.id)
		)
	]);
	const months = monthlySeries(aggregates, min);
	const monthEnds = months.map((p) => {
		const [y, mo] = p.date.split('-').map(Number);
		return isoDate(new Date(Date.UTC(y, mo, 0)));
	});
	const today = isoDate(now);
	const teamsNow = teamRows.map((team) => {
		const own = aggregates.filter((a) => a.teamId === team.id);
		const series = pulseSeries(own, min);
		const mine = records.filter((r) => r.teamId === team.id);
		return {
			...team,
			pulses: own.length,
			latest: series.at(-1) ?? null,
			trend: seriesTrend(series, 'favourable'),
			followThrough: followThroughAt(mine, now).rate,
			...openAndOverdue(mine, now)
		};
	});
	return {
		minGroupSize: min,
		months,
		trends: { favourable: seriesTrend(months, 'favourable'), enps: seriesTrend(months, 'enps') },
		commitments: commitmentSeries(records, [...monthEnds.filter((d) => d < today), today]),
		followThrough: followThroughAt(records, now),
		...openAndOverdue(records, now),
		teams: teamsNow
	};
}
