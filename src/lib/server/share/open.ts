/**
 * Opening a read-only link from its token, throttled as join codes are (live/limits.ts): every
 * token that does not open (unknown, revoked or expired, all answered alike) spends one of the
 * address's guesses (`WRONG_CODES_PER_ADDRESS`, shared with join codes: one budget of guesses
 * per address); an address out of guesses is refused (429) before the token is looked up,
 * unless the same token opened from it before, so that a guessing neighbour does not lock a
 * board out of its own link.
 */
import { LiveError } from '../live/errors';
import { checkCodeGuess, codeWasRight, codeWasWrong } from '../live/limits';
import type { Database } from '../db';
import { hashToken } from '../ids';
import { openShareLink } from './queries';

export type OpenResult =
	| { ok: true; link: NonNullable<Awaited<ReturnType<typeof openShareLink>>> }
	| { ok: false; status: 404 }
	| { ok: false; status: 429; retryAfter: number };

export async function openSharedLink(
	db: Database,
	input: { token: string; address: string; today: string }
): Promise<OpenResult> {
	// The limiter remembers codes that were right per address: it keeps the hash, not the token.
	const key = `share:${hashToken(input.token)}`;
	try {
		checkCodeGuess(input.address, key);
	} catch (e) {
		if (!(e instanceof LiveError)) throw e;
		return { ok: false, status: 429, retryAfter: e.details.retryAfter ?? 1 };
	}
	const link = await openShareLink(db, input.token, input.today);
	if (!link) {
		codeWasWrong(input.address);
		return { ok: false, status: 404 };
	}
	codeWasRight(input.address, key);
	return { ok: true, link };
}
