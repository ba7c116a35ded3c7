// Loaded into the server by bench:soak (`node --expose-gc --import ./scripts/soak-probe.js
// scripts/serve.js`), never by `npm start`: on SOAK_PROBE_PORT (loopback) it answers, after two
// full garbage collections, the heap in use, the RSS and the open file descriptors, so the
// benchmark reads what a workshop leaves behind rather than garbage not yet collected.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { writeHeapSnapshot } from 'node:v8';

const port = Number(process.env.SOAK_PROBE_PORT);
if (port && typeof globalThis.gc === 'function') {
	http
		.createServer((req, res) => {
			globalThis.gc();
			globalThis.gc();
			// ?snapshot=<file>: a heap snapshot too, to see what stays (bench:soak --snapshots).
			const file = new URL(req.url ?? '/', 'http://probe').searchParams.get('snapshot');
			if (file) writeHeapSnapshot(file);
			const { heapUsed, rss } = process.memoryUsage();
			const fds = readdirSync('/proc/self/fd').length;
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ heapUsed, rss, fds }));
		})
		.listen(port, '127.0.0.1')
		.unref();
}
