import type { Handle } from '@sveltejs/kit';
import { securityHeadersFor } from '$lib/server/security-headers';

/**
 * Headers every response carries (src/lib/server/security-headers.ts; the Content-Security-
 * Policy comes from svelte.config.js), and `Cache-Control: private, no-store` on whatever a
 * signed-in person is sent that does not say otherwise: their pages and page data must not be
 * kept by a shared proxy, nor by the browser of a shared computer after they signed out.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = securityHeadersFor(event.url.protocol === 'https:');
	for (const name in headers) response.headers.set(name, headers[name]);
	const html = response.headers.get('content-type')?.startsWith('text/html');
	if (event.locals.user && (html || !response.headers.has('cache-control'))) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};
