import { describe, expect, it } from 'vitest';
import {
	KNOWN_ADDRESS_MS,
	recordFailure,
	retryAfter,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	signInRefusal,
	signUpPerAddress,
	type ThrottlePolicy,
	type ThrottleState
} from './throttle';

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
		const old = fail(3);
		const next = recordFailure(old, policy, 11 * MINUTE);
		expect(next).toEqual({ failures: 1, windowStartedAt: 11 * MINUTE, lockedUntil: null });
	});

	it('after a lock, starts afresh only a whole window past the end of the lock', () => {
		const locked = fail(5); // the last lock ends at 4 s + 2 min
		expect(recordFailure(locked, policy, 11 * MINUTE).failures).toBe(6);
		expect(recordFailure(locked, policy, 4000 + 12 * MINUTE + 1).failures).toBe(1);
	});

	it('has nothing to wait for without a state', () => {
		expect(retryAfter(null, 0)).toBe(0);
	});
});

/**
 * The most wrong guesses a patient script gets through in `hours` against one key: it tries
 * again the moment the key may be tried, every second (the fastest the test looks).
 */
function guessesIn(p: ThrottlePolicy, hours: number): number {
	let state: ThrottleState | null = null;
	let guesses = 0;
	for (let now = 0; now < hours * 60 * MINUTE; now += 1000) {
		if (retryAfter(state, now) > 0) continue;
		state = recordFailure(state, p, now);
		guesses++;
	}
	return guesses;
}

describe('sign-in figures (docs/security.md)', () => {
	it('gives a guesser at most 5 + 7 tries at one account in the first hour, then 4 an hour', () => {
		expect(guessesIn(SIGN_IN_PER_ACCOUNT, 1)).toBe(12);
		expect(guessesIn(SIGN_IN_PER_ACCOUNT, 24)).toBe(12 + 23 * 4);
	});

	it('gives one address at most 30 + 7 wrong passwords in the first hour, then 4 an hour', () => {
		expect(guessesIn(SIGN_IN_PER_ADDRESS, 1)).toBe(37);
		expect(guessesIn(SIGN_IN_PER_ADDRESS, 24)).toBe(37 + 23 * 4);
	});

	it('lets one address sign up 20 + 6 times in the first hour, then once an hour', () => {
		expect(guessesIn(signUpPerAddress(), 1)).toBe(26);
		expect(guessesIn(signUpPerAddress(), 24)).toBe(26 + 23);
	});
});

describe('signInRefusal', () => {
	const now = 100 * MINUTE;
	const lockedAddress = recordFailure(
		{ failures: SIGN_IN_PER_ADDRESS.allowed, windowStartedAt: now - MINUTE, lockedUntil: null },
		SIGN_IN_PER_ADDRESS,
		now
	);
	const lockedAccount = recordFailure(
		{ failures: SIGN_IN_PER_ACCOUNT.allowed, windowStartedAt: now - MINUTE, lockedUntil: null },
		SIGN_IN_PER_ACCOUNT,
		now
	);

	it('lets an account that signed in from a locked address before keep doing so', () => {
		const known = { account: null, address: lockedAddress, knownSince: now - 7 * 24 * 60 * MINUTE };
		expect(signInRefusal({ ...known, now })).toBe(0);
	});

	it('holds back accounts new to a locked address, or not seen there for a month', () => {
		expect(signInRefusal({ account: null, address: lockedAddress, knownSince: null, now })).toBe(
			MINUTE
		);
		const stale = now - KNOWN_ADDRESS_MS;
		expect(signInRefusal({ account: null, address: lockedAddress, knownSince: stale, now })).toBe(
			MINUTE
		);
	});

	it("always holds an account's own lock, from any address", () => {
		expect(
			signInRefusal({ account: lockedAccount, address: null, knownSince: now - MINUTE, now })
		).toBe(MINUTE);
	});
});
