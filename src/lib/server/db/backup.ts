import { createClient, type Client } from '@libsql/client';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { localFilePath } from './index';

/**
 * Backup and restore of the embedded database (`npm run backup`, `npm run restore`; see
 * docs/security.md). A backup is `VACUUM INTO`: one read transaction, so the copy is the
 * database as one commit left it, while the app keeps writing. A remote libsql server is
 * backed up by the server itself.
 */

/** Drizzle's record of the migrations applied; every Undercurrent database has it. */
export const MIGRATIONS_TABLE = '__drizzle_migrations';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export class BackupError extends Error {
	constructor(
		readonly code:
			| 'remote'
			| 'missing'
			| 'exists'
			| 'not_a_database'
			| 'damaged'
			| 'not_undercurrent'
			| 'in_use',
		message: string
	) {
		super(message);
		this.name = 'BackupError';
	}
}

export interface DatabaseFacts {
	/** Migrations the file has applied. */
	migrations: number;
	/** Rows per table of the app (drizzle's own table and SQLite's left out). */
	rows: Record<string, number>;
}

/** The file behind a `file:` URL, or a BackupError that says why there is none. */
export function embeddedFile(url: string): string {
	const path = localFilePath(url);
	if (path) return resolve(path);
	if (url === ':memory:' || url.startsWith('file:')) {
		throw new BackupError('missing', `${url} is an in-memory database: there is nothing to copy.`);
	}
	throw new BackupError(
		'remote',
		`DATABASE_URL points at a libsql server (${new URL(url).host}): back it up with the server's own backup (e.g. its snapshots or \`sqlite3 .backup\` on the server); this command copies embedded files only.`
	);
}

/** `backups/undercurrent-2026-12-02T14-05-09Z.db`, from the working directory. */
export function defaultBackupFile(now = new Date()): string {
	const stamp = now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replaceAll(':', '-');
	return resolve('backups', `undercurrent-${stamp}.db`);
}

const fileUrl = (path: string) => `file:${path}`;

/** Opens a file read-only in spirit: nothing here writes to it. */
function open(path: string): Client {
	return createClient({ url: fileUrl(path), timeout: 5000 });
}

/**
 * Checks that `path` is an intact SQLite file with Undercurrent's migrations table, and says
 * what it holds. Throws a BackupError otherwise.
 */
export async function inspectDatabase(path: string): Promise<DatabaseFacts> {
	if (!existsSync(path)) throw new BackupError('missing', `${path} does not exist.`);
	const client = open(path);
	try {
		let check: string;
		try {
			check = String((await client.execute('PRAGMA quick_check')).rows[0]?.[0]);
		} catch (error) {
			throw new BackupError(
				'not_a_database',
				`${path} is not a SQLite database (${(error as Error).message}).`
			);
		}
		if (check !== 'ok') throw new BackupError('damaged', `${path} is damaged: ${check}`);
		const tables = (
			await client.execute(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
		).rows.map((r) => String(r.name));
		if (!tables.includes(MIGRATIONS_TABLE)) {
			throw new BackupError(
				'not_undercurrent',
				`${path} is a SQLite database, but not Undercurrent's: it has no ${MIGRATIONS_TABLE} table.`
			);
		}
		const migrations = Number(
			(await client.execute(`select count(*) as n from ${MIGRATIONS_TABLE}`)).rows[0].n
		);
		if (migrations === 0) {
			throw new BackupError('not_undercurrent', `${path} has no migrations applied.`);
		}
		const rows: Record<string, number> = {};
		for (const table of tables) {
			if (table === MIGRATIONS_TABLE) continue;
			rows[table] = Number(
				(await client.execute(`select count(*) as n from "${table}"`)).rows[0].n
			);
		}
		return { migrations, rows };
	} finally {
		client.close();
	}
}

/**
 * Writes a consistent copy of the embedded database at `url` into `target` (its folder is
 * created; an existing file is never overwritten) and checks the copy.
 */
export async function backupDatabase(url: string, target: string): Promise<DatabaseFacts> {
	const source = embeddedFile(url);
	if (!existsSync(source)) throw new BackupError('missing', `${source} does not exist.`);
	const file = resolve(target);
	if (existsSync(file)) throw new BackupError('exists', `${file} exists already; pick a new name.`);
	mkdirSync(dirname(file), { recursive: true });
	const client = open(source);
	try {
		await client.execute({ sql: 'VACUUM INTO ?', args: [file] });
	} finally {
		client.close();
	}
	return inspectDatabase(file);
}

/**
 * Whether some process has the database open. SQLite lets a WAL database leave WAL mode only
 * when no other connection has it open (each holds a lock on the `-shm` file while
 * connected), so trying to is how we tell; the mode is set back at once. Only used on a file
 * about to be replaced. A running app holds its connection all the time, so the answer is
 * "in use" only when a few tries in a row say so: a process that is just closing (its last
 * checkpoint) is not an app. Run it in a process of its own, as the script does: one that
 * closed a libsql client on the file may hold it until the client's objects are collected.
 */
export async function databaseInUse(path: string, tries = 5): Promise<boolean> {
	for (let attempt = 1; ; attempt++) {
		if (!(await heldByAnother(path))) return false;
		if (attempt >= tries) return true;
		await new Promise((resolveWait) => setTimeout(resolveWait, 200));
	}
}

async function heldByAnother(path: string): Promise<boolean> {
	if (!existsSync(path)) return false;
	const client = createClient({ url: fileUrl(path), timeout: 0 });
	try {
		const mode = String((await client.execute('PRAGMA journal_mode')).rows[0]?.[0]);
		if (mode !== 'wal') return false;
		const changed = String((await client.execute('PRAGMA journal_mode = DELETE')).rows[0]?.[0]);
		if (changed !== 'delete') return true;
		await client.execute('PRAGMA journal_mode = WAL');
		return false;
	} catch (error) {
		if (/locked|busy/i.test((error as Error).message)) return true;
		throw error;
	} finally {
		client.close();
	}
}

export interface RestoreResult extends DatabaseFacts {
	/** Where the database that was replaced now is, if there was one. */
	replaced: string | null;
}

/**
 * Puts the backup `source` in place of the embedded database at `url`: only a valid
 * Undercurrent database, never while the app has the file open. The replaced database is
 * kept beside it (`<name>.replaced-<time>`); its `-wal`/`-shm` files are removed, so that no
 * old log is ever applied to the restored file.
 */
export async function restoreDatabase(
	source: string,
	url: string,
	now = new Date()
): Promise<RestoreResult> {
	const from = resolve(source);
	const facts = await inspectDatabase(from);
	const target = embeddedFile(url);
	if (await databaseInUse(target)) {
		throw new BackupError(
			'in_use',
			`${target} is open in another process (is the app running?): stop it first, then restore.`
		);
	}
	mkdirSync(dirname(target), { recursive: true });
	const incoming = join(dirname(target), `.${basename(target)}.restoring`);
	copyFileSync(from, incoming);
	const fd = openSync(incoming, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	let replaced: string | null = null;
	if (existsSync(target)) {
		// Folds the old file's log into it first, so that what is kept is complete by itself.
		const old = open(target);
		try {
			await old.execute('PRAGMA wal_checkpoint(TRUNCATE)');
		} finally {
			old.close();
		}
		replaced = `${target}.replaced-${now
			.toISOString()
			.replace(/\.\d+Z$/, 'Z')
			.replaceAll(':', '-')}`;
		renameSync(target, replaced);
	}
	for (const suffix of SIDE_FILES) rmSync(target + suffix, { force: true });
	renameSync(incoming, target);
	return { ...facts, replaced };
}
