/** A `next` parameter as a path on this site, or the fallback: never an open redirect. */
export function safeNext(next: string | null | undefined, fallback = '/app'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return fallback;
	}
	return next;
}
