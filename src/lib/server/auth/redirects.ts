/**
 * Characters no path of ours contains and that browsers treat specially when they parse a
 * `Location`: C0 and C1 controls (Chromium drops tab and newline, so `/\t/evil.example` becomes
 * `//evil.example`), invisible format characters (bidi overrides and the like), line and
 * paragraph separators, and the backslash (which browsers read as `/`).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/u;
const MAX_LENGTH = 2000;
const HERE = 'http://same-site.invalid';

/** The value with percent-escapes undone, as often as they nest (stops at a malformed one). */
function fullyDecoded(value: string): string {
	let current = value;
	for (let round = 0; round < 5; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return current;
		}
		if (next === current) return current;
		current = next;
	}
	return current;
}

/**
 * A `next` (or `redirectTo`) parameter as a path on this site, or the fallback: never an open
 * redirect, never a header that cannot be sent. Refused: anything not starting with a single
 * `/`, and anything that holds, plainly or percent-encoded, a control or format character, a
 * backslash or a leading `//`. What passes is re-serialised by the URL parser, so the answer's
 * `Location` is plain ASCII on this origin.
 */
export function safeNext(next: unknown, fallback = '/app'): string {
	if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return fallback;
	if (!next.startsWith('/') || next.startsWith('//') || UNSAFE.test(next)) return fallback;
	const decoded = fullyDecoded(next);
	if (decoded.startsWith('//') || UNSAFE.test(decoded)) return fallback;
	let url: URL;
	try {
		url = new URL(next, HERE);
	} catch {
		return fallback;
	}
	if (url.origin !== HERE) return fallback;
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('//') ? fallback : path;
}
