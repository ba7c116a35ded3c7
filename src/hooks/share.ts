import type { Handle } from '@sveltejs/kit';

/** The path of read-only links (src/routes/s/[token]), their page data and their error pages. */
export const SHARED_PATH = /^\/s\//;

/**
 * Headers of everything under a read-only link, its 404 and 429 included: search engines must
 * not index it, the token in its address must not leave as a Referer (the page links nowhere,
 * but a printed PDF or a browser extension might follow something), and no cache, shared or
 * the browser's, may keep the dashboard after the link is revoked. Runs outermost, so that
 * it overrides the general Referrer-Policy (hooks/security.ts).
 */
export const SHARED_HEADERS: Readonly<Record<string, string>> = {
	'x-robots-tag': 'noindex, nofollow',
	'referrer-policy': 'no-referrer',
	'cache-control': 'private, no-store'
};

export const sharedLinkHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (SHARED_PATH.test(event.url.pathname)) {
		for (const name in SHARED_HEADERS) response.headers.set(name, SHARED_HEADERS[name]);
	}
	return response;
};
