import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { serialise } from './serialise';

export type Database = LibSQLDatabase<typeof schema>;

export const DEFAULT_DATABASE_URL = 'file:./data/undercurrent.db';

export interface DatabaseOptions {
	url: string;
	authToken?: string;
	/** Folder with drizzle's migrations; relative paths resolve from the working directory. */
	migrationsFolder?: string;
}

/** The folder path of a local `file:` URL, or null for `:memory:` and remote servers. */
export function localFilePath(url: string): string | null {
	if (!url.startsWith('file:')) return null;
	const path = url.slice('file:'.length).split('?')[0];
	return path === '' || path === ':memory:' ? null : path;
}

/**
 * Opens the database (WAL and a busy timeout on an embedded file) and runs every pending
 * migration. A remote libsql server gets the same client and the same migrations.
 */
export async function openDatabase(
	options: DatabaseOptions
): Promise<{ db: Database; client: Client }> {
	const filePath = localFilePath(options.url);
	if (filePath) mkdirSync(dirname(resolve(filePath)), { recursive: true });

	const embedded = options.url.startsWith('file:') || options.url === ':memory:';
	// Embedded: one connection, every statement queued (see serialise.ts); `timeout` is the busy
	// timeout against other processes on the same file. libsql enforces foreign keys by
	// default; WAL is a property of the file and persists.
	const client = embedded
		? serialise(
				createClient({
					url: options.url,
					authToken: options.authToken,
					timeout: 5000,
					concurrency: 1
				})
			)
		: createClient({ url: options.url, authToken: options.authToken });
	if (filePath) await client.execute('PRAGMA journal_mode = WAL');
	const db = drizzle(client, { schema });
	await migrate(db, {
		migrationsFolder: resolve(options.migrationsFolder ?? process.env.MIGRATIONS_DIR ?? 'drizzle')
	});
	return { db, client };
}

let opened: Promise<{ db: Database; client: Client }> | undefined;

/** The app's one database, configured from the environment and migrated on first use. */
export function database(): Promise<Database> {
	opened ??= openDatabase({
		url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
		authToken: process.env.DATABASE_AUTH_TOKEN || undefined
	});
	return opened.then(({ db }) => db);
}
