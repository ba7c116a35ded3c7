import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { createMemoryBus, liveBus } from './bus';
import type { Counts } from './events';
import { applyPace, getRoom, joinWorkshop } from './rooms';
import { liveStream, openStreams } from './sse';
import { roomStream } from './streams';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';

interface Frame {
	id?: string;
	event?: string;
	data?: unknown;
	retry?: string;
}

/** Reads SSE frames off a response body as they come. */
function frames(response: Response) {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	return {
		reader,
		async next(): Promise<Frame> {
			for (;;) {
				const end = buffer.indexOf('\n\n');
				if (end >= 0) {
					const raw = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const frame: Frame = {};
					for (const line of raw.split('\n')) {
						const [field, ...rest] = line.split(': ');
						const value = rest.join(': ');
						if (field === 'data') frame.data = JSON.parse(value);
						else if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
					}
					return frame;
				}
				const { value, done } = await reader.read();
				if (done) throw new Error('stream ended');
				buffer += decoder.decode(value, { stream: true });
			}
		}
	};
}

const counts = (joined: number): Counts => ({
	activityId: null,
	joined,
	connected: 0,
	answered: 0
});

describe('liveStream', () => {
	it('sends retry and the snapshot first, then what is published, with ids', async () => {
		const bus = createMemoryBus();
		const response = liveStream({
			workshopId: 'w',
			audience: 'staff',
			bus,
			first: () => [{ type: 'joined', data: { nickname: 'first' } }]
		});
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const stream = frames(response);
		expect(await stream.next()).toEqual({ retry: '3000' });
		expect(await stream.next()).toEqual({ event: 'joined', data: { nickname: 'first' } });
		bus.publish('w', 'staff', { type: 'counts', data: counts(4) });
		const published = await stream.next();
		expect(published).toMatchObject({ event: 'counts', data: counts(4) });
		expect(Number(published.id)).toBeGreaterThan(0);
		await stream.reader.cancel();
	});

	it('sends personal messages after the snapshot and holds back what arrives meanwhile', async () => {
		const bus = createMemoryBus();
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const stream = frames(
			liveStream({
				workshopId: 'w',
				audience: 'room',
				bus,
				first: () => [{ type: 'counts', data: counts(1) }],
				personal: async () => {
					await gate;
					return [{ type: 'mine', data: { a: { i: 1 } } }];
				}
			})
		);
		await stream.next();
		expect((await stream.next()).data).toEqual(counts(1));
		bus.publish('w', 'room', { type: 'counts', data: counts(2) });
		release();
		expect(await stream.next()).toEqual({ event: 'mine', data: { a: { i: 1 } } });
		expect((await stream.next()).data).toEqual(counts(2));
		await stream.reader.cancel();
	});

	it('unsubscribes and reports the close when the client goes away', async () => {
		const bus = createMemoryBus();
		const onClose = vi.fn();
		const before = openStreams();
		const cancelled = frames(
			liveStream({ workshopId: 'w', audience: 'room', bus, first: () => [], onClose })
		);
		const abort = new AbortController();
		liveStream({
			workshopId: 'w',
			audience: 'room',
			bus,
			first: () => [],
			onClose,
			signal: abort.signal
		});
		expect(bus.localListeners('w', 'room')).toBe(2);
		expect(openStreams()).toBe(before + 2);
		await cancelled.reader.cancel();
		abort.abort();
		expect(bus.localListeners('w', 'room')).toBe(0);
		expect(openStreams()).toBe(before);
		expect(onClose).toHaveBeenCalledTimes(2);
	});
});

describe('roomStream', () => {
	let db: Database;
	let close: () => void;
	beforeEach(async () => {
		({ db, close } = await testDatabase());
	});
	afterEach(() => close());

	it('gives a reconnecting participant a fresh snapshot and their own answers', async () => {
		const seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
		installLive(db);
		const p = await joinWorkshop(seeded.workshopId, null);
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const itemId = `${seeded.valueIds[0]}:current`;
		await submitAnswers({
			workshopId: seeded.workshopId,
			participantToken: p.token,
			activityId: seeded.activities.rate.id,
			answers: { [itemId]: 8 },
			address: '192.0.2.1'
		});

		const room = (await getRoom(seeded.workshopId))!;
		const stream = frames(roomStream(room, p.participantId));
		await stream.next();
		const snapshot = await stream.next();
		expect(snapshot.event).toBe('snapshot');
		expect(snapshot.data).toMatchObject({
			workshop: { id: seeded.workshopId, status: 'live' },
			activity: { id: seeded.activities.rate.id, kind: 'rate' },
			counts: { joined: 1, answered: 1, connected: 1 },
			results: null
		});
		expect(await stream.next()).toEqual({
			event: 'mine',
			data: { [seeded.activities.rate.id]: { [itemId]: 8 } }
		});

		// Results reach the room only once revealed, and then within the snapshot.
		await applyPace(seeded.workshopId, { type: 'reveal' });
		const revealed = await stream.next();
		expect(revealed.event).toBe('snapshot');
		expect((revealed.data as { results: unknown }).results).toMatchObject({ respondents: 1 });
		await stream.reader.cancel();
		expect(liveBus().localListeners(seeded.workshopId, 'room')).toBe(0);
	});
});
