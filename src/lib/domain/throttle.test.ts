import { describe, expect, it } from 'vitest';
import { recordFailure, retryAfter, type ThrottlePolicy } from './throttle';

const MINUTE = 60_000;
const policy: ThrottlePolicy = {
	allowed: 3,
	windowMs: 10 * MINUTE,
	baseLockMs: MINUTE,
	maxLockMs: 4 * MINUTE
};

function fail(times: number, start = 0, step = 1000) {
	let state = null;
	for (let i = 0; i < times; i++) state = recordFailure(state, policy, start + i * step);
	return state!;
}

describe('throttle', () => {
	it('allows the first failures without a lock', () => {
		const state = fail(3);
		expect(state.failures).toBe(3);
		expect(state.lockedUntil).toBeNull();
		expect(retryAfter(state, 3000)).toBe(0);
	});

	it('locks after the allowance, doubling up to the maximum', () => {
		// 4th failure at t=3s: 1 min; 5th at 4s: 2 min; 6th at 5s: 4 min; 7th at 6s: capped at 4 min.
		expect(fail(4).lockedUntil).toBe(3000 + MINUTE);
		expect(fail(5).lockedUntil).toBe(4000 + 2 * MINUTE);
		expect(fail(6).lockedUntil).toBe(5000 + 4 * MINUTE);
		expect(fail(7).lockedUntil).toBe(6000 + 4 * MINUTE);
		expect(retryAfter(fail(4), 3000 + 30_000)).toBe(30_000);
	});

	it('starts a fresh window once the old one has passed', () => {
		const old = fail(5);
		const next = recordFailure(old, policy, 11 * MINUTE);
		expect(next).toEqual({ failures: 1, windowStartedAt: 11 * MINUTE, lockedUntil: null });
	});

	it('has nothing to wait for without a state', () => {
		expect(retryAfter(null, 0)).toBe(0);
	});
});
