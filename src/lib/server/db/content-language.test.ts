import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './index';

/**
 * 0013_content_language gives existing teams, workshops and pulses a language: English unless
 * their content is recognisably Dutch (a template's or the add-activity path's Dutch titles, the
 * Dutch default question of a pulse); a team takes that of its latest workshop or pulse.
 */

const DRIZZLE = join(resolve(import.meta.dirname, '../../../..'), 'drizzle');
const journal = JSON.parse(readFileSync(join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as {
	entries: { tag: string }[];
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'content-language-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function migrationsBefore(tag: string): string {
	const count = journal.entries.findIndex((e) => e.tag === tag);
	const folder = join(dir, 'drizzle');
	mkdirSync(join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.slice(0, count);
	for (const e of entries) {
		copyFileSync(join(DRIZZLE, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
	}
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

describe('0013_content_language', () => {
	it('finds Dutch content where there is some, English elsewhere', async () => {
		const url = `file:${join(dir, 'old.db')}`;
		const old = (
			await openDatabase({ url, migrationsFolder: migrationsBefore('0013_content_language') })
		).client;
		await old.executeMultiple(`
			insert into organisations (id, name) values ('o', 'Zeewind');
			insert into teams (id, org_id, name, name_key, created_at) values
				('t-nl', 'o', 'Zorg', 'zorg', 1), ('t-en', 'o', 'Sales', 'sales', 1),
				('t-mixed', 'o', 'Mixed', 'mixed', 1), ('t-empty', 'o', 'Empty', 'empty', 1);
			insert into workshops (id, team_id, title, join_code, created_at) values
				('w-nl', 't-nl', 'Kick-off', 'AAAAAA', 10),
				('w-en', 't-en', 'Kick-off', 'BBBBBB', 10),
				('w-added', 't-mixed', 'Eerste', 'CCCCCC', 10),
				('w-blank', 't-mixed', 'Later', 'DDDDDD', 20);
			insert into activities (id, workshop_id, position, kind, title, prompt, config) values
				('a1', 'w-nl', 0, 'collect', 'Wat ons vandaag echt drijft', '', '{"kind":"collect","lens":"current","target":"value"}'),
				('a2', 'w-en', 0, 'collect', 'What really drives us today', '', '{"kind":"collect","lens":"current","target":"value"}'),
				('a3', 'w-added', 0, 'discuss', 'Gesprek', '', '{"kind":"discuss"}'),
				('a4', 'w-blank', 0, 'discuss', 'Talk', '', '{"kind":"discuss"}');
			insert into pulses (id, team_id, code, opens_on, closes_on, cadence_weeks, open_question, created_at) values
				('p-nl', 't-en', 'c1', '2026-01-01', '2026-01-07', 4, 'Wat werkt, wat niet, en wat zou jij veranderen?', 5),
				('p-en', 't-en', 'c2', '2026-01-01', '2026-01-07', 4, 'What works?', 30);
		`);
		old.close();

		const { client } = await openDatabase({ url, migrationsFolder: DRIZZLE });
		const languages = async (table: string) =>
			Object.fromEntries(
				(await client.execute(`select id, language from ${table} order by id`)).rows.map((r) => [
					r.id,
					r.language
				])
			);
		expect(await languages('workshops')).toEqual({
			'w-added': 'nl',
			'w-blank': 'en',
			'w-en': 'en',
			'w-nl': 'nl'
		});
		expect(await languages('pulses')).toEqual({ 'p-en': 'en', 'p-nl': 'nl' });
		// t-mixed: its latest workshop is English; t-en's latest pulse is English.
		expect(await languages('teams')).toEqual({
			't-empty': 'en',
			't-en': 'en',
			't-mixed': 'en',
			't-nl': 'nl'
		});
		client.close();
	});
});
