/**
 * One-time codes of a verified room: what one looks like, how typing is forgiven, and how many
 * may be printed. Pure rules; the codes themselves are made and stored in
 * server/access-codes/queries.ts, as hashes only.
 */

/** 32 letters and digits without the look-alikes 0/O and 1/I, so 5 bits a character. */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 10 characters: 50 bits, far beyond guessing at the throttled rate of wrong codes. */
export const ACCESS_CODE_LENGTH = 10;
/** Codes printed at once, and in all for one workshop. */
export const ACCESS_CODE_LIMITS = { batch: 200, total: 2000 } as const;

/** `ABCDE-FGHJK` for print: two halves are easier to copy by hand. */
export function formatAccessCode(code: string): string {
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as typed, upper-cased, without spaces or dashes; null when it cannot be one. */
export function normaliseAccessCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== ACCESS_CODE_LENGTH) return null;
	for (const c of code) if (!ACCESS_CODE_ALPHABET.includes(c)) return null;
	return code;
}
