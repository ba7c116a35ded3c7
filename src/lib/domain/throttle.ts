/**
 * Throttling of repeated failures (sign-in, joining with a code). Each key (an account, an
 * address) may fail `allowed` times within `window`; after that every further failure locks
 * the key for twice as long as the previous lock, from one minute up to `maxLock`.
 */
export interface ThrottlePolicy {
	allowed: number;
	windowMs: number;
	baseLockMs: number;
	maxLockMs: number;
}

export interface ThrottleState {
	failures: number;
	windowStartedAt: number;
	lockedUntil: number | null;
}

const MINUTE = 60_000;

export const SIGN_IN_PER_ACCOUNT: ThrottlePolicy = {
	allowed: 5,
	windowMs: 15 * MINUTE,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE
};

/** An address may hold several people behind one office NAT, so it gets more room. */
export const SIGN_IN_PER_ADDRESS: ThrottlePolicy = {
	allowed: 30,
	windowMs: 15 * MINUTE,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE
};

/** Milliseconds until the key may try again, or 0. */
export function retryAfter(state: ThrottleState | null, now: number): number {
	if (!state?.lockedUntil) return 0;
	return Math.max(0, state.lockedUntil - now);
}

export function recordFailure(
	state: ThrottleState | null,
	policy: ThrottlePolicy,
	now: number
): ThrottleState {
	const fresh = !state || now - state.windowStartedAt > policy.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStartedAt = fresh ? now : state.windowStartedAt;
	const over = failures - policy.allowed;
	const lockedUntil =
		over > 0 ? now + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (over - 1)) : null;
	return { failures, windowStartedAt, lockedUntil };
}
