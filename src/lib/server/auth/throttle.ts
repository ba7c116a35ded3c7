import { eq, inArray } from 'drizzle-orm';
import {
	recordFailure,
	retryAfter,
	type ThrottlePolicy,
	type ThrottleState
} from '../../domain/throttle';
import type { Database } from '../db';
import { authThrottle } from '../db/schema';

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
