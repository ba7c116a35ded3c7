/**
 * Token buckets in memory, per key: `perSecond` tokens flow in, up to `burst`. Enough to stop
 * one device flooding the live endpoints; each app instance counts for itself.
 */
export interface TokenBucketPolicy {
	perSecond: number;
	burst: number;
	/** Keys remembered at most; the oldest are forgotten first (a forgotten key starts full). */
	maxKeys?: number;
}

export interface TokenBuckets {
	/** Takes `cost` tokens if there are enough; otherwise returns the ms until there will be. */
	take(
		key: string,
		cost?: number,
		now?: number
	): { ok: true } | { ok: false; retryAfterMs: number };
	/** Whether `cost` tokens are there, without taking them. */
	has(key: string, cost?: number, now?: number): boolean;
	/** Keys remembered now (tests). */
	size(): number;
}

/** How often full buckets are forgotten (a full bucket is the same as none). */
const SWEEP_EVERY_MS = 60_000;

export function createTokenBuckets(policy: TokenBucketPolicy): TokenBuckets {
	const maxKeys = policy.maxKeys ?? 100_000;
	const buckets = new Map<string, { tokens: number; at: number }>();
	let sweptAt: number | null = null;

	/** Forgets the buckets that have filled up again, so keys of people long gone leave memory. */
	function sweep(now: number) {
		sweptAt ??= now;
		if (now - sweptAt < SWEEP_EVERY_MS) return;
		sweptAt = now;
		for (const key of buckets.keys()) if (level(key, now) >= policy.burst) buckets.delete(key);
	}

	function level(key: string, now: number) {
		const bucket = buckets.get(key);
		if (!bucket) return policy.burst;
		return Math.min(policy.burst, bucket.tokens + ((now - bucket.at) / 1000) * policy.perSecond);
	}

	return {
		take(key, cost = 1, now = performance.now()) {
			sweep(now);
			const tokens = level(key, now);
			if (tokens < cost) {
				return { ok: false, retryAfterMs: Math.ceil(((cost - tokens) / policy.perSecond) * 1000) };
			}
			buckets.delete(key);
			buckets.set(key, { tokens: tokens - cost, at: now });
			if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
			return { ok: true };
		},
		has(key, cost = 1, now = performance.now()) {
			return level(key, now) >= cost;
		},
		size: () => buckets.size
	};
}
