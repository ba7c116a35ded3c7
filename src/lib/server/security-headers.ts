/**
 * The security headers of every response, in one place for the three ways a response leaves
 * the app: SvelteKit's `handle` hook (src/hooks/security.ts), the lean path for participants'
 * answers and streams (live/lean.ts), and scripts/serve.js, which puts them on everything
 * else before adapter-node answers: static files and the responses SvelteKit sends without
 * running the hooks (its cross-site refusal, 403). The Content-Security-Policy of pages comes
 * from svelte.config.js.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/**
 * A year, this host only: `includeSubDomains` and `preload` would bind every other site of the
 * operator's domain to https, which is theirs to decide (at their proxy).
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Whether the request reached us over https, decided as adapter-node decides the URL's
 * protocol: from `ORIGIN` when it is set (scripts/serve.js always sets it), otherwise from the
 * header named by `PROTOCOL_HEADER` (e.g. `x-forwarded-proto`), which an operator sets only
 * behind a proxy they trust to overwrite it. A browser ignores the header over plain http, so
 * a wrong "yes" costs nothing; a wrong "no" only loses the header.
 */
export function servedOverHttps(
	headers: IncomingHttpHeaders,
	env: Record<string, string | undefined> = process.env
): boolean {
	if (env.ORIGIN) return env.ORIGIN.startsWith('https:');
	const protocolHeader = env.PROTOCOL_HEADER?.toLowerCase();
	if (!protocolHeader) return true; // adapter-node's own default
	const value = headers[protocolHeader];
	return (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim() === 'https';
}

/** The headers for a response, with Strict-Transport-Security over https. */
export function securityHeadersFor(https: boolean): Record<string, string> {
	return https
		? { ...SECURITY_HEADERS, 'strict-transport-security': STRICT_TRANSPORT_SECURITY }
		: { ...SECURITY_HEADERS };
}

/** Flat [name, value, …] lists, made once: the lean path writes them on every answer. */
const FLAT = {
	http: Object.entries(securityHeadersFor(false)).flat(),
	https: Object.entries(securityHeadersFor(true)).flat()
};

export function securityHeaderList(headers: IncomingHttpHeaders): readonly string[] {
	return servedOverHttps(headers) ? FLAT.https : FLAT.http;
}

/** Sets the headers on a node response before anything else writes to it. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
	const list = securityHeaderList(req.headers);
	for (let i = 0; i < list.length; i += 2) res.setHeader(list[i], list[i + 1]);
}

export const SECURITY_HEADERS_HOOK = Symbol.for('undercurrent.security-headers');

/** Puts `setSecurityHeaders` where scripts/serve.js looks for it (the custom server is outside the bundle). */
export function registerSecurityHeaders(): void {
	(globalThis as Record<symbol, unknown>)[SECURITY_HEADERS_HOOK] = setSecurityHeaders;
}
