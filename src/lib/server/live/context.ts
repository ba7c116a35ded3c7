import { database, DEFAULT_DATABASE_URL, localFilePath, type Database } from '../db';
import { inProcessStore, workerStore, type WriteStore } from './store';

let override: { db: Database; store: WriteStore } | null = null;
let store: WriteStore | null = null;

/** The database the live modules read: the app's, or the one a test installed. */
export function liveDatabase(): Promise<Database> {
	return override ? Promise.resolve(override.db) : database();
}

/** Where live writes run (see store.ts): a worker for an embedded file, else in process. */
export async function liveStore(): Promise<WriteStore> {
	if (override) return override.store;
	if (store) return store;
	const db = await database();
	const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
	store ??= localFilePath(url)
		? workerStore(url, process.env.DATABASE_AUTH_TOKEN || undefined)
		: inProcessStore(db);
	return store;
}

/** Tests: read and write `db` (through `writes`, in process unless given). */
export function useLiveDatabase(db: Database | null, writes?: WriteStore): void {
	override = db ? { db, store: writes ?? inProcessStore(db) } : null;
}
