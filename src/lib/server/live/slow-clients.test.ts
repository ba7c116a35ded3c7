/**
 * The production server (scripts/server.js, which scripts/serve.js uses) closes connections
 * whose headers or body trickle in, and idle kept-alive ones, but never a live stream. Here with
 * short limits, so the test does not wait for the real ones (10 s, 30 s).
 */
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServer, TIMEOUTS } from '../../../../scripts/server.js';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { handleLeanRequest } from './lean';
import { participantCookieName } from './participant-cookie';
import { applyPace, joinWorkshop } from './rooms';
import { installLive, seedWorkshop } from './testing';

const LIMITS = { headersMs: 600, requestMs: 1200, keepAliveMs: 400, checkEveryMs: 100 };

let server: Server;
let port: number;
let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeAll(async () => {
	server = createAppServer((req, res) => {
		if (handleLeanRequest(req, res, () => res.writeHead(404).end())) return;
		req.resume();
		req.on('end', () => res.end('ok'));
	}, LIMITS);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	installLive(db);
});
afterEach(() => close());

/** A raw connection that records what it receives and when the server closed it. */
function connect() {
	const socket = net.connect(port, '127.0.0.1');
	const seen = { text: '', closed: false };
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => (seen.text += chunk));
	const closed = new Promise<void>((resolve) =>
		socket.on('close', () => {
			seen.closed = true;
			resolve();
		})
	);
	socket.on('error', () => {});
	return { socket, seen, closed };
}

/** Writes `parts` one by one, `everyMs` apart, until the connection is closed. */
function trickle(socket: net.Socket, parts: string[], everyMs = 50) {
	let i = 0;
	const timer = setInterval(() => {
		if (socket.destroyed || i >= parts.length) clearInterval(timer);
		else socket.write(parts[i++]);
	}, everyMs);
	socket.on('close', () => clearInterval(timer));
}

describe('slow and idle clients', () => {
	it('the production limits are what docs/security.md says', () => {
		expect(TIMEOUTS).toEqual({
			headersMs: 10_000,
			requestMs: 30_000,
			keepAliveMs: 5_000,
			checkEveryMs: 2_000
		});
	});

	it('closes a connection whose headers trickle, and one that sends nothing', async () => {
		const slow = connect();
		const headerLines = Array.from({ length: 1000 }, (_, i) => `x-slow-${i}: 1\r\n`);
		trickle(slow.socket, ['GET / HTTP/1.1\r\n', 'host: x\r\n', ...headerLines]);
		const silent = connect();
		await Promise.all([slow.closed, silent.closed]);
		expect(slow.seen.text).toMatch(/^HTTP\/1\.1 408/);
		expect(silent.seen.text).toMatch(/^HTTP\/1\.1 408/);
	});

	it('closes a connection whose body trickles, on the lean path too', async () => {
		const slow = connect();
		const head =
			`POST /live/${seeded.workshopId}/answers HTTP/1.1\r\nhost: x\r\n` +
			'content-type: application/json\r\ncontent-length: 4000\r\n\r\n';
		trickle(slow.socket, [head, ...Array<string>(4000).fill(' ')]);
		await slow.closed;
		expect(slow.seen.text).toMatch(/^HTTP\/1\.1 408/);
	});

	it('closes a kept-alive connection left idle', async () => {
		const idle = connect();
		idle.socket.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n');
		await idle.closed;
		expect(idle.seen.text).toMatch(/^HTTP\/1\.1 200/);
	});

	it('keeps a live stream open after every slow client was closed, and it still delivers', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		const { token } = await joinWorkshop(seeded.workshopId, null);
		const stream = connect();
		stream.socket.write(
			`GET /live/${seeded.workshopId}/events HTTP/1.1\r\nhost: x\r\n` +
				`cookie: ${participantCookieName(seeded.workshopId)}=${token}\r\n\r\n`
		);
		await expect.poll(() => stream.seen.text).toMatch(/event: snapshot/);

		// Slow clients opened after the stream, each closed after its limit…
		const slowHeaders = connect();
		trickle(slowHeaders.socket, ['GET / HTTP/1.1\r\n', ...Array<string>(1000).fill('x: 1\r\n')]);
		const slowBody = connect();
		trickle(slowBody.socket, [
			'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 4000\r\n\r\n',
			...Array<string>(4000).fill('x')
		]);
		await Promise.all([slowHeaders.closed, slowBody.closed]);
		// …and once more the whole request limit, to be sure it has passed for the stream too.
		const again = connect();
		trickle(again.socket, [
			'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 4000\r\n\r\n',
			...Array<string>(4000).fill('x')
		]);
		await again.closed;

		expect(stream.seen.closed).toBe(false);
		const before = stream.seen.text.length;
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		await expect.poll(() => stream.seen.text.slice(before)).toMatch(/event: snapshot/);
		expect(stream.seen.closed).toBe(false);
		stream.socket.destroy();
	});
});
