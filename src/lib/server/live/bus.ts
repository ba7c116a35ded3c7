/**
 * Publish/subscribe for live events, per workshop and audience.
 *
 * The seam: routes and the live modules only ever call `liveBus()`. Today that is the
 * in-process bus below. To spread one workshop over several app instances, write a second
 * `LiveBus` (e.g. Redis pub/sub: `publish` sends JSON to channel `live:<workshopId>:<audience>`,
 * each instance subscribes to a channel while it has local listeners and hands every message it
 * receives to them) and install it with `useLiveBus()` at startup. Nothing else changes; see
 * docs/architecture.md for what else a second instance needs (room cache, presence).
 */
import type { Audience, Broadcast } from './events';

/** A message as delivered: the same object goes to every listener, so it is encoded once. */
export type Delivery<A extends Audience> = Broadcast<A> & { readonly id: number };

export type Listener<A extends Audience> = (delivery: Delivery<A>) => void;

export interface LiveBus {
	publish<A extends Audience>(workshopId: string, audience: A, message: Broadcast<A>): void;
	/** Returns the function that ends the subscription. */
	subscribe<A extends Audience>(workshopId: string, audience: A, listener: Listener<A>): () => void;
	/** Listeners on this instance (live connections), for presence counts. */
	localListeners(workshopId: string, audience: Audience): number;
}

export function createMemoryBus(): LiveBus {
	// Listener<A> varies by audience; the channel key already keeps audiences apart.
	const channels = new Map<string, Set<Listener<Audience>>>();
	const key = (workshopId: string, audience: Audience) => `${audience}:${workshopId}`;
	let sequence = 0;

	return {
		publish(workshopId, audience, message) {
			const listeners = channels.get(key(workshopId, audience));
			if (!listeners) return;
			const delivery = { ...message, id: ++sequence } as Delivery<Audience>;
			for (const listener of listeners) {
				try {
					listener(delivery);
				} catch (error) {
					// One broken connection must not keep the message from the others.
					console.error('live listener failed', error);
				}
			}
		},
		subscribe(workshopId, audience, listener) {
			const k = key(workshopId, audience);
			let listeners = channels.get(k);
			if (!listeners) channels.set(k, (listeners = new Set()));
			const added = listener as unknown as Listener<Audience>;
			listeners.add(added);
			return () => {
				listeners.delete(added);
				if (listeners.size === 0 && channels.get(k) === listeners) channels.delete(k);
			};
		},
		localListeners(workshopId, audience) {
			return channels.get(key(workshopId, audience))?.size ?? 0;
		}
	};
}

let current: LiveBus = createMemoryBus();

export function liveBus(): LiveBus {
	return current;
}

/** Replaces the bus (another transport, or a fresh one in tests). */
export function useLiveBus(bus: LiveBus): void {
	current = bus;
}
