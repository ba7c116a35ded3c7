/**
 * The tables of the dashboards and the leaders page as rows of text, cell for cell as the pages
 * show them (same messages, same formatting, withheld cells saying why), for their CSV
 * downloads. Nothing here is per person: the rows are the pages' own aggregates.
 */
import { latestFavourable, type FavourablePoint } from '$lib/domain/dashboard';
import type { LeaderRow } from '$lib/domain/leaders';
import { entropyBand } from '$lib/domain/metrics';
import type { TeamInPeriod } from '$lib/domain/period-figures';
import { m } from '$lib/paraglide/messages';
import { bandName } from '../analytics/format';
import { dayText, percentText, signedText } from './format';
import { capitalised, rangeText } from './period';

export interface TextTable {
	header: string[];
	rows: string[][];
}

export interface OrgTeamRow {
	name: string;
	inPeriod: TeamInPeriod;
	dueInPeriod: number | null;
	open: number;
	overdue: number;
	entropy: { percent: number } | null;
}

/** The organisation dashboard's teams table (and the read-only link's, TeamsTable.svelte). */
export function orgTeamsTable(teams: readonly OrgTeamRow[], min: number): TextTable {
	return {
		header: [
			m.follow_dash_col_team(),
			m.follow_period_col_days(),
			m.follow_dash_favourable(),
			m.follow_period_col_change(),
			m.follow_enps(),
			m.follow_period_col_due(),
			m.follow_dash_open(),
			m.follow_col_overdue(),
			m.follow_dash_col_entropy()
		],
		rows: teams.map((team) => {
			const row = team.inPeriod;
			const inPeriod = !row.days
				? [
						row.withheld.length > 0
							? capitalised(
									m.follow_period_hidden_of({
										period: m.follow_period_pulse_name({
											date: dayText(row.withheld.at(-1)!.date)
										}),
										n: row.withheld.at(-1)!.n,
										min
									})
								)
							: m.follow_dash_no_pulse(),
						'',
						'',
						''
					]
				: [
						[
							row.fallback
								? m.follow_period_fallback({ date: dayText(row.days.from) })
								: rangeText(row.days),
							...row.withheld.map((w) =>
								m.follow_period_withheld_short({ date: dayText(w.date), n: w.n, min })
							)
						].join('\n'),
						percentText(row.favourable),
						row.change
							? `${row.change.significant ? (row.change.change > 0 ? '▲ ' : '▼ ') : ''}${signedText(row.change.change)} ± ${Math.round(row.change.margin)}`
							: '–',
						signedText(row.enps)
					];
			return [
				team.name,
				...inPeriod,
				percentText(team.dueInPeriod),
				String(team.open),
				String(team.overdue),
				team.entropy
					? `${percentText(team.entropy.percent)} · ${bandName(entropyBand(team.entropy.percent))}`
					: m.follow_dash_entropy_none_short()
			];
		})
	};
}

/** The leaders page's table, the rows the reader filtered to. */
export function leadersTable(leaders: readonly LeaderRow[]): TextTable {
	return {
		header: [
			m.follow_col_leader(),
			m.follow_leaders_col_teams(),
			m.follow_col_rate(),
			m.follow_leaders_col_open(),
			m.follow_dash_col_seen()
		],
		rows: leaders.map((leader) => {
			const ft = leader.followThrough;
			return [
				leader.name,
				leader.teams.map((t) => t.name).join('\n'),
				ft.rate === null
					? m.follow_leaders_nothing_due()
					: m.follow_leaders_rate({ rate: percentText(ft.rate), onTime: ft.onTime, due: ft.due }),
				`${leader.open} (${leader.overdue})`,
				leader.favourable === null || leader.asOf === null
					? m.follow_leaders_not_asked()
					: m.follow_leaders_seen({
							rate: percentText(leader.favourable),
							answers: leader.answers,
							date: dayText(leader.asOf)
						})
			];
		})
	};
}

/** The team dashboard's three tables: open commitments over time, values, leaders. */
export const TEAM_TABLES = ['commitments', 'values', 'leaders'] as const;
export type TeamTable = (typeof TEAM_TABLES)[number];

export function teamTable(
	table: TeamTable,
	d: {
		commitments: readonly { date: string; open: number; overdue: number }[];
		values: readonly { name: string; points: readonly FavourablePoint[] }[];
		leaders: readonly {
			name: string;
			points: readonly FavourablePoint[];
			followThrough: number | null;
		}[];
	}
): TextTable {
	switch (table) {
		case 'commitments':
			return {
				header: [m.follow_dash_col_date(), m.follow_dash_open(), m.follow_col_overdue()],
				rows: d.commitments.map((p) => [dayText(p.date), String(p.open), String(p.overdue)])
			};
		case 'values':
			return {
				header: [m.follow_col_value(), m.follow_dash_latest()],
				rows: d.values.map((v) => [v.name, percentText(latestFavourable(v.points))])
			};
		case 'leaders':
			return {
				header: [m.follow_col_leader(), m.follow_dash_col_seen(), m.follow_col_rate()],
				rows: d.leaders.map((l) => [
					l.name,
					percentText(latestFavourable(l.points)),
					percentText(l.followThrough)
				])
			};
	}
}
