import { describe, expect, it } from 'vitest';
import { createPulseLimits } from './limits';

const T0 = 1_000_000;

describe('pulse and board limits', () => {
	it('cuts off a flood of new devices from one address, not an office answering', () => {
		const limits = createPulseLimits();
		const answer = (address: string, now = T0) =>
			limits.pulseAnswer({ address, pulseId: 'p', newDevice: true }, now).ok;
		const flood = Array.from({ length: 200 }, () => answer('10.0.0.1'));
		expect(flood.filter(Boolean)).toHaveLength(60);
		expect(limits.pulseAnswer({ address: '10.0.0.1', pulseId: 'p', newDevice: true }, T0)).toEqual({
			ok: false,
			retryAfter: 10
		});
		// Another address (another office) is not held up, and the first gets one every 10 s.
		expect(answer('10.0.0.2')).toBe(true);
		expect(answer('10.0.0.1', T0 + 10_000)).toBe(true);
		expect(answer('10.0.0.1', T0 + 10_001)).toBe(false);
	});

	it('lets known devices change their answers far more often', () => {
		const limits = createPulseLimits();
		const changes = Array.from(
			{ length: 300 },
			() => limits.pulseAnswer({ address: 'a', pulseId: 'p', newDevice: false }, T0).ok
		);
		expect(changes.every(Boolean)).toBe(true);
		expect(limits.pulseAnswer({ address: 'a', pulseId: 'p', newDevice: false }, T0).ok).toBe(false);
	});

	it('caps new devices per pulse whatever their addresses', () => {
		const limits = createPulseLimits();
		const spread = Array.from(
			{ length: 250 },
			(_, i) => limits.pulseAnswer({ address: `10.0.${i}.1`, pulseId: 'p', newDevice: true }, T0).ok
		);
		expect(spread.filter(Boolean)).toHaveLength(200);
		expect(limits.pulseAnswer({ address: 'x', pulseId: 'q', newDevice: true }, T0).ok).toBe(true);
	});

	it('refuses without spending: a refused request costs no other bucket', () => {
		const limits = createPulseLimits();
		for (let i = 0; i < 60; i++) {
			limits.pulseAnswer({ address: 'a', pulseId: 'p', newDevice: true }, T0);
		}
		// Refused for the address: the pulse's bucket keeps its tokens (140 left of 200).
		for (let i = 0; i < 10; i++) {
			limits.pulseAnswer({ address: 'a', pulseId: 'p', newDevice: true }, T0);
		}
		const others = Array.from(
			{ length: 141 },
			(_, i) => limits.pulseAnswer({ address: `b${i}`, pulseId: 'p', newDevice: true }, T0).ok
		);
		expect(others.filter(Boolean)).toHaveLength(140);
	});

	it('limits board posts and upvotes per address and per team', () => {
		const limits = createPulseLimits();
		const posts = Array.from(
			{ length: 100 },
			() => limits.boardPost({ address: 'a', teamId: 't', newDevice: false }, T0).ok
		);
		expect(posts.filter(Boolean)).toHaveLength(60);
		// New devices upvoting: the new-device bucket of the address stops them at 60.
		const upvotes = Array.from(
			{ length: 200 },
			() => limits.upvote({ address: 'b', teamId: 't', pulseId: 'p', newDevice: true }, T0).ok
		);
		expect(upvotes.filter(Boolean)).toHaveLength(60);
		// Known devices upvoting more posts: up to 300 at once per address.
		const known = Array.from(
			{ length: 400 },
			() => limits.upvote({ address: 'c', teamId: 't', newDevice: false }, T0).ok
		);
		expect(known.filter(Boolean)).toHaveLength(300);
	});
});
