import { getTableName, is, sql, type SQL } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db';
import * as schema from '../db/schema';

/**
 * An organisation's data as one JSON document, for its owner (GDPR's access and portability):
 * every table, each as the rows that belong to the organisation. Participants stay anonymous:
 * no participant id, token or nickname leaves, answers only as counts per score, and not at
 * all below the organisation's minimum group size. Staff accounts come without password
 * hashes; sessions and sign-in counters are not data about the organisation at all.
 *
 * A table added to the schema must be named here (in EXPORTED or NOT_EXPORTED): the test in
 * export.test.ts fails until it is. A team's table is one line: `{ scope: 'team' }`.
 */

/** How a table's rows belong to an organisation: through which column, on which chain. */
export type Scope =
	| 'organisation' // the organisation's own row
	| 'org' // an `org_id` column
	| 'member' // a staff account that is a member (users)
	| 'team' // a `team_id` of one of its teams
	| 'value' // a `value_id` of one of its teams' values
	| 'workshop' // a `workshop_id` of one of its teams' workshops
	| 'activity' // an `activity_id` of one of those workshops' activities
	| 'card' // a `card_id` of one of those activities' cards
	| 'commitment' // a `commitment_id` of one of its teams' commitments
	| 'pulse' // a `pulse_id` of one of its teams' pulses
	| 'code' // a `workshop_id` of one of its workshops or a `pulse_id` of one of its pulses
	| 'post'; // a `post_id` of one of its teams' board posts

export interface ExportRule {
	scope: Scope;
	/** Columns never exported: secrets, and anything that could point at a participant. */
	omit?: string[];
	/**
	 * Rows replaced by counts: `['workshop_id']` exports `{ workshop_id, count }` per workshop.
	 * For answers of anonymous people, whose single rows would show one person's answers.
	 */
	countBy?: string[];
	/** Counts withheld per `activity_id` while fewer than the minimum group size answered. */
	minGroup?: boolean;
	/** Rows withheld whose count of people, in this column, is below the minimum group size. */
	peopleColumn?: string;
	/** Released answer counts: withheld per item released with fewer people than the minimum. */
	released?: boolean;
	/**
	 * Rows withheld per pulse while its latest release has fewer respondents than the minimum
	 * group size (`pulse_totals.respondents`), as the pulse's own totals are.
	 */
	pulseRelease?: boolean;
}

export const EXPORTED: Record<string, ExportRule> = {
	organisations: { scope: 'organisation' },
	memberships: { scope: 'org' },
	users: { scope: 'member', omit: ['password_hash'] },
	invitations: { scope: 'org', omit: ['token_hash'] },
	departments: { scope: 'org' },
	teams: { scope: 'org' },
	team_members: { scope: 'team' },
	culture_values: { scope: 'team' },
	value_lenses: { scope: 'value' },
	culture_elements: { scope: 'team' },
	workshops: { scope: 'team' },
	activities: { scope: 'workshop' },
	participants: { scope: 'workshop', countBy: ['workshop_id'] },
	// Waiting devices as a count per workshop; one-time codes (a workshop's or a pulse's) as
	// counts per state (only hashes are stored, and nothing links a code to whoever used it).
	join_requests: { scope: 'workshop', countBy: ['workshop_id', 'refused'] },
	access_codes: { scope: 'code', countBy: ['workshop_id', 'pulse_id', 'state'] },
	cards: { scope: 'activity', omit: ['participant_id'] },
	// The facilitator's review decisions: what a workshop's proposals became on the map.
	map_review_decisions: { scope: 'workshop' },
	released_counts: { scope: 'activity', released: true },
	vote_releases: { scope: 'activity', omit: ['mark'] },
	upvotes: { scope: 'card', countBy: ['card_id'] },
	commitments: { scope: 'team' },
	commitment_checkins: { scope: 'commitment' },
	commitment_extensions: { scope: 'commitment' },
	pulses: { scope: 'team' },
	pulse_items: { scope: 'pulse' },
	pulse_responses: { scope: 'pulse', countBy: ['pulse_id'] },
	pulse_totals: { scope: 'pulse', peopleColumn: 'respondents' },
	pulse_release_counts: { scope: 'pulse', pulseRelease: true },
	board_posts: { scope: 'team', omit: ['author_hash', 'receipt_hash'] },
	board_upvotes: { scope: 'post', countBy: ['post_id'] },
	touchpoints: { scope: 'team' },
	alignment_judgements: { scope: 'team' },
	// Which reminder went to which staff account, when (no address or text is kept).
	reminders: { scope: 'team' },
	// Dated notes on the charts, of a team or (team_id null) of the whole organisation.
	chart_events: { scope: 'org' },
	// Read-only links to the dashboard: what each shows, until when (never the token's hash).
	share_links: { scope: 'org', omit: ['token_hash'] }
};

