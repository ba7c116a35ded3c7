// The node:http server of scripts/serve.js, with its limits on slow and idle clients
// (slowloris: headers or bodies sent a byte at a time to hold connections open).
//
// - headers must arrive within `headersMs` of the connection or of the request's first byte,
//   the whole request (headers and body) within `requestMs`; otherwise node answers 408 and
//   closes the connection. Node checks every `checkEveryMs`, so a slow client is gone within
//   the limit plus that interval.
// - a kept-alive connection with no request in flight closes after `keepAliveMs`.
// - Responses are not limited: a live stream (SSE) stays open as long as the client reads it.
//   Its request (a GET) is complete once its headers are in, so neither limit applies to it
//   afterwards; no socket inactivity timeout is set, and the stream's heartbeat (every 20 s,
//   src/lib/server/live/sse.ts) keeps proxies from closing it. A client that stops reading is
//   dropped by the stream's own backlog limit.
import http from 'node:http';

export const TIMEOUTS = {
	headersMs: 10_000,
	requestMs: 30_000,
	keepAliveMs: 5_000,
	checkEveryMs: 2_000
};

/** The limits with the environment's overrides (seconds): HEADERS_TIMEOUT, REQUEST_TIMEOUT, KEEP_ALIVE_TIMEOUT. */
export function timeoutsFromEnv(env = process.env) {
	/** @type {(name: string, fallback: number) => number} */
	const ms = (name, fallback) => (env[name] ? Number(env[name]) * 1000 : fallback);
	return {
		headersMs: ms('HEADERS_TIMEOUT', TIMEOUTS.headersMs),
		requestMs: ms('REQUEST_TIMEOUT', TIMEOUTS.requestMs),
		keepAliveMs: ms('KEEP_ALIVE_TIMEOUT', TIMEOUTS.keepAliveMs),
		checkEveryMs: TIMEOUTS.checkEveryMs
	};
}

/**
 * @param {http.RequestListener} listener
 * @param {typeof TIMEOUTS} [timeouts]
 */
export function createAppServer(listener, timeouts = TIMEOUTS) {
	const server = http.createServer(
		{
			headersTimeout: timeouts.headersMs,
			requestTimeout: timeouts.requestMs,
			connectionsCheckingInterval: timeouts.checkEveryMs
		},
		listener
	);
	server.keepAliveTimeout = timeouts.keepAliveMs;
	// No idle timeout on sockets: it would cut live streams between heartbeats for nothing.
	server.timeout = 0;
	return server;
}
