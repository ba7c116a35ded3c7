import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../db';
import { votes } from '../db/schema';
import { useLiveDatabase } from './context';
import { LiveError } from './errors';
import { applyPace, joinWorkshop } from './rooms';
import { workerStore, type WriteStore } from './store';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';

// The worker needs a database file it can open beside the test's own connection.
let dir: string;
let url: string;
let db: Database;
let closeDb: () => void;
let store: WriteStore;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'live-store-'));
	url = `file:${join(dir, 'test.db')}`;
	const opened = await openDatabase({ url });
	db = opened.db;
	closeDb = () => opened.client.close();
	store = workerStore(url);
});
afterEach(async () => {
	await store.close();
	closeDb();
	rmSync(dir, { recursive: true, force: true });
});

describe('the worker store', () => {
	it('runs the live writes in its thread, all or nothing, and keeps going after a failure', async () => {
		const seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
		installLive(db);
		useLiveDatabase(db, store);
		const p = await joinWorkshop(seeded.workshopId, null);
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const answers = Object.fromEntries(seeded.valueIds.map((v) => [`${v}:current`, 6]));
		const submit = () =>
			submitAnswers({
				workshopId: seeded.workshopId,
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers,
				address: '192.0.2.1'
			});
		await expect(Promise.all([submit(), submit()])).resolves.toHaveLength(2);
		expect(await db.select().from(votes)).toHaveLength(2);

		await expect(
			store.write([{ sql: 'insert into votes (activity_id) values (?)', args: ['x'] }])
		).rejects.toThrow(/constraint/i);
		await expect(submit()).resolves.toEqual({ stored: 2 });
	});

	it('fails the callers, never the server, when the worker cannot write', async () => {
		const seeded = await seedWorkshop(db, { values: 1, lenses: ['current'] });
		installLive(db);
		useLiveDatabase(db, workerStore(`file:${join(dir, 'missing', 'nope.db')}`));
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const joined = await joinWorkshop(seeded.workshopId, null).catch((e: unknown) => e);
		expect(joined).toBeInstanceOf(LiveError);
		expect(joined).toMatchObject({ code: 'not_stored', status: 503 });
		logged.mockRestore();
	});

	it('lets the request thread write while the worker holds the lock, after a short wait', async () => {
		const seeded = await seedWorkshop(db, { values: 10 });
		installLive(db);
		useLiveDatabase(db, store);
		const joined = await Promise.all(
			Array.from({ length: 300 }, () => joinWorkshop(seeded.workshopId, null))
		);
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		// 300 × 40 rows in the worker, and meanwhile a pace change on the request thread.
		const answers = Object.fromEntries(
			seeded.valueIds.flatMap((v) => seeded.lenses.map((l) => [`${v}:${l}`, 5]))
		);
		const writes = joined.map((p) =>
			submitAnswers({
				workshopId: seeded.workshopId,
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers,
				address: '192.0.2.1'
			})
		);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const started = performance.now();
		expect((await applyPace(seeded.workshopId, { type: 'timer_start', seconds: 60 })).ok).toBe(
			true
		);
		expect(performance.now() - started).toBeLessThan(2000);
		await Promise.all(writes);
		expect(await db.select().from(votes)).toHaveLength(300 * 40);
	});
});
