import { createClient } from '@libsql/client';
import { spawn, type ChildProcess } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWorkshop } from '../live/testing';
import { BackupError, backupDatabase, inspectDatabase, restoreDatabase } from './backup';
import { openDatabase } from './index';

const ROOT = resolve(import.meta.dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MIGRATIONS = JSON.parse(readFileSync(join(ROOT, 'drizzle/meta/_journal.json'), 'utf8'))
	.entries.length as number;

let dir: string;
let liveUrl: string;
const children = new Set<ChildProcess>();

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'backup-'));
	liveUrl = `file:${join(dir, 'data', 'live.db')}`;
});
afterEach(() => {
	for (const child of children) child.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run backup` / `npm run restore` as a person would, in `dir`. */
function run(script: 'backup' | 'restore', args: string[], url = liveUrl) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
		const child = spawn(TSX, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
			cwd: dir,
			env: { ...process.env, DATABASE_URL: url }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c: Buffer) => (stdout += c));
		child.stderr.on('data', (c: Buffer) => (stderr += c));
		child.on('exit', (code) => done({ code, stdout, stderr }));
	});
}

/**
 * The app, as far as the database sees it: another process that keeps committing, each
 * transaction a new account with its session (so a copy taken mid-way must hold both or neither).
 */
async function startWriter(url: string): Promise<{ stop: () => Promise<number> }> {
	const script = `
		const { createClient } = require('@libsql/client');
		const c = createClient({ url: ${JSON.stringify(url)}, timeout: 5000 });
		let i = 0;
		(async () => {
			await c.execute('PRAGMA journal_mode = WAL');
			for (;;) {
				i++;
				await c.batch([
					{ sql: "insert into users (id, email, name, password_hash) values (?, ?, 'Writer', 'x')", args: ['w-' + i, 'w' + i + '@example.org'] },
					{ sql: 'insert into sessions (id, user_id, expires_at) values (?, ?, ?)', args: ['s-' + i, 'w-' + i, Date.now() + 1e6] }
				], 'write');
				if (i === 20) console.log('writing');
				await new Promise((r) => setImmediate(r));
			}
		})();`;
	const child = spawn(process.execPath, ['-e', script], { cwd: ROOT });
	children.add(child);
	await new Promise<void>((ready, fail) => {
		child.stdout.on('data', (c: Buffer) => c.toString().includes('writing') && ready());
		child.stderr.on('data', (c: Buffer) => fail(new Error(c.toString())));
	});
	return {
		stop: async () => {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGKILL');
			await exited;
			children.delete(child);
			return writerRowsElsewhere(url);
		}
	};
}

/** The writer's rows, counted by another process (so that this one never holds the file). */
function writerRowsElsewhere(url: string): Promise<number> {
	const script = `
		const { createClient } = require('@libsql/client');
		const c = createClient({ url: ${JSON.stringify(url)} });
		c.execute("select count(*) as n from users where id like 'w-%'").then((r) => console.log(r.rows[0].n));`;
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['-e', script], { cwd: ROOT });
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c));
		child.stderr.on('data', (c: Buffer) => fail(new Error(c.toString())));
		child.on('exit', () => done(Number(out.trim())));
	});
}

async function writerRows(url: string): Promise<number> {
	const client = createClient({ url });
	try {
		return Number(
			(await client.execute("select count(*) as n from users where id like 'w-%'")).rows[0].n
		);
	} finally {
		client.close();
	}
}

/** Every row of every table, as sorted JSON lines per table. */
async function dump(url: string): Promise<Record<string, string[]>> {
	const client = createClient({ url });
	try {
		const tables = (
			await client.execute(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
		).rows.map((r) => String(r.name));
		const all: Record<string, string[]> = {};
		for (const table of tables) {
			const { rows, columns } = await client.execute(`select * from "${table}"`);
			all[table] = rows
				.map((row) => JSON.stringify(columns.map((c) => row[c] as unknown)))
				.sort((a, b) => a.localeCompare(b));
		}
		return all;
	} finally {
		client.close();
	}
}

const withoutWriter = (tables: Record<string, string[]>) => ({
	...tables,
	users: tables.users.filter((r) => !r.startsWith('["w-')),
	sessions: tables.sessions.filter((r) => !r.startsWith('["s-'))
});

/**
 * The app's database at `liveUrl`, with a seeded workshop, as a file this process never opened:
 * libsql keeps a closed file's locks until its objects are collected, and the restore must see
 * only the processes that really hold it (the writer). Returns the rows it holds.
 */
async function seededLiveDatabase() {
	const seedUrl = `file:${join(dir, 'seed.db')}`;
	const { db, client } = await openDatabase({ url: seedUrl });
	await seedWorkshop(db, { values: 6 });
	mkdirSync(join(dir, 'data'), { recursive: true });
	await client.execute({ sql: 'VACUUM INTO ?', args: [join(dir, 'data', 'live.db')] });
	const rows = await dump(seedUrl);
	client.close();
	return rows;
}

// Each test starts the scripts as processes (tsx): generous on a busy machine.
describe('npm run backup and npm run restore', { timeout: 60_000 }, () => {
	it('copies a database that another process is writing to, consistently, and restores it', async () => {
		const seeded = await seededLiveDatabase();
		const writer = await startWriter(liveUrl);

		const taken = await run('backup', ['backups/mid-write.db']);
		expect(taken.stderr).toBe('');
		expect(taken.code).toBe(0);
		expect(taken.stdout).toMatch(/^Backed up .* to backups\/mid-write\.db: \d+ migrations/);

		// The app keeps the file open: restoring over it is refused, and nothing is touched.
		const refused = await run('restore', ['backups/mid-write.db']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/open in another process \(is the app running\?\)/);
		const written = await writer.stop();

		const backupUrl = `file:${join(dir, 'backups/mid-write.db')}`;
		const copy = await dump(backupUrl);
		// Everything that was there before the writes, exactly.
		expect(withoutWriter(copy)).toEqual(seeded);
		// The writes: some, never more than were made, and whole transactions only.
		const accounts = copy.users.filter((r) => r.startsWith('["w-')).map((r) => JSON.parse(r)[0]);
		const sessions = copy.sessions.filter((r) => r.startsWith('["s-')).map((r) => JSON.parse(r)[1]);
		expect(accounts.length).toBeGreaterThanOrEqual(20);
		expect(accounts.length).toBeLessThanOrEqual(written);
		expect(sessions.sort()).toEqual(accounts.sort());
		expect((await inspectDatabase(join(dir, 'backups/mid-write.db'))).migrations).toBe(MIGRATIONS);

		// The app stopped (here: killed, leaving its -wal behind); the backup goes back in place.
		const restored = await run('restore', ['backups/mid-write.db']);
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(restored.stdout).toMatch(/^Restored backups\/mid-write\.db into file:/);
		expect(restored.stdout).toMatch(/kept as .*live\.db\.replaced-/);
		const files = readdirSync(join(dir, 'data'));
		expect(files).not.toContain('live.db-wal');
		expect(files.filter((f) => f.startsWith('live.db.replaced-'))).toHaveLength(1);

		// The app starts on it (migrations run and find nothing to do) and sees the copy.
		const { db, client } = await openDatabase({ url: liveUrl });
		expect(await dump(liveUrl)).toEqual(copy);
		expect(await db.query.cultureValues.findMany()).toHaveLength(6);
		client.close();
		// The replaced database is whole too: it has every write the writer committed.
		const replaced = files.find((f) => f.startsWith('live.db.replaced-'))!;
		expect(await writerRows(`file:${join(dir, 'data', replaced)}`)).toBe(written);
	});

	it('names the backup after the time when no file is given', async () => {
		await seededLiveDatabase();
		const taken = await run('backup', []);
		expect(taken.code).toBe(0);
		const [file] = readdirSync(join(dir, 'backups'));
		expect(file).toMatch(/^undercurrent-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
		expect(withoutWriter(await dump(`file:${join(dir, 'backups', file)}`))).toEqual(
			await dump(liveUrl)
		);
	});

	it('says that a remote server backs itself up', async () => {
		const taken = await run('backup', [], 'libsql://culture.example.org');
		expect(taken.code).toBe(2);
		expect(taken.stderr).toMatch(/libsql server \(culture\.example\.org\).*server's own backup/);
		await expect(backupDatabase(':memory:', join(dir, 'x.db'))).rejects.toThrow(/in-memory/);
	});

	it('never overwrites a file with a backup', async () => {
		await seededLiveDatabase();
		writeFileSync(join(dir, 'taken.db'), 'precious');
		await expect(backupDatabase(liveUrl, join(dir, 'taken.db'))).rejects.toThrow(
			new BackupError('exists', `${join(dir, 'taken.db')} exists already; pick a new name.`)
		);
		expect(readFileSync(join(dir, 'taken.db'), 'utf8')).toBe('precious');
	});

	it('restores only an intact Undercurrent database, and leaves the current one alone otherwise', async () => {
		const seeded = await seededLiveDatabase();
		writeFileSync(join(dir, 'notes.txt'), 'not a database at all, just some text\n'.repeat(200));
		const other = createClient({ url: `file:${join(dir, 'other.db')}` });
		await other.execute('create table things (id text)');
		other.close();

		const text = await run('restore', ['notes.txt']);
		expect(text.code).toBe(1);
		expect(text.stderr).toMatch(/Not restored: .*notes\.txt is not a SQLite database/);
		await expect(restoreDatabase(join(dir, 'other.db'), liveUrl)).rejects.toThrow(
			/is a SQLite database, but not Undercurrent's: it has no __drizzle_migrations table/
		);
		await expect(restoreDatabase(join(dir, 'missing.db'), liveUrl)).rejects.toThrow(
			/missing\.db does not exist/
		);
		const usage = await run('restore', []);
		expect(usage.code).toBe(1);
		expect(usage.stderr).toMatch(/^Usage: npm run restore FILE/);

		expect(await dump(liveUrl)).toEqual(seeded);
		expect(readdirSync(join(dir, 'data')).some((f) => f.includes('replaced'))).toBe(false);
		expect(existsSync(join(dir, 'data', '.live.db.restoring'))).toBe(false);
	});
});
