/**
 * Two teams' pulse checks side by side in one period: % favourable and eNPS of each team, the
 * difference between them judged against its uncertainty for the people behind each side
 * (change.ts, the same tests the periods use), and follow-through of the commitments due in the
 * period. Pure TypeScript.
 *
 * Anonymity: each side is made of the team's whole shown pulses only (period-figures.ts), so it
 * is a number the team's own dashboard shows for the same period; a pulse below the minimum is
 * named with its count so far and left out, never computed around.
 */
import { enpsChange, shareChange, type Change } from './change';
import type { CommitmentRecord } from './commitments';
import type { PulseAggregate } from './dashboard';
import {
	followThroughDueIn,
	isShown,
	periodFigures,
	shownDays,
	type DueInPeriod,
	type PeriodFigures
} from './period-figures';
import { dueDays, resolvePeriod, todayOf, type DayRange, type PeriodChoice } from './period';

export interface TeamSide {
	/** The days the figures are of: the period, or (for "the last pulse") the team's own last one. */
	range: DayRange | null;
	/** The team's shown pulses in the range summed; null when none of them is shown. */
	figures: PeriodFigures | null;
	/** Pulses of the period (or newer than the last shown one) left out: too few answered so far. */
	withheld: { date: string; n: number }[];
	/** Follow-through of the team's commitments due in the period; null without a period. */
	dueIn: DueInPeriod | null;
}

export interface TeamsComparison {
	a: TeamSide;
	b: TeamSide;
	/** B minus A, in percentage points, with its margin; null unless both sides have a figure. */
	favourable: Change | null;
	/** B minus A, in eNPS points, with its margin; null unless both sides have a figure. */
	enps: Change | null;
}

const byDate = (x: { date: string }, y: { date: string }) => x.date.localeCompare(y.date);

/**
 * One team in a period. For "the last pulse", the team's own last shown pulse (its pulse checks
 * need not fall on the other team's days); follow-through then counts what was due since its
 * pulse before, as the team's dashboard does. For a calendar or custom period, the team's shown
 * pulses in it, and the commitments due in it.
 */
export function teamSide(
	pulses: readonly PulseAggregate[],
	records: readonly CommitmentRecord[],
	choice: PeriodChoice,
	min: number,
	now: Date
): TeamSide {
	const period = resolvePeriod(choice, todayOf(now), shownDays(pulses, min));
	if (!period) {
		const withheld = pulses
			.filter((p) => !isShown(p, min))
			.map((p) => ({ date: p.opensOn, n: p.responses }));
		return { range: null, figures: null, withheld: withheld.sort(byDate), dueIn: null };
	}
	const figures = periodFigures(pulses, period.current, min);
	const withheld =
		choice.kind === 'pulse'
			? pulses
					.filter((p) => !isShown(p, min) && p.opensOn >= period.current.from)
					.map((p) => ({ date: p.opensOn, n: p.responses }))
			: figures.withheld.map(({ date, n }) => ({ date, n }));
	return {
		range: period.current,
		figures: figures.pulses > 0 ? figures : null,
		withheld: withheld.sort(byDate),
		dueIn: followThroughDueIn(records, dueDays(period).current, now)
	};
}

/** The difference B − A of two teams' figures, each judged against its uncertainty. */
export function teamsDifference(
	a: PeriodFigures | null,
	b: PeriodFigures | null
): { favourable: Change | null; enps: Change | null } {
	if (!a || !b) return { favourable: null, enps: null };
	const favourable =
		a.favourable !== null && b.favourable !== null
			? shareChange(
					{ percent: a.favourable, people: a.people },
					{ percent: b.favourable, people: b.people }
				)
			: null;
	const enps =
		a.enps !== null && b.enps !== null
			? enpsChange(
					{ ...a, answers: a.enpsAnswers, people: a.enpsPeople },
					{ ...b, answers: b.enpsAnswers, people: b.enpsPeople }
				)
			: null;
	return { favourable, enps };
}

/** Team A (the page's) beside team B in the chosen period, and B − A. */
export function compareTeams(
	a: { pulses: readonly PulseAggregate[]; records: readonly CommitmentRecord[] },
	b: { pulses: readonly PulseAggregate[]; records: readonly CommitmentRecord[] },
	choice: PeriodChoice,
	min: number,
	now: Date
): TeamsComparison {
	const sideA = teamSide(a.pulses, a.records, choice, min, now);
	const sideB = teamSide(b.pulses, b.records, choice, min, now);
	return { a: sideA, b: sideB, ...teamsDifference(sideA.figures, sideB.figures) };
}
