import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { hashToken } from '../ids';
import { addCard, findParticipant, setCardHidden } from '../workshops/queries';
import { liveBus, type Delivery } from './bus';
import { LiveError } from './errors';
import { tokenHash } from './participants';
import {
	applyPace,
	cardsChanged,
	getRoom,
	joinWorkshop,
	refreshWorkshop,
	roomSnapshot,
	staffSnapshot
} from './rooms';
import { installLive, seedWorkshop } from './testing';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	installLive(db);
});
afterEach(() => close());

function listen<A extends 'room' | 'staff'>(audience: A) {
	const seen: Delivery<A>[] = [];
	liveBus().subscribe(seeded.workshopId, audience, (d) => seen.push(d));
	return seen;
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('joining', () => {
	it('stores a participant the data module finds by the same token', async () => {
		const staff = listen('staff');
		const p = await joinWorkshop(seeded.workshopId, '  Ann  ');
		expect(tokenHash(p.token)).toBe(hashToken(p.token));
		expect(await findParticipant(db, seeded.workshopId, p.token)).toEqual({
			id: p.participantId,
			nickname: 'Ann'
		});
		expect(staff.find((d) => d.type === 'joined')?.data).toEqual({ nickname: 'Ann' });
		await settle();
		expect(staff.filter((d) => d.type === 'counts').at(-1)?.data).toMatchObject({ joined: 1 });
	});

	it('commits many joins together and refuses ended workshops and long nicknames', async () => {
		const many = await Promise.all(
			Array.from({ length: 50 }, () => joinWorkshop(seeded.workshopId, null))
		);
		expect(new Set(many.map((p) => p.participantId)).size).toBe(50);
		await expect(joinWorkshop(seeded.workshopId, 'x'.repeat(41))).rejects.toMatchObject({
			code: 'invalid_nickname',
			details: { limit: 40 }
		});
		await applyPace(seeded.workshopId, { type: 'end' });
		const ended = await joinWorkshop(seeded.workshopId, null).catch((e: LiveError) => e);
		expect(ended).toMatchObject({ code: 'workshop_ended', status: 410 });
		await expect(joinWorkshop('nope', null)).rejects.toMatchObject({ code: 'unknown_workshop' });
	});
});

describe('pace', () => {
	it('stores the step, then sends a fresh snapshot to the room and to staff', async () => {
		const room = listen('room');
		const staff = listen('staff');
		await applyPace(seeded.workshopId, { type: 'start' });
		const result = await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		expect(result.ok).toBe(true);
		const last = room.at(-1)!;
		expect(last.type).toBe('snapshot');
		expect(last.type === 'snapshot' && last.data.activity?.id).toBe(seeded.activities.rate.id);
		expect(last.type === 'snapshot' && last.data.activity?.values.map((v) => v.name)).toEqual([
			'Value 1',
			'Value 2'
		]);
		expect(JSON.stringify(room)).not.toContain(seeded.joinCode);
		expect(staff.at(-1)).toMatchObject({ type: 'snapshot', data: { joinCode: seeded.joinCode } });

		// A fresh room (another process, a restart) reads the same pace back.
		installLive(db);
		expect((await getRoom(seeded.workshopId))!.pace).toMatchObject({ status: 'live', current: 1 });
	});

	it('passes on what the state machine refuses without storing or sending', async () => {
		const room = listen('room');
		expect(await applyPace(seeded.workshopId, { type: 'next' })).toEqual({
			ok: false,
			problem: 'not_allowed'
		});
		expect(room).toHaveLength(0);
	});

	it('shows results to the room only after the reveal, but to staff at once', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 2 });
		const current = (await getRoom(seeded.workshopId))!;
		expect(roomSnapshot(current).results).toBeNull();
		expect(staffSnapshot(current).results).toMatchObject({ respondents: 0, withheld: true });
		await applyPace(seeded.workshopId, { type: 'reveal' });
		expect(roomSnapshot(current).results).toMatchObject({ respondents: 0 });
	});
});

describe('card walls', () => {
	it('show the outsider board to the room, hidden cards never, a collect wall once revealed', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 3 });
		const outsider = seeded.activities.outsider.id;
		const kept = await addCard(db, outsider, null, 'Meetings run late');
		const abusive = await addCard(db, outsider, null, 'something abusive');
		await setCardHidden(db, outsider, abusive, true);
		const room = listen('room');
		const staff = listen('staff');
		await cardsChanged(seeded.workshopId, outsider);
		await settle();
		expect(room.find((d) => d.type === 'cards')?.data).toEqual({
			activityId: outsider,
			cards: [{ id: kept, text: 'Meetings run late', upvotes: 0, valueId: null }]
		});
		const staffWall = staff.find((d) => d.type === 'cards')?.data as { cards: unknown[] };
		expect(staffWall.cards).toHaveLength(2);

		const collect = seeded.activities.collect.id;
		await addCard(db, collect, null, 'Ownership');
		await applyPace(seeded.workshopId, { type: 'goto', index: 0 });
		const current = (await getRoom(seeded.workshopId))!;
		expect(roomSnapshot(current).cards).toBeNull();
		expect(staffSnapshot(current).cards?.cards).toHaveLength(1);
		await applyPace(seeded.workshopId, { type: 'reveal' });
		expect(roomSnapshot(current).cards?.cards.map((c) => c.text)).toEqual(['Ownership']);
	});

	it('reloads everything on refreshWorkshop', async () => {
		const room = listen('room');
		await refreshWorkshop(seeded.workshopId);
		expect(room.at(-1)).toMatchObject({
			type: 'snapshot',
			data: { workshop: { title: 'Kick-off' } }
		});
	});
});
