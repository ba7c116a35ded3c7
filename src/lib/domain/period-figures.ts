/**
 * A dashboard's numbers for one period and the period before: the pulses that are shown (at or
 * above the minimum, as of their latest release) summed whole, the change between the two with
 * its uncertainty (change.ts), and follow-through of the commitments due in the period.
 *
 * Anonymity: a period's sums are made of whole shown pulses only. Two periods, however they
 * overlap, differ by whole shown pulses, each of which the team's dashboard shows on its own
 * anyway; a pulse below the minimum is in no period, so no difference of periods can isolate it.
 */
import { enpsChange, shareChange, type Change } from './change';
import { dueInstant, followThroughAt, type CommitmentRecord } from './commitments';
import { byOpening, type PulseAggregate } from './dashboard';
import { meetsMinimumGroup, type FollowThrough } from './metrics';
import { resolvePeriod, within, type DayRange, type ResolvedPeriod } from './period';

export interface PeriodFigures {
	range: DayRange;
	/** Shown pulses summed into the numbers. */
	pulses: number;
	/** Respondents summed over those pulses (one person in three pulses counts three times). */
	respondents: number;
	/**
	 * Distinct people, as far as anonymous pulses can tell: per team the most respondents of one
	 * of its pulses that asked about values, summed over teams (a lower bound, so the uncertainty
	 * is never understated).
	 */
	people: number;
	/** The same, of the pulses that asked the eNPS question. */
	enpsPeople: number;
	valueAnswers: number;
	valueFavourable: number;
	enpsAnswers: number;
	promoters: number;
	detractors: number;
	favourable: number | null;
	enps: number | null;
	/** Pulses in the period left out because fewer than the minimum answered: day and count so far. */
	withheld: { teamId: string; date: string; n: number }[];
}

/** Whether a pulse's latest release is shown. */
export const isShown = (p: Pick<PulseAggregate, 'respondents'>, min: number) =>
	meetsMinimumGroup(p.respondents, min);

/** The days of the shown pulses, oldest first (what "the last pulse" is chosen from). */
export function shownDays(pulses: readonly PulseAggregate[], min: number): string[] {
	return pulses
		.filter((p) => isShown(p, min))
		.map((p) => p.opensOn)
		.sort();
}

/** The sums of the shown pulses that opened in `range`. */
export function periodFigures(
	pulses: readonly PulseAggregate[],
	range: DayRange,
	min: number
): PeriodFigures {
	const f: PeriodFigures = {
		range,
		pulses: 0,
		respondents: 0,
		people: 0,
		enpsPeople: 0,
		valueAnswers: 0,
		valueFavourable: 0,
		enpsAnswers: 0,
		promoters: 0,
		detractors: 0,
		favourable: null,
		enps: null,
		withheld: []
	};
	const mostPerTeam = new Map<string, number>();
	const mostAskedEnps = new Map<string, number>();
	for (const p of pulses) {
		if (!within(p.opensOn, range)) continue;
		if (!isShown(p, min)) {
			f.withheld.push({ teamId: p.teamId, date: p.opensOn, n: p.responses });
			continue;
		}
		f.pulses++;
		f.respondents += p.respondents;
		f.valueAnswers += p.valueAnswers;
		f.valueFavourable += p.valueFavourable;
		f.enpsAnswers += p.enpsAnswers;
		f.promoters += p.promoters;
		f.detractors += p.detractors;
		const most = (per: Map<string, number>) =>
			per.set(p.teamId, Math.max(per.get(p.teamId) ?? 0, p.respondents));
		if (p.valueAnswers > 0) most(mostPerTeam);
		if (p.enpsAnswers > 0) most(mostAskedEnps);
	}
	for (const n of mostPerTeam.values()) f.people += n;
	for (const n of mostAskedEnps.values()) f.enpsPeople += n;
	f.withheld.sort((a, b) => a.date.localeCompare(b.date));
	if (f.valueAnswers > 0) f.favourable = (f.valueFavourable * 100) / f.valueAnswers;
	if (f.enpsAnswers > 0) f.enps = ((f.promoters - f.detractors) * 100) / f.enpsAnswers;
	return f;
}

export interface PeriodComparison {
	current: PeriodFigures;
	previous: PeriodFigures | null;
	favourable: Change | null;
	enps: Change | null;
}

/** The period's figures against the period before, each change judged against its uncertainty. */
export function comparePeriods(
	pulses: readonly PulseAggregate[],
	period: Pick<ResolvedPeriod, 'current' | 'previous'>,
	min: number
): PeriodComparison {
	const current = periodFigures(pulses, period.current, min);
	const previous = period.previous ? periodFigures(pulses, period.previous, min) : null;
	const favourable =
		previous && previous.favourable !== null && current.favourable !== null
			? shareChange(
					{ percent: previous.favourable, people: previous.people },
					{ percent: current.favourable, people: current.people }
				)
			: null;
	const enps =
		previous && previous.enps !== null && current.enps !== null
			? enpsChange(
					{ ...previous, answers: previous.enpsAnswers, people: previous.enpsPeople },
					{ ...current, answers: current.enpsAnswers, people: current.enpsPeople }
				)
			: null;
	return { current, previous, favourable, enps };
}

/**
 * A team's numbers when none of its pulses in the period is shown: its latest shown pulse
 * before the period ends, with its day, so the team does not vanish and says which pulse it is.
 */
