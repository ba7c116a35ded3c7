/**
 * The heatmap's rows from the dashboard's sums: one per team (teamInPeriod, with its fallback to
 * the last shown pulse) and one per department, which sums the shown pulses its teams' rows are
 * made of in the period and the period before, never a withheld one, and never a team's
 * fallback pulse (that is of another period).
 */
import { shareChange } from './change';
import type { CommitmentRecord } from './commitments';
import type { PulseAggregate } from './dashboard';
import { favourableOf, type HeatmapRow, type MeasureKey, type ValueColumn } from './heatmap';
import { groupParticipation } from './participation';
import { dueDays, resolvePeriod, within, type DayRange, type ResolvedPeriod } from './period';
import {
	followThroughDueIn,
	isShown,
	periodFigures,
	shownDays,
	teamInPeriod
} from './period-figures';

/** A value statement's sums in one pulse, its value matched by name key. */
export interface ValueStatementSums {
	pulseId: string;
	valueKey: string;
	answers: number;
	favourable: number;
}

export interface HeatmapInput {
	teams: readonly { id: string; name: string; departmentId: string | null }[];
	pulsesOf: ReadonlyMap<string, readonly PulseAggregate[]>;
	recordsOf: ReadonlyMap<string, readonly CommitmentRecord[]>;
	entropyOf: ReadonlyMap<string, number | null>;
	statementsOf: ReadonlyMap<string, readonly ValueStatementSums[]>;
	/** Each team's active values: name key → id. */
	valuesOf: ReadonlyMap<string, ReadonlyMap<string, string>>;
	columns: readonly ValueColumn[];
	/** Each team's size as an owner set it (participation). */
	sizes: ReadonlyMap<string, number | null>;
	period: ResolvedPeriod | null;
	min: number;
	today: string;
	now: Date;
}

const EVERY_DAY: DayRange = { from: '0000-01-01', to: '9999-12-31' };

/** The pulses a team's row counts now and before: shown ones, in the period (or its own last). */
function teamPulses(
	pulses: readonly PulseAggregate[],
	period: ResolvedPeriod,
	min: number,
	today: string
) {
	const days =
		period.kind === 'pulse'
			? resolvePeriod({ kind: 'pulse' }, today, shownDays(pulses, min))
			: period;
	const shownIn = (range: DayRange | null | undefined) =>
		range ? pulses.filter((p) => isShown(p, min) && within(p.opensOn, range)) : [];
	return { current: shownIn(days?.current), previous: shownIn(days?.previous) };
}

/** % favourable per value column over the statements of these pulses. */
function valuesOver(
	pulseIds: ReadonlySet<string>,
	statements: readonly ValueStatementSums[],
	columns: readonly ValueColumn[]
): (number | null)[] {
	const sums = new Map<string, { answers: number; favourable: number }>();
	for (const s of statements) {
		if (!pulseIds.has(s.pulseId)) continue;
		const sum = sums.get(s.valueKey) ?? { answers: 0, favourable: 0 };
		sum.answers += s.answers;
		sum.favourable += s.favourable;
		sums.set(s.valueKey, sum);
	}
	return columns.map((c) => favourableOf(sums.get(c.key)));
}

function measures(
	values: Partial<Record<MeasureKey, number | null>>
): Record<MeasureKey, number | null> {
	return {
		favourable: null,
		change: null,
		enps: null,
		due: null,
		participation: null,
		entropy: null,
		...values
	};
}

/** The shown pulses each team's row is of: whose value statements the rows need. */
export function pulsesBehind(
	input: Pick<HeatmapInput, 'teams' | 'pulsesOf' | 'period' | 'min' | 'today'>
): string[] {
	const ids: string[] = [];
	for (const team of input.teams) {
		const pulses = input.pulsesOf.get(team.id) ?? [];
		const { days } = teamInPeriod(pulses, input.period, input.min, input.today);
		if (!days) continue;
		for (const p of pulses) {
			if (isShown(p, input.min) && within(p.opensOn, days)) ids.push(p.pulseId);
		}
	}
	return ids;
}

