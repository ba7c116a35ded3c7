/**
 * Opening a read-only link from its token, throttled as join codes are (live/limits.ts, the same
 * `WRONG_CODES_PER_ADDRESS` policy, counted apart so that wrong join codes and wrong links do
 * not lock each other out): every token that does not open (unknown, revoked or expired, all
 * answered alike) spends one of the address's guesses; an address out of guesses is refused
 * (429) before the token is looked up, unless the same link opened from it before, so that a
 * guessing neighbour does not lock a board out of its own link. Counted per process.
 */
import { createGuesses, WRONG_CODES_PER_ADDRESS } from '../live/limits';
import type { Database } from '../db';
import { hashToken } from '../ids';
import { openShareLink } from './queries';

/** The guesses of this process, apart from the join codes' (links remembered by hash). */
const guesses = createGuesses(WRONG_CODES_PER_ADDRESS);

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
	if (wait > 0) return { ok: false, status: 429, retryAfter: Math.ceil(wait / 1000) };
	const link = await openShareLink(db, input.token, input.today);
	if (!link) {
		limiter.wrong(input.address);
		return { ok: false, status: 404 };
	}
	limiter.right(input.address, hash);
	return { ok: true, link };
}
