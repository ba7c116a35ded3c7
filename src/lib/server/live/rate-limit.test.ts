import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './rate-limit';

describe('token buckets', () => {
	it('take and refill at the policy rate', () => {
		const buckets = createTokenBuckets({ perSecond: 2, burst: 2 });
		expect(buckets.take('a', 1, 0)).toEqual({ ok: true });
		expect(buckets.take('a', 1, 0)).toEqual({ ok: true });
		expect(buckets.take('a', 1, 0)).toEqual({ ok: false, retryAfterMs: 500 });
		expect(buckets.take('a', 1, 500)).toEqual({ ok: true });
	});

	it('forget the keys whose bucket filled up again, keep the others', () => {
		const buckets = createTokenBuckets({ perSecond: 1, burst: 100 });
		buckets.take('gone', 1, 0);
		buckets.take('busy', 1, 0);
		expect(buckets.size()).toBe(2);
		// 61 s later 'gone' is full again (forgotten), 'busy' keeps spending (kept).
		buckets.take('busy', 100, 30_000);
		buckets.take('other', 1, 61_000);
		expect(buckets.size()).toBe(2);
		expect(buckets.has('busy', 100, 61_000)).toBe(false);
		expect(buckets.has('gone', 100, 61_000)).toBe(true);
	});
});
