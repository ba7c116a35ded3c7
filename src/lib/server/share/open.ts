/**
 * Opening a read-only link from its token, throttled as join codes are (live/limits.ts, the same
 * `WRONG_CODES_PER_ADDRESS` policy, counted apart so that wrong join codes and wrong links do
 * not lock each other out): every token that does not open (unknown, revoked or expired, all
 * answered alike) spends one of the address's guesses; an address out of guesses is refused
 * (429) before the token is looked up, unless the same link opened from it before, so that a
 * guessing neighbour does not lock a board out of its own link. Counted per process.
 */
import { addressKey, WRONG_CODES_PER_ADDRESS } from '../live/limits';
import { createTokenBuckets } from '../live/rate-limit';
import type { Database } from '../db';
import { hashToken } from '../ids';
import { openShareLink } from './queries';

const MAX_ADDRESSES = WRONG_CODES_PER_ADDRESS.maxKeys ?? 50_000;
/** Links remembered per address as opened (their hashes, never the tokens). */
const KNOWN_PER_ADDRESS = 8;

export function createShareGuesses() {
	const wrong = createTokenBuckets(WRONG_CODES_PER_ADDRESS);
	const known = new Map<string, string[]>();
	return {
		/** Seconds to wait before this address may try this link; 0 when it may now. */
		wait(address: string, hash: string, now = performance.now()): number {
			const key = addressKey(address);
			if (wrong.has(key, 1, now) || known.get(key)?.includes(hash)) return 0;
			return Math.ceil(1 / WRONG_CODES_PER_ADDRESS.perSecond);
		},
		wrong(address: string, now = performance.now()) {
			wrong.take(addressKey(address), 1, now);
		},
		right(address: string, hash: string) {
			const key = addressKey(address);
			const list = known.get(key) ?? [];
			if (list.includes(hash)) return;
			known.delete(key);
			known.set(key, [hash, ...list].slice(0, KNOWN_PER_ADDRESS));
			if (known.size > MAX_ADDRESSES) known.delete(known.keys().next().value as string);
		}
	};
}

/** The guesses of this process. */
const guesses = createShareGuesses();

export type OpenResult =
	| { ok: true; link: NonNullable<Awaited<ReturnType<typeof openShareLink>>> }
	| { ok: false; status: 404 }
	| { ok: false; status: 429; retryAfter: number };

export async function openSharedLink(
	db: Database,
	input: { token: string; address: string; today: string },
	limiter = guesses
): Promise<OpenResult> {
	const hash = hashToken(input.token);
	const wait = limiter.wait(input.address, hash);
	if (wait > 0) return { ok: false, status: 429, retryAfter: wait };
	const link = await openShareLink(db, input.token, input.today);
	if (!link) {
		limiter.wrong(input.address);
		return { ok: false, status: 404 };
	}
	limiter.right(input.address, hash);
	return { ok: true, link };
}
