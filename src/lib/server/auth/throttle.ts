import { and, eq, inArray, like, lt } from 'drizzle-orm';
import {
	KNOWN_ADDRESS_MS,
	recordFailure,
	retryAfter,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	signInRefusal,
	type ThrottlePolicy,
	type ThrottleState
} from '../../domain/throttle';
import type { Database } from '../db';
import { authThrottle } from '../db/schema';
import { hashToken } from '../ids';

function toState(row: typeof authThrottle.$inferSelect | undefined): ThrottleState | null {
	if (!row) return null;
	return {
		failures: row.failures,
		windowStartedAt: row.windowStartedAt.getTime(),
		lockedUntil: row.lockedUntil?.getTime() ?? null
	};
}

/** The longest wait, in milliseconds, that any of the keys is under; 0 when all may try. */
export async function throttledFor(
	db: Database,
	keys: string[],
	now = Date.now()
): Promise<number> {
	const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
	return Math.max(0, ...rows.map((row) => retryAfter(toState(row), now)));
}

export async function noteFailure(
	db: Database,
	entries: { key: string; policy: ThrottlePolicy }[],
	now = Date.now()
): Promise<void> {
	await db.transaction(async (tx) => {
		for (const { key, policy } of entries) {
			const [row] = await tx.select().from(authThrottle).where(eq(authThrottle.key, key));
			const next = recordFailure(toState(row), policy, now);
			const values = {
				failures: next.failures,
				windowStartedAt: new Date(next.windowStartedAt),
				lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil)
			};
			await tx
				.insert(authThrottle)
				.values({ key, ...values })
				.onConflictDoUpdate({ target: authThrottle.key, set: values });
		}
	});
}

export async function clearFailures(db: Database, key: string): Promise<void> {
	await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** The rows of the sign-in throttle for one attempt: the account, the address, and the pair. */
function signInKeys(email: string, address: string) {
	return {
		account: `signin:account:${email}`,
		address: `signin:address:${address}`,
		// Hashed: the table need not say which account signs in from where.
		known: `signin:known:${hashToken(`${email}\n${address}`)}`
	};
}

/**
 * Milliseconds the attempt must wait, refused unchecked; 0 to check the password. The account's
 * lock always applies; the address's only to accounts not signed in from it before
 * (domain/throttle.ts `signInRefusal`).
 */
export async function signInWait(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
): Promise<number> {
	const keys = signInKeys(email, address);
	const rows = await db
		.select()
		.from(authThrottle)
		.where(inArray(authThrottle.key, [keys.account, keys.address, keys.known]));
	const row = (key: string) => rows.find((r) => r.key === key);
	return signInRefusal({
		account: toState(row(keys.account)),
		address: toState(row(keys.address)),
		knownSince: row(keys.known)?.windowStartedAt.getTime() ?? null,
		now
	});
}

export async function noteSignInFailure(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
): Promise<void> {
	const keys = signInKeys(email, address);
	await noteFailure(
		db,
		[
			{ key: keys.account, policy: SIGN_IN_PER_ACCOUNT },
			{ key: keys.address, policy: SIGN_IN_PER_ADDRESS }
		],
		now
	);
}

/**
 * A correct password: the account's failures are forgiven (not the address's: a guesser must
 * not reset them by signing in to an account of their own), and the address is remembered as
 * one this account signs in from. Pairs not seen for `KNOWN_ADDRESS_MS` are forgotten.
 */
export async function noteSignIn(
	db: Database,
	email: string,
	address: string,
	now = Date.now()
): Promise<void> {
	const keys = signInKeys(email, address);
	const values = { failures: 0, windowStartedAt: new Date(now), lockedUntil: null };
	await db.batch([
		db.delete(authThrottle).where(eq(authThrottle.key, keys.account)),
		db
			.insert(authThrottle)
			.values({ key: keys.known, ...values })
			.onConflictDoUpdate({ target: authThrottle.key, set: values }),
		db
			.delete(authThrottle)
			.where(
				and(
					like(authThrottle.key, 'signin:known:%'),
					lt(authThrottle.windowStartedAt, new Date(now - KNOWN_ADDRESS_MS))
				)
			)
	]);
}

/**
 * A sign-up attempt from an address, counted: 0 when it may go ahead, otherwise the
 * milliseconds to wait (the attempt past the allowance is refused and starts the lock; while
 * locked, attempts are refused and not counted).
 */
export async function takeSignUp(
	db: Database,
	address: string,
	policy: ThrottlePolicy,
	now = Date.now()
): Promise<number> {
	const key = `signup:address:${address}`;
	const wait = await throttledFor(db, [key], now);
	if (wait > 0) return wait;
	await noteFailure(db, [{ key, policy }], now);
	return throttledFor(db, [key], now);
}
