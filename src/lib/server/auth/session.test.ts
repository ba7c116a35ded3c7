import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { sessions } from '../db/schema';
import { testDatabase } from '../db/testing';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME,
	validateSessionToken
} from './session';
import { hashPassword, verifyPassword } from './password';

let db: Database;
let close: () => void;
let userId: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const created = await createUserWithOrganisation(
		db,
		{ email: 'ann@example.org', name: 'Ann', passwordHash: 'x' },
		'Acme'
	);
	userId = created.user.id;
});

afterEach(() => {
	vi.useRealTimers();
	close();
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId);
		const rows = await db.select().from(sessions);
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(session.id);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0].id).not.toContain(token);
	});

	it('validates a token to its user, and refuses an unknown one', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId);
		const result = await validateSessionToken(db, token);
		expect(result?.user).toEqual({ id: userId, email: 'ann@example.org', name: 'Ann' });
		expect(await validateSessionToken(db, generateSessionToken())).toBeNull();
	});

	it('slides the expiry once half the lifetime has passed, and expires after it', async () => {
		vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] });
		const token = generateSessionToken();
		const { expiresAt } = await createSession(db, token, userId);

		vi.setSystemTime(Date.now() + SESSION_LIFETIME / 4);
		expect((await validateSessionToken(db, token))?.session.expiresAt).toEqual(expiresAt);

		vi.setSystemTime(Date.now() + SESSION_LIFETIME / 2);
		const renewed = (await validateSessionToken(db, token))?.session.expiresAt;
		expect(renewed?.getTime()).toBe(Date.now() + SESSION_LIFETIME);

		vi.setSystemTime(Date.now() + SESSION_LIFETIME + 1);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await db.select().from(sessions)).toHaveLength(0);
	});

	it('is gone after sign-out, one session or all of a user', async () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		const sa = await createSession(db, a, userId);
		await createSession(db, b, userId);
		await invalidateSession(db, sa.id);
		expect(await validateSessionToken(db, a)).toBeNull();
		expect(await validateSessionToken(db, b)).not.toBeNull();
		await invalidateUserSessions(db, userId);
		expect(await validateSessionToken(db, b)).toBeNull();
	});
});

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'wrong')).toBe(false);
		expect(await verifyPassword('not a hash', 'wrong')).toBe(false);
	});
});
