import { describe, expect, it, vi } from 'vitest';
import { createMemoryBus, type Delivery } from './bus';
import type { Counts } from './events';

const counts = (joined: number): Counts => ({
	activityId: null,
	joined,
	connected: 0,
	answered: 0
});

describe('the in-process bus', () => {
	it('delivers to the subscribers of one workshop and audience only', () => {
		const bus = createMemoryBus();
		const room = vi.fn();
		const staff = vi.fn();
		const other = vi.fn();
		bus.subscribe('w1', 'room', room);
		bus.subscribe('w1', 'staff', staff);
		bus.subscribe('w2', 'room', other);
		bus.publish('w1', 'room', { type: 'counts', data: counts(3) });
		expect(room).toHaveBeenCalledOnce();
		expect(room.mock.calls[0][0]).toMatchObject({ type: 'counts', data: counts(3) });
		expect(staff).not.toHaveBeenCalled();
		expect(other).not.toHaveBeenCalled();
	});

	it('hands every listener the same delivery, with increasing ids', () => {
		const bus = createMemoryBus();
		const seen: Delivery<'room'>[][] = [[], []];
		bus.subscribe('w', 'room', (d) => seen[0].push(d));
		bus.subscribe('w', 'room', (d) => seen[1].push(d));
		bus.publish('w', 'room', { type: 'counts', data: counts(1) });
		bus.publish('w', 'room', { type: 'counts', data: counts(2) });
		expect(seen[0][0]).toBe(seen[1][0]);
		expect(seen[0][1].id).toBeGreaterThan(seen[0][0].id);
	});

	it('stops delivering after unsubscribe and counts local listeners', () => {
		const bus = createMemoryBus();
		const listener = vi.fn();
		const stop = bus.subscribe('w', 'room', listener);
		bus.subscribe('w', 'room', () => {});
		expect(bus.localListeners('w', 'room')).toBe(2);
		stop();
		stop();
		expect(bus.localListeners('w', 'room')).toBe(1);
		bus.publish('w', 'room', { type: 'counts', data: counts(1) });
		expect(listener).not.toHaveBeenCalled();
	});

	it('keeps delivering to the others when one listener throws', () => {
		const bus = createMemoryBus();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const after = vi.fn();
		bus.subscribe('w', 'staff', () => {
			throw new Error('broken');
		});
		bus.subscribe('w', 'staff', after);
		bus.publish('w', 'staff', { type: 'joined', data: { nickname: null } });
		expect(after).toHaveBeenCalledOnce();
		error.mockRestore();
	});
});
