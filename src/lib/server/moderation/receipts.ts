/**
 * Receipts for anonymous board posts: 128 random bits the posting device keeps in a cookie
 * (`r_<teamId>`, httpOnly); the server stores only each one's SHA-256, beside the post, and
 * nothing that links it to a participant, a person or the device's other tokens.
 */
import type { Cookies } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { addReceipt, formatReceipts, parseReceipts } from '../../domain/moderation';
import { hashToken } from '../ids';

const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const name = (teamId: string) => `r_${teamId}`;

export function newReceipt(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));
}

/** The hashes of the receipts this device holds for the team's board. */
export function receiptHashes(cookies: Cookies, teamId: string): string[] {
	return parseReceipts(cookies.get(name(teamId))).map(hashToken);
}

/** A new receipt, kept on the device; returns the hash to store beside the post. */
export function issueReceipt(cookies: Cookies, teamId: string): string {
	const receipt = newReceipt();
	const kept = addReceipt(parseReceipts(cookies.get(name(teamId))), receipt);
	cookies.set(name(teamId), formatReceipts(kept), {
		// Read only by the pulse board (/pulse/<code>/board), so sent nowhere else.
		path: '/pulse',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: MAX_AGE_SECONDS
	});
	return hashToken(receipt);
}
