import type { Client } from '@libsql/client';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLensMap } from '../culture/queries';
import { createWorkshop } from '../workshops/queries';
import { MIGRATIONS_TABLE } from './backup';
import { openDatabase } from './index';

/**
 * Migrations never lose data: a database made by the first migration only, filled the way
 * people fill it, is brought to the latest schema by the app's own start-up migrator; every
 * row and every value in it must still be there. Reads drizzle/meta/_journal.json, so each
 * migration added later is part of the walk without changing this test.
 */

const ROOT = resolve(import.meta.dirname, '../../../..');
const DRIZZLE = join(ROOT, 'drizzle');
interface Journal {
	entries: { idx: number; tag: string }[];
}
const journal: Journal = JSON.parse(readFileSync(join(DRIZZLE, 'meta/_journal.json'), 'utf8'));

/**
 * Columns a later migration removes on purpose, as `table.column`, with the reason in a
 * comment. Anything not listed here that disappears is data lost, and fails the test.
 */
const DROPPED_ON_PURPOSE: string[] = [];

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'migrations-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A migrations folder holding the first `count` migrations, as drizzle-kit wrote them. */
function firstMigrations(count: number): string {
	const folder = join(dir, `drizzle-${count}`);
	mkdirSync(join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.slice(0, count);
	for (const { tag } of entries) {
		copyFileSync(join(DRIZZLE, `${tag}.sql`), join(folder, `${tag}.sql`));
	}
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

const hour = 3_600_000;
const at = Date.UTC(2026, 0, 15, 9, 30);

/** What a small organisation looks like after a few weeks, written with the first schema's SQL. */
const FIRST_SCHEMA_DATA: { table: string; rows: Record<string, string | number | null>[] }[] = [
	{
		table: 'users',
		rows: [
			{
				id: 'u-owner',
				email: 'sanne@zeewind.example',
				name: 'Sanne de Vries',
				password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
				created_at: at
			},
			{
				id: 'u-fac',
				email: 'joris@zeewind.example',
				name: 'Joris Bakker',
				password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI',
				created_at: at + hour
			},
			{
				id: 'u-lead',
				email: 'özlem@zeewind.example',
				name: 'Özlem Yılmaz 🌊',
				password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDM$aGFzaDM',
				created_at: at + 2 * hour
			}
		]
	},
	{
		table: 'sessions',
		rows: [
			{ id: 'a'.repeat(64), user_id: 'u-owner', expires_at: at + 30 * 24 * hour },
			{ id: 'b'.repeat(64), user_id: 'u-lead', expires_at: at + 30 * 24 * hour }
		]
	},
	{
		table: 'auth_throttle',
		rows: [{ key: 'address:203.0.113.7', failures: 3, window_started_at: at, locked_until: null }]
	},
	{
		table: 'organisations',
		rows: [{ id: 'o-zeewind', name: 'Zeewind Energie', min_group_size: 4, created_at: at }]
	},
	{
		table: 'memberships',
		rows: [
			{ org_id: 'o-zeewind', user_id: 'u-owner', role: 'owner', created_at: at },
			{ org_id: 'o-zeewind', user_id: 'u-fac', role: 'facilitator', created_at: at + hour },
			{ org_id: 'o-zeewind', user_id: 'u-lead', role: 'leader', created_at: at + 2 * hour }
		]
	},
	{
		table: 'teams',
		rows: [
			{
				id: 't-ops',
				org_id: 'o-zeewind',
				name: 'Operations',
				name_key: 'operations',
				created_at: at
			},
			{
				id: 't-sales',
				org_id: 'o-zeewind',
				name: 'Verkoop & Service',
				name_key: 'verkoop & service',
				created_at: at
			}
		]
	},
	{
		table: 'team_members',
		rows: [
			{ team_id: 't-ops', user_id: 'u-fac', created_at: at + hour },
			{ team_id: 't-ops', user_id: 'u-lead', created_at: at + 2 * hour }
		]
	},
	{
		table: 'invitations',
		rows: [
			{
				id: 'i-used',
				org_id: 'o-zeewind',
				token_hash: 'c'.repeat(64),
				role: 'facilitator',
				team_id: 't-ops',
				created_by: 'u-owner',
				expires_at: at + 7 * 24 * hour,
				used_at: at + hour,
				used_by: 'u-fac',
				revoked_at: null,
				created_at: at
			},
			{
				id: 'i-open',
				org_id: 'o-zeewind',
				token_hash: 'd'.repeat(64),
				role: 'viewer',
				team_id: null,
				created_by: 'u-owner',
				expires_at: at + 7 * 24 * hour,
				used_at: null,
				used_by: null,
				revoked_at: null,
				created_at: at + 3 * hour
			}
		]
	},
	{
		table: 'culture_values',
		rows: [
			{
				id: 'v-own',
				team_id: 't-ops',
				name: 'Ownership',
				name_key: 'ownership',
				meaning: 'We finish what we start, and say so when we cannot.',
				position: 0,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: 'u-fac',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: at + hour,
				archived_at: null
			},
			{
				id: 'v-veilig',
				team_id: 't-ops',
				name: 'Veiligheid',
				name_key: 'veiligheid',
				meaning: 'Niemand hoeft bang te zijn om een fout te melden.',
				position: 1,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: 'u-owner',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			},
			{
				id: 'v-hero',
				team_id: 't-ops',
				name: 'Heroics',
				name_key: 'heroics',
				meaning: 'Staying up all night to fix it.',
				position: 2,
				limiting: 1,
				author_kind: 'staff',
				author_user_id: null,
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: at + 5 * hour
			}
		]
	},
	{
		table: 'value_lenses',
		rows: [
			{ value_id: 'v-own', lens: 'assumed' },
			{ value_id: 'v-own', lens: 'current' },
			{ value_id: 'v-own', lens: 'strategic' },
			{ value_id: 'v-veilig', lens: 'paradise' },
			{ value_id: 'v-hero', lens: 'current' }
		]
	},
	{
		table: 'culture_elements',
		rows: [
			{
				id: 'e-1',
				team_id: 't-ops',
				value_id: 'v-own',
				lens: 'current',
				kind: 'looks_like',
				name: null,
				text: 'Tickets are closed with a note on what was done.',
				position: 0,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: 'u-fac',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			},
			{
				id: 'e-2',
				team_id: 't-ops',
				value_id: 'v-own',
				lens: 'current',
				kind: 'sounds_like',
				name: null,
				text: '"I\'ve got it."',
				position: 1,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: 'u-fac',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			},
			{
				id: 'e-3',
				team_id: 't-ops',
				value_id: 'v-own',
				lens: 'current',
				kind: 'boundary',
				name: null,
				text: '"That\'s not my job."',
				position: 2,
				limiting: 1,
				author_kind: 'staff',
				author_user_id: 'u-fac',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			},
			{
				id: 'e-4',
				team_id: 't-ops',
				value_id: null,
				lens: 'current',
				kind: 'ritual',
				name: 'Vrijdagdemo',
				text: 'Elke vrijdag om 16:00 laat iemand zien wat af is.',
				position: 0,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: 'u-owner',
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			},
			{
				id: 'e-5',
				team_id: 't-ops',
				value_id: 'v-hero',
				lens: 'current',
				kind: 'hero',
				name: 'The night shift',
				text: 'Fixed the outage at 3 a.m. (again)',
				position: 0,
				limiting: 1,
				author_kind: 'participant',
				author_user_id: null,
				source: 'workshop',
				workshop_id: 'w-old',
				created_at: at,
				updated_at: null,
				archived_at: at + 5 * hour
			},
			{
				id: 'e-6',
				team_id: 't-sales',
				value_id: null,
				lens: 'strategic',
				kind: 'signal',
				name: 'Open door',
				text: '',
				position: 0,
				limiting: 0,
				author_kind: 'staff',
				author_user_id: null,
				source: 'staff',
				workshop_id: null,
				created_at: at,
				updated_at: null,
				archived_at: null
			}
		]
	}
];

async function insertAll(client: Client) {
	await client.batch(
		FIRST_SCHEMA_DATA.flatMap(({ table, rows }) =>
			rows.map((row) => ({
				sql: `insert into "${table}" (${Object.keys(row)
					.map((c) => `"${c}"`)
					.join(', ')}) values (${Object.keys(row)
					.map(() => '?')
					.join(', ')})`,
				args: Object.values(row)
			}))
		),
		'write'
	);
}

async function columnsOf(client: Client, table: string): Promise<string[]> {
	return (await client.execute(`select name from pragma_table_info('${table}')`)).rows.map((r) =>
		String(r.name)
	);
}

/** The rows of `table`, limited to `columns`, in a stable order. */
async function rowsOf(client: Client, table: string, columns: string[]) {
	const list = columns.map((c) => `"${c}"`).join(', ');
	const { rows } = await client.execute(`select ${list} from "${table}" order by ${list}`);
	return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
}

describe('the migrations', () => {
	it('bring a database made by the first one, with data in it, to the latest and keep every row', async () => {
		const url = `file:${join(dir, 'old.db')}`;
		const first = await openDatabase({ url, migrationsFolder: firstMigrations(1) });
		const old = first.client;
		expect((await old.execute(`select count(*) as n from ${MIGRATIONS_TABLE}`)).rows[0].n).toBe(1);
		await insertAll(old);
		const tablesBefore = (
			await old.execute(
				`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '${MIGRATIONS_TABLE}' order by name`
			)
		).rows.map((r) => String(r.name));
		// The data above touches every table the first schema had: a table added to 0000 later
		// (it would be an edited migration) or one left empty here would go unchecked.
		expect(tablesBefore).toEqual(FIRST_SCHEMA_DATA.map((t) => t.table).sort());
		const before = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
		for (const table of tablesBefore) {
			const columns = await columnsOf(old, table);
			before.set(table, { columns, rows: await rowsOf(old, table, columns) });
		}
		old.close();

		// The app's start: every pending migration, from the real folder.
		const latest = await openDatabase({ url, migrationsFolder: DRIZZLE });
		const client = latest.client;
		expect((await client.execute(`select count(*) as n from ${MIGRATIONS_TABLE}`)).rows[0].n).toBe(
			journal.entries.length
		);
		expect(journal.entries.length).toBeGreaterThan(1);

		for (const [table, { columns, rows }] of before) {
			const now = await columnsOf(client, table);
			expect(now, `table ${table} is gone after the migrations`).not.toEqual([]);
			const lost = columns.filter(
				(c) => !now.includes(c) && !DROPPED_ON_PURPOSE.includes(`${table}.${c}`)
			);
			expect(lost, `columns of ${table} that the migrations dropped`).toEqual([]);
			const kept = columns.filter((c) => now.includes(c));
			const keptRows = rows.map((row) => Object.fromEntries(kept.map((c) => [c, row[c]])));
			expect(await rowsOf(client, table, kept), `the rows of ${table}`).toEqual(keptRows);
		}
		expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
		expect(String((await client.execute('PRAGMA integrity_check')).rows[0][0])).toBe('ok');

		// And the app works on what it found: the map reads back, a workshop can be added.
		const map = await listLensMap(latest.db, 't-ops', 'current');
		expect(map.values.map((v) => v.name)).toEqual(['Ownership']);
		const { id } = await createWorkshop(latest.db, {
			teamId: 't-ops',
			title: 'Na de migratie',
			createdBy: 'u-fac',
			agenda: []
		});
		expect(id).toBeTruthy();
		client.close();
	});

	it("keep a workshop's one-time codes when codes may also belong to a pulse (0009)", async () => {
		const url = `file:${join(dir, 'codes.db')}`;
		const before = journal.entries.findIndex((e) => e.tag === '0009_verified_pulses');
		expect(before).toBeGreaterThan(0);
		const old = (await openDatabase({ url, migrationsFolder: firstMigrations(before) })).client;
		await insertAll(old);
		await old.execute(
			"insert into workshops (id, team_id, title, join_code) values ('w-codes', 't-ops', 'Verified', 'QWERTY')"
		);
		await old.execute(
			"insert into access_codes (code_hash, workshop_id, state) values ('h1', 'w-codes', 'used'), ('h2', 'w-codes', 'unused'), ('h3', 'w-codes', 'void')"
		);
		old.close();

		const client = (await openDatabase({ url, migrationsFolder: DRIZZLE })).client;
		const rows = await client.execute(
			'select code_hash, workshop_id, pulse_id, state from access_codes order by code_hash'
		);
		expect(rows.rows.map((r) => ({ ...r }))).toEqual([
			{ code_hash: 'h1', workshop_id: 'w-codes', pulse_id: null, state: 'used' },
			{ code_hash: 'h2', workshop_id: 'w-codes', pulse_id: null, state: 'unused' },
			{ code_hash: 'h3', workshop_id: 'w-codes', pulse_id: null, state: 'void' }
		]);
		// A code belongs to exactly one workshop or pulse; deleting the workshop still takes its codes.
		await expect(
			client.execute("insert into access_codes (code_hash, state) values ('h4', 'unused')")
		).rejects.toThrow(/CHECK/);
		await client.execute("delete from workshops where id = 'w-codes'");
		expect((await client.execute('select count(*) as n from access_codes')).rows[0].n).toBe(0);
		expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
		client.close();
	});
});
