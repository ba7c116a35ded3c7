import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { rememberedParticipants } from './participants';
import {
	applyPace,
	ENDED_IDLE_MS,
	getRoom,
	IDLE_MS,
	joinWorkshop,
	loadedRoom,
	loadedRooms,
	staffSnapshot,
	sweepRooms
} from './rooms';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';
import { liveBus } from './bus';
import { checkCodeGuess, codeWasRight, codeWasWrong } from './limits';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
	installLive(db);
});
afterEach(() => close());

async function voteAndReveal(n: number) {
	const people = await Promise.all(
		Array.from({ length: n }, () => joinWorkshop(seeded.workshopId, null))
	);
	await applyPace(seeded.workshopId, { type: 'start' });
	await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
	const itemId = `${seeded.valueIds[0]}:current`;
	for (const [i, p] of people.entries()) {
		await submitAnswers({
			workshopId: seeded.workshopId,
			address: '192.0.2.1',
			participantToken: p.token,
			activityId: seeded.activities.rate.id,
			answers: { [itemId]: 4 + i }
		});
	}
	await applyPace(seeded.workshopId, { type: 'reveal' });
	return people;
}

describe('rooms leave memory', () => {
	it('drops an ended workshop after ENDED_IDLE_MS: its room and its tokens, and rebuilds it the same', async () => {
		const people = await voteAndReveal(4);
		const before = staffSnapshot((await getRoom(seeded.workshopId))!);
		await applyPace(seeded.workshopId, { type: 'end' });
		expect(rememberedParticipants(seeded.workshopId)).toBe(4);

		const now = Date.now();
		expect(sweepRooms(now + ENDED_IDLE_MS - 1000)).toEqual([]);
		expect(sweepRooms(now + ENDED_IDLE_MS + 1000)).toEqual([seeded.workshopId]);
		expect(loadedRoom(seeded.workshopId)).toBeUndefined();
		expect(loadedRooms()).toBe(0);
		expect(rememberedParticipants(seeded.workshopId)).toBe(0);

		// Needed again (results, a late request): rebuilt from the database, the same results.
		const again = staffSnapshot((await getRoom(seeded.workshopId))!);
		expect(again.results).toEqual(before.results);
		expect(again.counts.joined).toBe(4);
		expect(again.pace.status).toBe('ended');
		// A late answer is refused as before, the token found again in the database.
		await expect(
			submitAnswers({
				workshopId: seeded.workshopId,
				address: '192.0.2.1',
				participantToken: people[0].token,
				activityId: seeded.activities.rate.id,
				answers: { [`${seeded.valueIds[0]}:current`]: 5 }
			})
		).rejects.toMatchObject({ code: 'workshop_ended' });
		expect(rememberedParticipants(seeded.workshopId)).toBe(1);
	});

	it('keeps a running room while it is used, and drops it after IDLE_MS of silence', async () => {
		const people = await voteAndReveal(3);
		const now = Date.now();
		expect(sweepRooms(now + ENDED_IDLE_MS + 1000)).toEqual([]);
		expect(sweepRooms(now + IDLE_MS + 1000)).toEqual([seeded.workshopId]);
		// Voting goes on in the rebuilt room, on top of what was stored.
		await submitAnswers({
			workshopId: seeded.workshopId,
			address: '192.0.2.1',
			participantToken: people[0].token,
			activityId: seeded.activities.rate.id,
			answers: { [`${seeded.valueIds[1]}:current`]: 7 }
		});
		const room = loadedRoom(seeded.workshopId)!;
		expect(room.tally?.respondents).toBe(3);
	});

	it('never drops a room with a stream open or a write running', async () => {
		await voteAndReveal(3);
		await applyPace(seeded.workshopId, { type: 'end' });
		const later = Date.now() + IDLE_MS + 1000;
		const unsubscribe = liveBus().subscribe(seeded.workshopId, 'room', () => {});
		expect(sweepRooms(later)).toEqual([]);
		unsubscribe();
		const room = loadedRoom(seeded.workshopId)!;
		room.busy++;
		expect(sweepRooms(later)).toEqual([]);
		room.busy--;
		expect(sweepRooms(later)).toEqual([seeded.workshopId]);
	});

	it('forgets the code an address used once the room is dropped', async () => {
		await voteAndReveal(3);
		await applyPace(seeded.workshopId, { type: 'end' });
		const address = '198.51.100.7';
		for (let i = 0; i < 200; i++) codeWasWrong(address);
		codeWasRight(address, seeded.joinCode);
		expect(() => checkCodeGuess(address, seeded.joinCode)).not.toThrow();
		expect(sweepRooms(Date.now() + ENDED_IDLE_MS + 1000)).toEqual([seeded.workshopId]);
		expect(() => checkCodeGuess(address, seeded.joinCode)).toThrow();
	});
});
