import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db';
import { votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { addParticipant, type VoteEntry } from '../workshops/queries';
import { voteStatements } from './queries';
import { inProcessStore } from './store';
import { seedWorkshop } from './testing';
import { createGroupCommit } from './writer';

let db: Database;
let close: () => void;
let rateId: string;
let itemIds: { itemId: string; valueId: string }[];
let participantIds: string[];

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
	rateId = seeded.activities.rate.id;
	itemIds = seeded.valueIds.map((valueId) => ({ itemId: `${valueId}:current`, valueId }));
	participantIds = [];
	for (let i = 0; i < 6; i++) {
		participantIds.push((await addParticipant(db, seeded.workshopId, null)).id);
	}
});
afterEach(() => close());

const store = (db: Database, batch: VoteEntry[]) => inProcessStore(db).write(voteStatements(batch));

const entry = (participantId: string, score = 3): VoteEntry => ({
	activityId: rateId,
	participantId,
	replaceAll: false,
	answers: itemIds.map(({ itemId, valueId }) => ({
		itemId,
		valueId,
		cardId: null,
		lens: 'current',
		score
	}))
});

describe('the group commit', () => {
	it('stores everything submitted in one turn in one transaction', async () => {
		const write = vi.fn((batch: VoteEntry[]) => store(db, batch));
		const writer = createGroupCommit({ write });
		await Promise.all(participantIds.map((id) => writer.submit(entry(id))));
		expect(write).toHaveBeenCalledOnce();
		expect(write.mock.calls[0][0]).toHaveLength(6);
		expect(await db.select().from(votes)).toHaveLength(12);
	});

	it('splits batches at the weight limit, always taking at least one item', async () => {
		const write = vi.fn((batch: VoteEntry[]) => store(db, batch));
		const writer = createGroupCommit({ write, weight: (e) => e.answers.length, maxWeight: 5 });
		await Promise.all(participantIds.map((id) => writer.submit(entry(id))));
		expect(write.mock.calls.map(([batch]) => batch.length)).toEqual([2, 2, 2]);
		const single = createGroupCommit({ write, weight: () => 100, maxWeight: 5 });
		await single.submit(entry(participantIds[0]));
		expect(write).toHaveBeenCalledTimes(4);
	});

	it('answers a caller only after the commit succeeded', async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const writer = createGroupCommit<VoteEntry>({
			write: async (batch) => {
				await gate;
				await store(db, batch);
			}
		});
		let acknowledged = false;
		const done = writer.submit(entry(participantIds[0])).then(() => (acknowledged = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(acknowledged).toBe(false);
		expect(writer.pending()).toBe(1);
		expect(writer.pendingWeight()).toBe(1);
		release();
		await done;
		expect(await db.select().from(votes)).toHaveLength(2);
		expect(writer.pending()).toBe(0);
		expect(writer.pendingWeight()).toBe(0);
	});

	it('fails only the bad entry of a batch and stores the others', async () => {
		const write = vi.fn((batch: VoteEntry[]) => store(db, batch));
		const committed = vi.fn();
		const writer = createGroupCommit({ write, committed });
		const results = await Promise.allSettled([
			writer.submit(entry(participantIds[0])),
			writer.submit(entry('withdrawn-a-moment-ago')),
			writer.submit(entry(participantIds[1])),
			writer.submit(entry(participantIds[2]))
		]);
		expect(results.map((r) => r.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled'
		]);
		const stored = await db.select().from(votes);
		expect(new Set(stored.map((v) => v.participantId))).toEqual(
			new Set(participantIds.slice(0, 3))
		);
		const committedIds = committed.mock.calls.flatMap(([batch]) =>
			batch.map((e: VoteEntry) => e.participantId)
		);
		expect(committedIds.sort()).toEqual(participantIds.slice(0, 3).sort());
	});

	it('keeps the last answer when the same participant sends twice in one batch', async () => {
		const writer = createGroupCommit({ write: (batch: VoteEntry[]) => store(db, batch) });
		await Promise.all([
			writer.submit(entry(participantIds[0], 2)),
			writer.submit(entry(participantIds[0], 7))
		]);
		const stored = await db.select().from(votes);
		expect(stored.map((v) => v.score)).toEqual([7, 7]);
	});
});
