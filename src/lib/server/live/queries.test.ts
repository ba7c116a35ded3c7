import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { addParticipant, writeVotes, type VoteEntry } from '../workshops/queries';
import { voteStatements } from './queries';
import { inProcessStore } from './store';
import { seedWorkshop } from './testing';

let dbs: { db: Database; close: () => void }[];

beforeEach(async () => {
	dbs = [await testDatabase(), await testDatabase()];
});
afterEach(() => dbs.forEach((d) => d.close()));

/** A workshop with two participants and three batches of answers, the same in any database. */
async function scenario(db: Database) {
	const seeded = await seedWorkshop(db, { values: 3, lenses: ['current', 'strategic'] });
	const a = await addParticipant(db, seeded.workshopId, null);
	const b = await addParticipant(db, seeded.workshopId, null);
	const item = (v: number, lens: 'current' | 'strategic') => ({
		itemId: `${seeded.valueIds[v]}:${lens}`,
		valueId: seeded.valueIds[v],
		cardId: null,
		lens,
		score: v + 1
	});
	const rate = (p: string, answers: ReturnType<typeof item>[]): VoteEntry => ({
		activityId: seeded.activities.rate.id,
		participantId: p,
		replaceAll: false,
		answers
	});
	const dots = (p: string, answers: ReturnType<typeof item>[]): VoteEntry => ({
		activityId: seeded.activities.dots.id,
		participantId: p,
		replaceAll: true,
		answers
	});
	const batches = [
		[rate(a.id, [item(0, 'current'), item(1, 'strategic')]), rate(b.id, [item(2, 'current')])],
		[
			rate(a.id, [{ ...item(0, 'current'), score: 9 }]),
			dots(a.id, [item(0, 'strategic'), item(1, 'strategic')]),
			dots(b.id, [item(2, 'strategic')])
		],
		[dots(a.id, [{ ...item(2, 'strategic'), score: 5 }])]
	];
	return { batches, valueIds: seeded.valueIds };
}

/** Stored rows with value ids replaced by their position, so two databases compare. */
async function rowsOf(db: Database, valueIds: string[]) {
	const rows = await db.select().from(votes);
	return rows
		.map((row) => {
			const value = String(valueIds.indexOf(row.valueId ?? ''));
			return {
				item: row.itemId.replace(row.valueId ?? '', value),
				value,
				lens: row.lens,
				score: row.score,
				cardId: row.cardId,
				updatedAt: row.updatedAt
			};
		})
		.sort((x, y) => x.item.localeCompare(y.item) || x.score - y.score);
}

describe('voteStatements', () => {
	it('leaves the database as writeVotes does', async () => {
		const [left, right] = dbs;
		const l = await scenario(left.db);
		const r = await scenario(right.db);
		for (const [i, batch] of l.batches.entries()) {
			await writeVotes(left.db, batch, 1000 + i);
			await inProcessStore(right.db).write(voteStatements(r.batches[i], 1000 + i));
		}
		const stored = await rowsOf(right.db, r.valueIds);
		expect(stored).toEqual(await rowsOf(left.db, l.valueIds));
		expect(stored).toHaveLength(5);
	});

	it('stores nothing of a batch with one bad entry', async () => {
		const { db } = dbs[0];
		const { batches, valueIds } = await scenario(db);
		const [batch] = batches;
		await expect(
			inProcessStore(db).write(
				voteStatements([...batch, { ...batch[0], participantId: 'withdrawn' }])
			)
		).rejects.toThrow();
		expect(await rowsOf(db, valueIds)).toEqual([]);
	});

	it('keeps only the later of two whole sets of one participant in one batch', async () => {
		const { db } = dbs[0];
		const { batches, valueIds } = await scenario(db);
		const [, [, dotsA, dotsB]] = batches;
		const later = { ...dotsB, participantId: dotsA.participantId };
		await inProcessStore(db).write(voteStatements([dotsA, later]));
		expect((await rowsOf(db, valueIds)).map((r) => [r.value, r.score])).toEqual([['2', 3]]);
	});
});
