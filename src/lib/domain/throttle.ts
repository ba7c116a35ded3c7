/**
 * Throttling of repeated failures (sign-in) and of attempts (sign-up). Each key (an account,
 * an address) may fail `allowed` times within `window`; after that every further failure locks
 * the key for twice as long as the previous lock, from one minute up to `maxLock`. Once a key
 * has been locked, its count starts afresh only after a whole quiet `window` past the end of
 * its lock, so waiting out the locks never earns a new allowance sooner.
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

/**
 * An address may hold several people behind one office NAT, so it gets more room; and its
 * lock holds back only accounts that have not signed in from it before (signInRefusal).
 */
export const SIGN_IN_PER_ADDRESS: ThrottlePolicy = {
	allowed: 30,
	windowMs: 15 * MINUTE,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE
};

/** How long a successful sign-in from an address vouches for that account there. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;

/**
 * Sign-ups from one address: every attempt counts (a sign-up never "fails" in a way we could
 * tell the person). A team's members signing up through their invitations fit in; a script
 * founding organisations by the hundred does not.
 */
export function signUpPerAddress(allowed = 20): ThrottlePolicy {
	return { allowed, windowMs: 60 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };
}

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
	const quietSince = state ? Math.max(state.windowStartedAt, state.lockedUntil ?? 0) : 0;
	const fresh = !state || now - quietSince > policy.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStartedAt = fresh ? now : state.windowStartedAt;
	const over = failures - policy.allowed;
	const lockedUntil =
		over > 0 ? now + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (over - 1)) : null;
	return { failures, windowStartedAt, lockedUntil };
}

/**
 * Whether a sign-in attempt is refused unchecked (the password not even compared), and for how
 * long. The account's own lock always holds: it is what bounds guessing at one account. The
 * address's lock holds only for an account that has not signed in from that address within
 * `KNOWN_ADDRESS_MS`: it stops one address guessing at account after account, while the people
 * of an office that shares it, who have signed in from there before, keep signing in.
 */
export function signInRefusal(input: {
	account: ThrottleState | null;
	address: ThrottleState | null;
	/** When the account last signed in from this address, or null. */
	knownSince: number | null;
	now: number;
}): number {
	const { account, address, knownSince, now } = input;
	const accountWait = retryAfter(account, now);
	if (accountWait > 0) return accountWait;
	const known = knownSince !== null && now - knownSince < KNOWN_ADDRESS_MS;
	return known ? 0 : retryAfter(address, now);
}