/** Tables that hold nothing of an organisation's, and why. */
export const NOT_EXPORTED: Record<string, string> = {
	sessions: 'sign-in sessions: secrets of a browser, not data',
	auth_throttle:
		'counters of failed sign-ins and of sign-ups per address and account, kept for minutes; hashed (account, address) pairs of past sign-ins, kept for 30 days',
	pulse_answers:
		"one respondent's answers to a pulse, live; their counts as of the pulse's latest release are exported in pulse_release_counts and pulse_totals",
	pulse_released_answers:
		"one respondent's answers as of a pulse's latest release, kept only to count what changed since",
	votes: "one person's answers; exported as the counts of their last release (released_counts)",
	vote_pending: 'who changed an answer since the last release: it would point at participants',
	vote_counts:
		'live counts, which change with every answer; the released ones are exported (released_counts)',
	vote_respondents: 'per-participant answer counts kept from votes, which are exported themselves'
};

/** The SQL tables of the schema, by name. */
export function schemaTables(): string[] {
	return Object.values(schema)
		.filter((value) => is(value, SQLiteTable))
		.map((table) => getTableName(table as SQLiteTable))
		.sort();
}

const TEAMS = (orgId: string) => sql`select id from teams where org_id = ${orgId}`;
const WORKSHOPS = (orgId: string) =>
	sql`select id from workshops where team_id in (${TEAMS(orgId)})`;
const ACTIVITIES = (orgId: string) =>
	sql`select id from activities where workshop_id in (${WORKSHOPS(orgId)})`;

function belongsTo(scope: Scope, orgId: string): SQL {
	switch (scope) {
		case 'organisation':
			return sql`id = ${orgId}`;
		case 'org':
			return sql`org_id = ${orgId}`;
		case 'member':
			return sql`id in (select user_id from memberships where org_id = ${orgId})`;
		case 'team':
			return sql`team_id in (${TEAMS(orgId)})`;
		case 'value':
			return sql`value_id in (select id from culture_values where team_id in (${TEAMS(orgId)}))`;
		case 'workshop':
			return sql`workshop_id in (${WORKSHOPS(orgId)})`;
		case 'activity':
			return sql`activity_id in (${ACTIVITIES(orgId)})`;
		case 'card':
			return sql`card_id in (select id from cards where activity_id in (${ACTIVITIES(orgId)}))`;
		case 'commitment':
			return sql`commitment_id in (select id from commitments where team_id in (${TEAMS(orgId)}))`;
		case 'pulse':
			return sql`pulse_id in (select id from pulses where team_id in (${TEAMS(orgId)}))`;
		case 'code':
			return sql`(workshop_id in (${WORKSHOPS(orgId)}) or pulse_id in (select id from pulses where team_id in (${TEAMS(orgId)})))`;
		case 'post':
			return sql`post_id in (select id from board_posts where team_id in (${TEAMS(orgId)}))`;
	}
}

type Row = Record<string, unknown>;

