import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	KNOWN_ADDRESS_MS,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	signUpPerAddress
} from '../../domain/throttle';
import type { Database } from '../db';
import { authThrottle } from '../db/schema';
import { testDatabase } from '../db/testing';
import {
	clearFailures,
	noteFailure,
	noteSignIn,
	noteSignInFailure,
	signInWait,
	takeSignUp,
	throttledFor
} from './throttle';

let db: Database;
let close: () => void;
beforeEach(async () => ({ db, close } = await testDatabase()));
afterEach(() => close());

describe('sign-in throttling in the database', () => {
	it('locks a key after the allowed failures and clears on success', async () => {
		const entry = { key: 'signin:account:a@example.org', policy: SIGN_IN_PER_ACCOUNT };
		const now = 1_000_000;
		for (let i = 0; i < SIGN_IN_PER_ACCOUNT.allowed; i++) await noteFailure(db, [entry], now + i);
		expect(await throttledFor(db, [entry.key], now + 10)).toBe(0);

		await noteFailure(db, [entry], now + 10);
		expect(await throttledFor(db, [entry.key, 'other'], now + 10)).toBe(60_000);

		await clearFailures(db, entry.key);
		expect(await throttledFor(db, [entry.key], now + 20)).toBe(0);
	});
});

describe('sign-in from an address shared by an office', () => {
	const office = '203.0.113.7';
	const now = 10_000_000;

	it('keeps a colleague who signed in from it before signing in while it is over its budget', async () => {
		await noteSignIn(db, 'ann@example.org', office, now - 86_400_000);
		// Someone in the office (or a script behind the same NAT) guesses at other accounts.
		for (let i = 0; i <= SIGN_IN_PER_ADDRESS.allowed; i++) {
			await noteSignInFailure(db, `target${i % 3}@example.org`, office, now + i);
		}
		const later = now + 100;
		expect(await signInWait(db, 'ann@example.org', office, later)).toBe(0);
		// An account new to the address waits, as do the accounts guessed at from it...
		expect(await signInWait(db, 'newcomer@example.org', office, later)).toBeGreaterThan(0);
		expect(await signInWait(db, 'target0@example.org', office, later)).toBeGreaterThan(0);
		// ... but not from elsewhere, unless their own allowance is spent.
		expect(await signInWait(db, 'newcomer@example.org', '198.51.100.1', later)).toBe(0);
	});

	it("holds an account's own lock even from an address it is known at", async () => {
		await noteSignIn(db, 'ann@example.org', office, now);
		for (let i = 0; i <= SIGN_IN_PER_ACCOUNT.allowed; i++) {
			await noteSignInFailure(db, 'ann@example.org', '198.51.100.1', now + i);
		}
		expect(await signInWait(db, 'ann@example.org', office, now + 100)).toBeGreaterThan(0);
	});

	it("forgives the account's failures on success, not the address's", async () => {
		for (let i = 0; i < 3; i++) await noteSignInFailure(db, 'bob@example.org', office, now + i);
		await noteSignIn(db, 'bob@example.org', office, now + 10);
		expect(await throttledFor(db, ['signin:account:bob@example.org'], now + 20)).toBe(0);
		const rows = await db.select().from(authThrottle);
		expect(rows.find((r) => r.key === `signin:address:${office}`)?.failures).toBe(3);
		// The pair is stored hashed: the table does not say who signs in from where.
		expect(rows.some((r) => r.key.includes('bob@'))).toBe(false);
	});

	it('forgets an address a month after the last sign-in from it', async () => {
		await noteSignIn(db, 'old@example.org', office, now);
		await noteSignIn(db, 'new@example.org', office, now + KNOWN_ADDRESS_MS + 1);
		const known = (await db.select().from(authThrottle)).filter((r) =>
			r.key.startsWith('signin:known:')
		);
		expect(known).toHaveLength(1);
	});
});

describe('sign-up throttling per address', () => {
	it('lets the allowance through, then refuses with a wait', async () => {
		const policy = signUpPerAddress(3);
		const now = 5_000_000;
		for (let i = 0; i < 3; i++) expect(await takeSignUp(db, '192.0.2.1', policy, now + i)).toBe(0);
		expect(await takeSignUp(db, '192.0.2.1', policy, now + 10)).toBe(60_000);
		expect(await takeSignUp(db, '192.0.2.1', policy, now + 20)).toBeGreaterThan(0);
		expect(await takeSignUp(db, '192.0.2.2', policy, now + 20)).toBe(0);
	});
});
