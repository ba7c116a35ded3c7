/**
 * Participation: how many of a team's people answered a pulse. A team's size is the number an
 * owner set: its accounts (team_members) are the staff who run and lead it, not the people who
 * answer anonymously, so they are no size. A size the respondents outgrow (more than 100 %) is shown as it
 * is, with a hint that the size looks too small, never capped.
 */
import { byOpening, type PulseAggregate } from './dashboard';
import { meetsMinimumGroup } from './metrics';

/** The bounds of a size an owner sets. */
export const TEAM_SIZE = { min: 1, max: 100_000 } as const;

export interface Participation {
	respondents: number;
	size: number;
	/** Respondents over size, in %: may exceed 100. */
	percent: number;
	/** More respondents than the size: the size looks too small. */
	overSize: boolean;
}

/** Respondents over size; null without a size to divide by. */
export function participation(respondents: number, size: number | null): Participation | null {
	if (size === null || !(size > 0)) return null;
	const percent = (respondents * 100) / size;
	return { respondents, size, percent, overSize: respondents > size };
}

/**
 * The participation of a group of shown pulses together (a period of a team, a month of an
 * organisation): the respondents of every pulse at or above the minimum, over the size of its
 * team, summed. Each shown pulse counts its team's size once, so one pulse per team gives "sum of
 * respondents over sum of sizes of the teams that had a shown pulse", and several pulses of one
 * team give their average. Pulses of teams without a size, and withheld pulses, count in neither.
 */
export function groupParticipation(
	pulses: readonly Pick<PulseAggregate, 'teamId' | 'respondents'>[],
	sizes: ReadonlyMap<string, number | null>,
	min: number
): Participation | null {
	let respondents = 0;
	let size = 0;
	for (const p of pulses) {
		const teamSize = sizes.get(p.teamId) ?? null;
		if (teamSize === null || !meetsMinimumGroup(p.respondents, min)) continue;
		respondents += p.respondents;
		size += teamSize;
	}
	return size === 0 ? null : participation(respondents, size);
}

/** Participation per pulse of a team, oldest first (as `pulseSeries`); null where withheld. */
export function pulseParticipation(
	pulses: readonly PulseAggregate[],
	size: number | null,
	min: number
): (Participation | null)[] {
	return [...pulses]
		.sort(byOpening)
		.map((p) =>
			meetsMinimumGroup(p.respondents, min) ? participation(p.respondents, size) : null
		);
}

/** Participation per month (`YYYY-MM`, as `monthlySeries`) across teams. */
export function monthlyParticipation(
	pulses: readonly PulseAggregate[],
	sizes: ReadonlyMap<string, number | null>,
	min: number
): { date: string; participation: Participation | null }[] {
	const months = new Map<string, PulseAggregate[]>();
	for (const p of pulses) {
		const month = p.opensOn.slice(0, 7);
		months.set(month, [...(months.get(month) ?? []), p]);
	}
	return [...months]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, group]) => ({ date, participation: groupParticipation(group, sizes, min) }));
}

/** The top of a participation chart's axis: 100 %, or above it to the next 10 when a size is too small. */
export function participationMax(points: readonly (Participation | null)[]): number {
	const highest = Math.max(100, ...points.map((p) => p?.percent ?? 0));
	return Math.ceil(highest / 10) * 10;
}