/** Milliseconds since 1970 in `*_at` columns, as ISO dates: what a person can read. */
function readable(row: Row): Row {
	const out: Row = {};
	for (const [key, value] of Object.entries(row)) {
		out[key] =
			key.endsWith('_at') && typeof value === 'number' && value > 0
				? new Date(value).toISOString()
				: value;
	}
	return out;
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

async function exportTable(
	db: Database,
	table: string,
	rule: ExportRule,
	orgId: string,
	minGroupSize: number
): Promise<Row[]> {
	const where = belongsTo(rule.scope, orgId);
	if (rule.released) {
		const rows = await db.all<Row & { activity_id: string; item_id: string; people: number }>(
			sql`select * from (select c.activity_id, c.item_id, c.value_id, c.lens, c.score, c.n as count,
				r.respondents as people from released_counts c join vote_releases r
				on r.activity_id = c.activity_id and r.item_id = c.item_id where c.n > 0)
				where ${where} order by activity_id, item_id, score`
		);
		const withheld = new Map<string, Row>();
		const kept: Row[] = [];
		for (const { people, ...row } of rows) {
			if (people >= minGroupSize) {
				kept.push(row);
			} else {
				withheld.set(`${row.activity_id} ${row.item_id}`, {
					activity_id: row.activity_id,
					item_id: row.item_id,
					respondents: people,
					withheld: `fewer than ${minGroupSize} answered`
				});
			}
		}
		return [...kept, ...withheld.values()];
	}
	if (rule.countBy) {
		const columns = sql.join(rule.countBy.map(ident), sql`, `);
		const rows = await db.all<Row>(
			sql`select ${columns}, count(*) as "count" from ${ident(table)} where ${where} group by ${columns} order by ${columns}`
		);
		if (!rule.minGroup) return rows;
		const respondents = await db.all<{ activity_id: string; n: number }>(
			sql`select activity_id, count(distinct participant_id) as n from ${ident(table)} where ${where} group by activity_id`
		);
		const tooFew = new Map(
			respondents.filter((r) => r.n < minGroupSize).map((r) => [r.activity_id, r.n])
		);
		const kept = rows.filter((row) => !tooFew.has(String(row.activity_id)));
		const withheld = [...tooFew].map(([activity_id, n]) => ({
			activity_id,
			respondents: n,
			withheld: `fewer than ${minGroupSize} answered`
		}));
		return [...kept, ...withheld];
	}
	if (rule.pulseRelease) {
		const rows = await db.all<Row>(
			sql`select * from ${ident(table)} where ${where} order by pulse_id, item_id, score`
		);
		const released = await db.all<{ pulse_id: string; respondents: number }>(
			sql`select pulse_id, respondents from pulse_totals where ${where}`
		);
		const tooFew = new Map(
			released.filter((r) => r.respondents < minGroupSize).map((r) => [r.pulse_id, r.respondents])
		);
		const kept = rows.filter((row) => !tooFew.has(String(row.pulse_id)));
		const withheld = [...new Set(rows.map((row) => String(row.pulse_id)))]
			.filter((id) => tooFew.has(id))
			.map((pulse_id) => ({
				pulse_id,
				respondents: tooFew.get(pulse_id),
				withheld: `fewer than ${minGroupSize} answered`
			}));
		return [...kept, ...withheld];
	}
	const rows = await db.all<Row>(
		sql`select * from ${ident(table)} where ${where} order by rowid`
	);
	const omit = new Set(rule.omit ?? []);
	const people = rule.peopleColumn;
	return rows.map((row) =>
		people && Number(row[people]) < minGroupSize
			? { pulse_id: row.pulse_id, [people]: row[people], withheld: `fewer than ${minGroupSize} answered` }
			: readable(Object.fromEntries(Object.entries(row).filter(([key]) => !omit.has(key))))
	);
}

export interface OrganisationExport {
	format: 'undercurrent-export';
	version: 1;
	exportedAt: string;
	organisation: { id: string; name: string; minGroupSize: number };
	notes: Record<string, string>;
	tables: Record<string, Row[]>;
}

export async function exportOrganisation(
	db: Database,
	org: { id: string; name: string; minGroupSize: number },
	now = new Date()
): Promise<OrganisationExport> {
	const tables: Record<string, Row[]> = {};
	for (const [table, rule] of Object.entries(EXPORTED)) {
		tables[table] = await exportTable(db, table, rule, org.id, org.minGroupSize);
	}
	return {
		format: 'undercurrent-export',
		version: 1,
		exportedAt: now.toISOString(),
		organisation: { id: org.id, name: org.name, minGroupSize: org.minGroupSize },
		notes: {
			participants:
				'Participants are anonymous: no ids, tokens or nicknames; per workshop only how many joined.',
			votes: `Answers as counts per item and score ("count"), never one person's; withheld where fewer than ${org.minGroupSize} answered.`,
			users: 'Staff accounts of the members, without password hashes.',
			notExported: Object.entries(NOT_EXPORTED)
				.map(([table, why]) => `${table}: ${why}`)
				.join('; ')
		},
		tables
	};
}
