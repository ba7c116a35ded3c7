import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_PER_ACCOUNT } from '../../domain/throttle';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { clearFailures, noteFailure, throttledFor } from './throttle';

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
