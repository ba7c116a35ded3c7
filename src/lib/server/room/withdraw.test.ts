import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { cards, participants, upvotes, votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { LiveError } from '../live/errors';
import { applyPace, countsOf, getRoom, joinWorkshop } from '../live/rooms';
import { installLive, seedWorkshop } from '../live/testing';
import { submitAnswers } from '../live/votes';
import { addCard, upvoteCard } from '../workshops/queries';
import { withdraw } from './withdraw';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
	installLive(db);
});
afterEach(async () => {
	await new Promise((resolve) => setTimeout(resolve, 300));
	close();
});

describe('withdraw', () => {
	it('deletes everything one participant gave, recounts the room, and voids their token', async () => {
		const ann = await joinWorkshop(seeded.workshopId, 'Ann');
		const bob = await joinWorkshop(seeded.workshopId, 'Bob');
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const item = `${seeded.valueIds[0]}:current`;
		for (const p of [ann, bob]) {
			await submitAnswers({
				workshopId: seeded.workshopId,
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers: { [item]: 5 },
				address: '192.0.2.1'
			});
		}
		const annCard = await addCard(db, seeded.activities.outsider.id, ann.participantId, 'idea');
		const bobCard = await addCard(db, seeded.activities.outsider.id, bob.participantId, 'other');
		await upvoteCard(db, bobCard, ann.participantId);
		await upvoteCard(db, annCard, bob.participantId);

		await withdraw(seeded.workshopId, ann.participantId);

		expect((await db.select().from(participants)).map((p) => p.id)).toEqual([bob.participantId]);
		expect((await db.select().from(votes)).map((v) => v.participantId)).toEqual([
			bob.participantId
		]);
		expect((await db.select().from(cards)).map((c) => c.id)).toEqual([bobCard]);
		expect(await db.select().from(upvotes)).toHaveLength(0);
		expect(countsOf((await getRoom(seeded.workshopId))!)).toMatchObject({ joined: 1, answered: 1 });
		await expect(
			submitAnswers({
				workshopId: seeded.workshopId,
				participantToken: ann.token,
				activityId: seeded.activities.rate.id,
				answers: { [item]: 1 },
				address: '192.0.2.1'
			})
		).rejects.toEqual(new LiveError('not_joined'));
	});
});