export function heatmapRows(input: HeatmapInput): HeatmapRow[] {
	const { period, min, today, now, columns } = input;
	const due = period ? dueDays(period).current : null;
	return input.teams.map((team) => {
		const pulses = input.pulsesOf.get(team.id) ?? [];
		const row = teamInPeriod(pulses, period, min, today);
		const statements = input.statementsOf.get(team.id) ?? [];
		// The pulses behind the row's numbers: those in its days that are shown.
		const behind = row.days
			? new Set(
					pulses
						.filter((p) => isShown(p, min) && within(p.opensOn, row.days!))
						.map((p) => p.pulseId)
				)
			: new Set<string>();
		const withheld = row.withheld.at(-1) ?? null;
		return {
			id: team.id,
			name: team.name,
			departmentId: team.departmentId,
			measures: measures({
				favourable: row.favourable,
				change: row.change?.change ?? null,
				enps: row.enps,
				due: due ? followThroughDueIn(input.recordsOf.get(team.id) ?? [], due, now).rate : null,
				participation:
					groupParticipation(
						pulses.filter((p) => behind.has(p.pulseId)),
						input.sizes,
						min
					)?.percent ?? null,
				entropy: input.entropyOf.get(team.id) ?? null
			}),
			change: row.change
				? { margin: row.change.margin, significant: row.change.significant }
				: null,
			fallback: row.fallback && row.days ? row.days.from : null,
			withheld: withheld ? { date: withheld.date, n: withheld.n } : null,
			values: valuesOver(behind, statements, columns).map((favourable, i) => {
				const id = input.valuesOf.get(team.id)?.get(columns[i].key);
				return id ? { id, favourable } : null;
			})
		};
	});
}

export interface DepartmentRow {
	id: string;
	name: string;
	teams: number;
	/** Shown pulses summed. */
	pulses: number;
	measures: Record<MeasureKey, number | null>;
	change: HeatmapRow['change'];
	values: (number | null)[];
}

/**
 * A department's sums: the shown pulses of its teams in the period against those of the period
 * before (for "the last pulse", each team's own last shown pulse against its one before).
 */
export function departmentRow(
	department: { id: string; name: string },
	input: HeatmapInput
): DepartmentRow {
	const { period, min, today, now, columns } = input;
	const members = input.teams.filter((t) => t.departmentId === department.id);
	const current: PulseAggregate[] = [];
	const previous: PulseAggregate[] = [];
	const records: CommitmentRecord[] = [];
	const statements: ValueStatementSums[] = [];
	for (const team of members) {
		records.push(...(input.recordsOf.get(team.id) ?? []));
		statements.push(...(input.statementsOf.get(team.id) ?? []));
		if (!period) continue;
		const own = teamPulses(input.pulsesOf.get(team.id) ?? [], period, min, today);
		current.push(...own.current);
		previous.push(...own.previous);
	}
	const now_ = periodFigures(current, EVERY_DAY, min);
	const before = periodFigures(previous, EVERY_DAY, min);
	const change =
		now_.favourable !== null && before.favourable !== null
			? shareChange(
					{ percent: before.favourable, people: before.people },
					{ percent: now_.favourable, people: now_.people }
				)
			: null;
	return {
		id: department.id,
		name: department.name,
		teams: members.length,
		pulses: now_.pulses,
		measures: measures({
			favourable: now_.favourable,
			change: change?.change ?? null,
			enps: now_.enps,
			due: period ? followThroughDueIn(records, dueDays(period).current, now).rate : null,
			participation: groupParticipation(current, input.sizes, min)?.percent ?? null
		}),
		change: change ? { margin: change.margin, significant: change.significant } : null,
		values: valuesOver(new Set(current.map((p) => p.pulseId)), statements, columns)
	};
}
