import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivedSnapshot } from '../../live/snapshot';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import type { Delivery } from './bus';
import { applyPace, getRoom, roomSnapshot, staffSnapshot } from './rooms';
import { encodeMessage } from './sse';
import { installLive, listenTo, seedWorkshop } from './testing';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	// 10 values × 4 lenses: the rating of bench:live, 40 items.
	seeded = await seedWorkshop(db, { values: 10 });
	installLive(db);
});
afterEach(() => close());

const listen = <A extends 'room' | 'staff'>(audience: A) => listenTo(seeded.workshopId, audience);

function lastSnapshot<A extends 'room' | 'staff'>(seen: Delivery<A>[]) {
	const last = seen.filter((d) => d.type === 'snapshot').at(-1);
	if (last?.type !== 'snapshot') throw new Error('no snapshot');
	return last as Extract<Delivery<A>, { type: 'snapshot' }>;
}

describe('the pace snapshot every stream receives', () => {
	it('stays small for a rating of 40 items: the items are derived, not sent', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		const room = listen('room');
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const sent = lastSnapshot(room);
		expect(sent.data.activity?.kind).toBe('rate');
		// Sent to every stream at every pace: 10,000 streams × this many bytes. With the 40
		// items listed in full it was 4,694 bytes; without, 1,264.
		expect(encodeMessage(sent, sent.id).byteLength).toBeLessThan(1500);
		expect(JSON.stringify(sent.data)).not.toContain('"items"');
	});

	it('gives the client back exactly the snapshot the pages used to get', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		const room = listen('room');
		const staff = listen('staff');
		for (const index of [0, 1, 2, 3]) {
			await applyPace(seeded.workshopId, { type: 'goto', index });
			const current = (await getRoom(seeded.workshopId))!;
			const now = lastSnapshot(room).data.now;
			// Through JSON, as an EventSource gets it.
			const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));
			expect(receivedSnapshot(wire(lastSnapshot(room).data))).toEqual(
				wire(roomSnapshot(current, now))
			);
			expect(receivedSnapshot(wire(lastSnapshot(staff).data))).toEqual(
				wire(staffSnapshot(current, now))
			);
		}
	});
});
