import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { landWorkshopPosts, listPosts } from './queries';

/**
 * Migration 0010 lands the outsider posts of workshops that ended before it, under the rule
 * that ending a workshop applies since (landWorkshopPosts); landing again afterwards adds
 * nothing.
 */

const DRIZZLE = join(resolve(import.meta.dirname, '../../../..'), 'drizzle');
const journal = JSON.parse(readFileSync(join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as {
	entries: { idx: number; tag: string }[];
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'landing-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function migrationsBefore0010(): string {
	const folder = join(dir, 'drizzle');
	mkdirSync(join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.filter((e) => e.idx < 10);
	for (const { tag } of entries) {
		copyFileSync(join(DRIZZLE, `${tag}.sql`), join(folder, `${tag}.sql`));
	}
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

describe('migration 0010', () => {
	it('lands the posts of workshops that ended before it, under the minimum', async () => {
		const url = `file:${join(dir, 'old.db')}`;
		const old = await openDatabase({ url, migrationsFolder: migrationsBefore0010() });
		const statements = [
			`insert into organisations (id, name, min_group_size) values ('o', 'Org', 3)`,
			`insert into teams (id, org_id, name, name_key) values ('t', 'o', 'Team', 'team')`,
			...['big', 'small', 'live'].flatMap((w) => [
				`insert into workshops (id, team_id, title, join_code, status) values ('${w}', 't', '${w}', '${w.toUpperCase()}', '${w === 'live' ? 'live' : 'ended'}')`,
				`insert into activities (id, workshop_id, position, kind, title, config) values ('${w}-a', '${w}', 0, 'outsider', 'Outsiders', '{"kind":"outsider"}')`
			]),
			...['p1', 'p2', 'p3', 'p4'].map(
				(p) =>
					`insert into participants (id, workshop_id, token_hash) values ('${p}', 'big', '${p}')`
			),
			`insert into participants (id, workshop_id, token_hash) values ('q1', 'small', 'q1'), ('q2', 'small', 'q2'), ('r1', 'live', 'r1'), ('r2', 'live', 'r2'), ('r3', 'live', 'r3')`,
			`insert into cards (id, activity_id, participant_id, text) values ('c1', 'big-a', 'p1', 'Zzz late invoices'), ('c2', 'big-a', 'p2', 'A portal'), ('c3', 'big-a', 'p3', 'Nobody answers')`,
			`insert into cards (id, activity_id, participant_id, text, merged_into) values ('c4', 'big-a', 'p4', 'nobody picks up', 'c3')`,
			`insert into cards (id, activity_id, participant_id, text, hidden) values ('c5', 'big-a', 'p1', 'Rude', 1)`,
			`insert into upvotes (card_id, participant_id) values ('c3', 'p1'), ('c4', 'p2'), ('c4', 'p1')`,
			`insert into cards (id, activity_id, participant_id, text) values ('d1', 'small-a', 'q1', 'Two people'), ('d2', 'small-a', 'q2', 'only')`,
			`insert into cards (id, activity_id, participant_id, text) values ('e1', 'live-a', 'r1', 'Still'), ('e2', 'live-a', 'r2', 'running'), ('e3', 'live-a', 'r3', 'here')`
		];
		for (const sql of statements) await old.client.execute(sql);
		old.client.close();

		const { db, client } = await openDatabase({ url, migrationsFolder: DRIZZLE });
		const posts = await listPosts(db, 't', { includeHidden: true });
		const rows = posts.map((p) => [p.text, p.upvotes, p.hidden, p.fromWorkshop]);
		expect(rows[0]).toEqual(['Nobody answers', 2, false, 'big']);
		// The others tie at no upvotes: in any order.
		expect(rows.slice(1).sort()).toEqual([
			['A portal', 0, false, 'big'],
			['Rude', 0, true, 'big'],
			['Zzz late invoices', 0, false, 'big']
		]);
		expect(await landWorkshopPosts(db, 'big', 3)).toBe(0);
		client.close();
	});
});