export function fallbackPulse(
	pulses: readonly PulseAggregate[],
	range: DayRange,
	min: number
): { date: string; favourable: number | null; enps: number | null } | null {
	const last = [...pulses]
		.sort(byOpening)
		.findLast((p) => p.opensOn <= range.to && isShown(p, min));
	if (!last) return null;
	return {
		date: last.opensOn,
		favourable: last.valueAnswers > 0 ? (last.valueFavourable * 100) / last.valueAnswers : null,
		enps:
			last.enpsAnswers > 0 ? ((last.promoters - last.detractors) * 100) / last.enpsAnswers : null
	};
}

export interface DueInPeriod extends FollowThrough {
	/** The days whose due commitments are counted. */
	range: DayRange;
	/** Every commitment due in the period, whatever its state. */
	total: number;
	/** Due in the period, still open and not yet past the due day. */
	open: number;
	/** Dropped (on time or not). */
	dropped: number;
}

/**
 * Follow-through of the commitments due in a period, as they stand at `now`: done on time, done
 * late, open (not yet due), overdue, dropped. Commitments due in other periods do not count, so
 * the figure moves from one period to the next instead of averaging the whole history.
 */
export function followThroughDueIn(
	records: readonly CommitmentRecord[],
	range: DayRange,
	now: Date
): DueInPeriod {
	const due = records.filter((r) => within(r.dueOn, range));
	const standing = followThroughAt(due, now);
	let open = 0;
	let dropped = 0;
	for (const r of due) {
		if (r.status === 'dropped') dropped++;
		else if (r.status === 'open' && +now <= dueInstant(r.dueOn)) open++;
	}
	return { ...standing, range, total: due.length, open, dropped };
}

/** Follow-through of the commitments due in each month (`YYYY-MM`), as they stand at `now`. */
export function followThroughByDueMonth(
	records: readonly CommitmentRecord[],
	months: readonly string[],
	now: Date
): { date: string; rate: number | null; due: number }[] {
	const groups = new Map<string, CommitmentRecord[]>(months.map((m) => [m, []]));
	for (const r of records) groups.get(r.dueOn.slice(0, 7))?.push(r);
	return months.map((month) => {
		const standing = followThroughAt(groups.get(month)!, now);
		return { date: month, rate: standing.rate, due: standing.due };
	});
}

/** One team's row on the organisation's dashboard for a period. */
export interface TeamInPeriod {
	/** The days the numbers are of: the period, or the one pulse they fall back to. */
	days: DayRange | null;
	/** Shown pulses behind the numbers. */
	shown: number;
	favourable: number | null;
	enps: number | null;
	/** Against the team's period before (or its pulse before); null when there is none. */
	change: Change | null;
	/**
	 * The numbers are of an earlier pulse than the period asks for: no pulse of the team in the
	 * period is shown (or, for the last pulse, a newer one is withheld).
	 */
	fallback: boolean;
	/** The team's pulses in the period (or newer than its last shown one) left out, and why. */
	withheld: { date: string; n: number }[];
}

/**
 * A team beside the others. For "the last pulse", each team's own last shown pulse against its
 * shown one before; newer withheld ones are named. For a calendar or custom period, the team's
 * shown pulses in it against the period before; when none is shown, its last shown pulse
 * before the period ends, marked as such with its day, so the team never vanishes.
 */
export function teamInPeriod(
	pulses: readonly PulseAggregate[],
	period: ResolvedPeriod | null,
	min: number,
	today: string
): TeamInPeriod {
	const empty: TeamInPeriod = {
		days: null,
		shown: 0,
		favourable: null,
		enps: null,
		change: null,
		fallback: false,
		withheld: []
	};
	if (!period) {
		// No shown pulse anywhere in the organisation: say why for this team's pulses.
		return {
			...empty,
			withheld: pulses.map((p) => ({ date: p.opensOn, n: p.responses })).sort(byDate)
		};
	}
	if (period.kind === 'pulse') {
		const own = resolvePeriod({ kind: 'pulse' }, today, shownDays(pulses, min));
		const newer = pulses
			.filter((p) => !isShown(p, min) && (!own || p.opensOn >= own.current.from))
			.map((p) => ({ date: p.opensOn, n: p.responses }))
			.sort(byDate);
		if (!own) return { ...empty, withheld: newer };
		const c = comparePeriods(pulses, own, min);
		return {
			days: own.current,
			shown: c.current.pulses,
			favourable: c.current.favourable,
			enps: c.current.enps,
			change: c.favourable,
			fallback: newer.length > 0,
			withheld: newer
		};
	}
	const c = comparePeriods(pulses, period, min);
	const withheld = c.current.withheld.map(({ date, n }) => ({ date, n }));
	if (c.current.pulses > 0) {
		return {
			days: period.current,
			shown: c.current.pulses,
			favourable: c.current.favourable,
			enps: c.current.enps,
			change: c.favourable,
			fallback: false,
			withheld
		};
	}
	const earlier = fallbackPulse(pulses, period.current, min);
	if (!earlier) return { ...empty, withheld };
	return {
		days: { from: earlier.date, to: earlier.date },
		shown: 1,
		favourable: earlier.favourable,
		enps: earlier.enps,
		change: null,
		fallback: true,
		withheld
	};
}

const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
