import http from 'node:http';
import net from 'node:net';
import { openDatabase } from '../../../src/lib/server/db';
import { seedWorkshop } from '../../../src/lib/server/live/testing';
import { expect, test } from '../fixtures';

/**
 * The limits of docs/security.md on the built server as `scripts/serve.js` runs it (the
 * integration tests in src/lib/server/live/*limits*.test.ts and slow-clients.test.ts go through
 * every budget): a phone's cookie holds a few live streams and no more, and a client that
 * trickles its headers is closed while a live stream stays open.
 */

const DB = 'file:tests/.output/e2e.db';

let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let origin: URL;

test.beforeAll(async ({ playwright: _playwright }, testInfo) => {
	origin = new URL(testInfo.project.use.baseURL!);
	const { db, client } = await openDatabase({ url: DB });
	try {
		seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
	} finally {
		client.close();
	}
});

async function joinedCookie(): Promise<string> {
	const response = await fetch(new URL('/live/join', origin), {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: origin.origin },
		body: JSON.stringify({ code: seeded.joinCode })
	});
	expect(response.status).toBe(200);
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith(`p_${seeded.workshopId}=`));
	return cookie!.split(';')[0];
}

/** A live stream: resolves with its status once the headers are in; `end` hangs up. */
function openStream(cookie: string) {
	return new Promise<{
		status: number;
		body: () => string;
		open: () => boolean;
		end: () => void;
	}>((resolve, reject) => {
		const req = http.get(
			{
				host: origin.hostname,
				port: origin.port,
				path: `/live/${seeded.workshopId}/events`,
				headers: { cookie, accept: 'text/event-stream' },
				agent: false
			},
			(res) => {
				let body = '';
				let closed = false;
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('close', () => (closed = true));
				res.on('error', () => {});
				const status = res.statusCode ?? 0;
				const answer = () =>
					resolve({ status, body: () => body, open: () => !closed, end: () => req.destroy() });
				if (status === 200) answer();
				else res.on('end', answer);
			}
		);
		req.on('error', reject);
	});
}

test('one cookie holds a few live streams; one more is refused with a reason until one closes', async () => {
	const cookie = await joinedCookie();
	const open = [];
	for (let i = 0; i < 4; i++) open.push(await openStream(cookie));
	expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200]);
	const refused = await openStream(cookie);
	expect(refused.status).toBe(429);
	expect(JSON.parse(refused.body())).toEqual({ error: 'too_many_streams', limit: 4 });

	open[0].end();
	await expect.poll(async () => (await openStream(cookie)).status).toBe(200);
	for (const stream of open) stream.end();
});

test('a client that trickles its headers is closed (408); a live stream opened before stays open', async () => {
	test.setTimeout(60_000);
	const stream = await openStream(await joinedCookie());
	expect(stream.status).toBe(200);

	const socket = net.connect(Number(origin.port), origin.hostname);
	let answer = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => (answer += chunk));
	socket.on('error', () => {});
	const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
	socket.write('GET / HTTP/1.1\r\n');
	let line = 0;
	const trickle = setInterval(() => {
		if (!socket.destroyed) socket.write(`x-slow-${line++}: 1\r\n`);
	}, 500);
	await closed;
	clearInterval(trickle);

	expect(answer).toMatch(/^HTTP\/1\.1 408/);
	expect(stream.open()).toBe(true);
	expect(stream.body()).toContain('event: snapshot');
	stream.end();
});
