import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index';

const folder = join(tmpdir(), `uc-serialise-${process.pid}`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('embedded database under concurrent use', () => {
	it('lets overlapping write transactions and plain writes all finish, quickly', async () => {
		const { db, client } = await openDatabase({ url: `file:${join(folder, 'db.sqlite')}` });
		await db.run(sql`CREATE TABLE counter (n INTEGER NOT NULL)`);
		await db.run(sql`INSERT INTO counter VALUES (0)`);
		const started = Date.now();
		const bump = () =>
			db.transaction(async (tx) => {
				const [row] = await tx.all<{ n: number }>(sql`SELECT n FROM counter`);
				await new Promise((r) => setTimeout(r, 5));
				await tx.run(sql`UPDATE counter SET n = ${row.n + 1}`);
			});
		await Promise.all([
			...Array.from({ length: 20 }, bump),
			...Array.from({ length: 20 }, () => db.run(sql`UPDATE counter SET n = n + 1`))
		]);
		const [row] = await db.all<{ n: number }>(sql`SELECT n FROM counter`);
		// Every increment counted (no lost update), and nobody waited out a busy timeout.
		expect(row.n).toBe(40);
		expect(Date.now() - started).toBeLessThan(4000);
		client.close();
	});

	it('releases its turn when a transaction fails', async () => {
		const { db, client } = await openDatabase({ url: ':memory:' });
		await expect(
			db.transaction(async () => {
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await db.all(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
		client.close();
	});
});
