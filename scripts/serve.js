// Starts the production build with defaults that work on a fresh machine: the embedded
// database under ./data and http://localhost:3000. Every default yields to the environment.
//
// A small custom server around adapter-node's handler: the hot requests, a participant's
// answers and live stream, go to the app's lean node:http handler (src/lib/server/live/lean.ts),
// which the app registers on a global at startup; everything else goes through SvelteKit.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupLines } from './banner.js';
import { createAppServer, timeoutsFromEnv } from './server.js';

process.env.PORT ||= '3000';
process.env.HOST ||= '0.0.0.0';
// adapter-node refuses form posts whose Origin it cannot check; tell it where we live.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.env.DATABASE_URL ||= 'file:./data/undercurrent.db';

const buildDir = process.env.BUILD_DIR
	? resolve(process.env.BUILD_DIR)
	: resolve(import.meta.dirname, '../build');
// Importing the handler runs the app's `init` hook: database migrated, lean path registered.
const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);
const LEAN_PATH = Symbol.for('undercurrent.live');
// Security headers for what the app's hooks never see (static files, SvelteKit's cross-site
// 403): set here before adapter-node answers; src/lib/server/security-headers.ts.
const SECURITY_HEADERS = Symbol.for('undercurrent.security-headers');

const notFound = (_req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};

let stopping = false;
// Slow and idle clients are closed (headers 10 s, whole request 30 s); live streams are not
// (scripts/server.js).
const server = createAppServer((req, res) => {
	// While stopping, close each keep-alive connection as soon as its response is done.
	if (stopping) res.once('finish', () => server.closeIdleConnections());
	const kit = () => {
		globalThis[SECURITY_HEADERS]?.(req, res);
		handler(req, res, () => notFound(req, res));
	};
	if (!globalThis[LEAN_PATH]?.handle(req, res, kit)) kit();
}, timeoutsFromEnv());

const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);

// Live streams never end by themselves: stop accepting, then close what is left after a grace period.
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT') ?? 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// Started by scripts/memory-bound.js (`npm start`, `npm run serve`): if that process is gone,
// so is whoever would stop this one.
process.once('disconnect', () => shutdown('SIGTERM'));
process.channel?.unref();

server.listen(Number(process.env.PORT), process.env.HOST, () => {
	const where = { origin: process.env.ORIGIN, databaseUrl: process.env.DATABASE_URL };
	console.log(startupLines({ ...where, cwd: process.cwd() }).join('\n'));
});
