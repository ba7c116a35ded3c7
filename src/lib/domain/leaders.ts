/**
 * Leaders across the organisation (issue 15, item 5): per leader, their follow-through on the
 * commitments they made in any team, and how favourably their teams' pulses saw them live the
 * values. Pure TypeScript, fed by src/lib/server/dashboard/leaders.ts.
 *
 * What people said about a leader is read only from pulses whose numbers are shown anyway (at
 * least the minimum group of respondents, as of the pulse's latest release): per team the
 * latest such pulse that asked about the leader, summed over the leader's teams. Each part is
 * what that team's dashboard shows; the sum adds nothing a team dashboard does not.
 */
import { followThroughAt, openAndOverdue, type CommitmentRecord } from './commitments';
import { meetsMinimumGroup, type FollowThrough, type Instant } from './metrics';

/** Answers to one pulse's statement about one leader, as of the pulse's latest release. */
export interface LeaderStatement {
	teamId: string;
	pulseId: string;
	leaderId: string;
	answers: number;
	favourable: number;
}

/** A pulse of a team as of its latest release. */
export interface LeaderPulse {
	pulseId: string;
	teamId: string;
	opensOn: string;
	/** Epoch milliseconds: the later of two pulses opened the same day wins. */
	createdAt: number;
	respondents: number;
}

export interface LeaderRow {
	id: string;
	name: string;
	/** The teams they made commitments in or were asked about in, by name. */
	teams: { id: string; name: string }[];
	followThrough: FollowThrough;
	open: number;
	overdue: number;
	/** % favourable on the statements about them, or null when no shown pulse asked. */
	favourable: number | null;
	/** Answers behind `favourable`, and the opening date of the latest pulse in it. */
	answers: number;
	asOf: string | null;
}

export const LEADER_SORTS = ['name', 'follow_low', 'follow_high', 'seen_low', 'seen_high'] as const;
export type LeaderSort = (typeof LEADER_SORTS)[number];

/** Longest search text: a name, not a paragraph. */
export const LEADER_SEARCH_MAX = 100;

export function leaderRows(input: {
	leaders: readonly { id: string; name: string }[];
	teams: readonly { id: string; name: string }[];
	records: readonly (CommitmentRecord & { leaderId: string; teamId: string })[];
	pulses: readonly LeaderPulse[];
	statements: readonly LeaderStatement[];
	minGroupSize: number;
	now: Instant;
}): LeaderRow[] {
	const { records, statements, minGroupSize: min, now } = input;
	const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
	const pulseOf = new Map(input.pulses.map((p) => [p.pulseId, p]));
	const recordsOf = new Map<string, (typeof records)[number][]>();
	for (const r of records) {
		const own = recordsOf.get(r.leaderId);
		if (own) own.push(r);
		else recordsOf.set(r.leaderId, [r]);
	}

	// Per leader, per team: the latest shown pulse that asked about the leader.
	const latest = new Map<string, Map<string, { pulse: LeaderPulse; row: LeaderStatement }>>();
	for (const row of statements) {
		const pulse = pulseOf.get(row.pulseId);
		if (!pulse || !meetsMinimumGroup(pulse.respondents, min)) continue;
		const byTeam = latest.get(row.leaderId) ?? new Map();
		latest.set(row.leaderId, byTeam);
		const seen = byTeam.get(row.teamId);
		if (!seen || later(pulse, seen.pulse)) byTeam.set(row.teamId, { pulse, row });
	}

	return input.leaders.map((leader) => {
		const own = recordsOf.get(leader.id) ?? [];
		const asked = [...(latest.get(leader.id)?.values() ?? [])];
		const teamIds = new Set([...own.map((r) => r.teamId), ...asked.map((a) => a.row.teamId)]);
		const answers = asked.reduce((sum, a) => sum + a.row.answers, 0);
		const favourable = asked.reduce((sum, a) => sum + a.row.favourable, 0);
		return {
			...leader,
			teams: [...teamIds]
				.map((id) => ({ id, name: teamName.get(id) ?? '' }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			followThrough: followThroughAt(own, now),
			...openAndOverdue(own, now),
			favourable: answers > 0 ? (favourable * 100) / answers : null,
			answers,
			asOf:
				asked
					.map((a) => a.pulse.opensOn)
					.sort()
					.at(-1) ?? null
		};
	});
}

const later = (a: LeaderPulse, b: LeaderPulse) =>
	a.opensOn > b.opensOn || (a.opensOn === b.opensOn && a.createdAt > b.createdAt);

/**
 * The rows a reader asked for: in one team (or all), whose name contains the search text
 * (ignoring case and accents), sorted; rows without the sorted figure go last.
 */
export function chooseLeaders(
	rows: readonly LeaderRow[],
	{
		teamId,
		search,
		sort,
		inTeams = null
	}: {
		teamId: string | null;
		search: string;
		sort: LeaderSort;
		/** A department's teams: leaders of at least one of them. */
		inTeams?: ReadonlySet<string> | null;
	}
): LeaderRow[] {
	const needle = fold(search.trim());
	const chosen = rows.filter(
		(r) =>
			(!teamId || r.teams.some((t) => t.id === teamId)) &&
			(!inTeams || r.teams.some((t) => inTeams.has(t.id))) &&
			fold(r.name).includes(needle)
	);
	const byName = (a: LeaderRow, b: LeaderRow) => a.name.localeCompare(b.name);
	const figure: Record<LeaderSort, ((r: LeaderRow) => number | null) | null> = {
		name: null,
		follow_low: (r) => r.followThrough.rate,
		follow_high: (r) => r.followThrough.rate,
		seen_low: (r) => r.favourable,
		seen_high: (r) => r.favourable
	};
	const of = figure[sort];
	if (!of) return chosen.sort(byName);
	const direction = sort.endsWith('_high') ? -1 : 1;
	return chosen.sort((a, b) => {
		const x = of(a);
		const y = of(b);
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
		return (x - y) * direction || byName(a, b);
	});
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
