import { openDatabase, type Database } from './index';

/**
 * A fresh in-memory libsql database with every real migration applied: what unit and
 * integration tests run against. Close it with `close()` when done.
 */
export async function testDatabase(): Promise<{ db: Database; close: () => void }> {
	const { db, client } = await openDatabase({ url: ':memory:' });
	return { db, close: () => client.close() };
}
