/**
 * The live-workshop benchmark: `npm run bench:live [-- --participants 10000]`.
 *
 * On loopback only, against the production build (`npm run build` first, or BENCH_BUILD_DIR)
 * with a brand-new embedded database in a temp folder:
 *   1. N participants join (POST /live/join) and each holds a live stream (SSE);
 *   2. the facilitator opens a rating (10 values × 4 lenses) through the console's endpoint,
 *      and all N answer it (40 items, one request each) spread over --window seconds;
 *   3. closed-loop saturation at --concurrency: everyone changes their answers, whole (40
 *      items a request) and one item a request, in --rounds segments of --seconds, each
 *      followed by the same segment against a bare node:http JSON handler (for the ratio);
 *   4. a dot vote, answered by all N over --window seconds;
 *   5. the facilitator reveals; we time until every stream has the revealed snapshot;
 *   6. the facilitator paces (--paces times next / previous, back and forth over the agenda,
 *      including back to the rating with everyone's answers); for each we time from the
 *      command's request until every stream has the snapshot of the new activity;
 *   7. the database must hold exactly the acknowledged answers, and the revealed aggregate
 *      must equal SQL's.
 * Prints a table, writes bench-results/live-<date>.json and the table into
 * docs/performance.md. Stops itself (--timeout, default 15 min). At 10,000 participants the
 * bench and the server each hold ~10,300 sockets: `ulimit -n` must allow it (20,000 does).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	children,
	deviceAddress,
	freePort,
	HOST,
	memoryOf,
	percentiles,
	pool,
	ROOT,
	send,
	sleep,
	startProcess,
	stop
} from './bench-kit';
import { saveResults, writeDocsTable } from './bench-report';
import { memoryBoundArguments } from './memory-bound.js';
import { eq } from 'drizzle-orm';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db';
import { votes } from '../src/lib/server/db/schema';
import { listReleasedCounts } from '../src/lib/server/live/queries';
import { seedWorkshop } from '../src/lib/server/live/testing';

const { values: args } = parseArgs({
	options: {
		participants: { type: 'string', default: '2000' },
		window: { type: 'string', default: '10' },
		concurrency: { type: 'string', default: '256' },
		connections: { type: 'string', default: '256' },
		seconds: { type: 'string', default: '3' },
		rounds: { type: 'string', default: '3' },
		/** Pace commands (next / previous) timed to every stream after the reveal. */
		paces: { type: 'string', default: '20' },
		port: { type: 'string' },
		timeout: { type: 'string', default: '900' },
		/** Folder for a CPU profile of the server (node --cpu-prof). */
		profile: { type: 'string' },
		'no-docs': { type: 'boolean', default: false }
	}
});
const N = Number(args.participants);
const WINDOW_MS = Number(args.window) * 1000;
const CONCURRENCY = Number(args.concurrency);
const SATURATE_MS = Number(args.seconds) * 1000;
const ROUNDS = Number(args.rounds);
const PACES = Number(args.paces);
const BUILD_DIR = resolve(process.env.BENCH_BUILD_DIR ?? join(ROOT, 'build'));
const MIN_GROUP = 5;

// ------------------------------------------------------------------ helpers

const now = () => performance.now();

// -------------------------------------------------------------- live streams

/** One participant's stream; watches snapshots for a marker and notes when each first shows. */
interface Watch {
	marker: string;
	seen: Float64Array;
	missing: number;
	done: () => void;
}
const watches = new Set<Watch>();
const streams: http.ClientRequest[] = [];
let firstRevealed: string | null = null;

function openStream(port: number, path: string, cookie: string, index: number): Promise<number> {
	const started = now();
	return new Promise((resolveOpen, reject) => {
		const headers = {
			cookie,
			accept: 'text/event-stream',
			'x-forwarded-for': deviceAddress(index)
		};
		const req = http.get({ host: HOST, port, path, agent: false, headers }, (res) => {
			if (res.statusCode !== 200) {
				reject(new Error(`stream answered ${res.statusCode}`));
				res.resume();
				return;
			}
			res.setEncoding('utf8');
			let buffer = '';
			let open = false;
			res.on('data', (chunk: string) => {
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const frame = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (!frame.includes('event: snapshot')) continue;
					if (!open) {
						open = true;
						resolveOpen(now() - started);
					}
					for (const w of watches) {
						if (Number.isNaN(w.seen[index]) && frame.includes(w.marker)) {
							w.seen[index] = now();
							if (w.marker === '"revealed":true' && firstRevealed === null) firstRevealed = frame;
							if (--w.missing === 0) w.done();
						}
					}
				}
			});
		});
		req.on('error', reject);
		streams.push(req);
	});
}

/** Starts watching; returns a promise of every stream's time of arrival (ms after `from`). */
function watch(marker: string, timeoutMs = 60_000) {
	// Participants 0..N-1, then the presenter view (N) and the console (N + 1).
	const w: Watch = {
		marker,
		seen: new Float64Array(N + 2).fill(NaN),
		missing: N + 2,
		done: () => {}
	};
	const finished = new Promise<void>((r) => (w.done = r));
	watches.add(w);
	return async (from: number) => {
		await Promise.race([finished, sleep(timeoutMs)]);
		watches.delete(w);
		const arrivals = Array.from(w.seen, (t) => t - from).filter((t) => !Number.isNaN(t));
		return { reached: arrivals.length, arrivals, ...percentiles(arrivals) };
	};
}

// ------------------------------------------------------------------- load

interface Burst {
	ok: number;
	failed: Record<string, number>;
	latency: ReturnType<typeof percentiles>;
	perSecond: number;
	acked: Uint8Array;
}

/**
 * A lean HTTP/1.1 keep-alive client for the vote requests: pre-built request bytes, just
 * enough response parsing for status, content-length and chunked bodies. Node's own client
 * tops out around a few thousand requests a second here, below what the servers under test
 * do, which would make it, not them, what the comparison measures.
 */
class RawPool {
	#idle: RawConnection[] = [];
	#queue: { bytes: Buffer; resolve: (status: number) => void; reject: (e: Error) => void }[] = [];
	#open = 0;

	constructor(
		readonly port: number,
		readonly size: number
	) {}

	request(bytes: Buffer): Promise<number> {
		return new Promise((resolveStatus, reject) => {
			this.#queue.push({ bytes, resolve: resolveStatus, reject });
			this.#pump();
		});
	}

	#pump() {
		while (this.#queue.length > 0) {
			let connection = this.#idle.pop();
			if (!connection) {
				if (this.#open >= this.size) return;
				this.#open++;
				connection = new RawConnection(this.port, () => this.#open--);
			}
			const job = this.#queue.shift()!;
			const c = connection;
			c.send(job.bytes, true).then(
				(status) => {
					job.resolve(status);
					this.#idle.push(c);
					this.#pump();
				},
				(error: Error) => {
					job.reject(error);
					this.#pump();
				}
			);
		}
	}

	close() {
		for (const c of this.#idle) c.close();
		this.#idle = [];
	}
}

class RawConnection {
	#socket: net.Socket | null = null;
	#buffer: Buffer = Buffer.alloc(0);
	#waiting: { resolve: (status: number) => void; reject: (e: Error) => void } | null = null;
	#used = false;

	constructor(
		readonly port: number,
		readonly onGone: () => void
	) {}

	#connect() {
		const socket = net.connect({ host: HOST, port: this.port });
		socket.setNoDelay(true);
		socket.on('data', (chunk: Buffer) => {
			this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
			this.#parse();
		});
		const gone = (error?: Error) => {
			if (this.#socket !== socket) return;
			this.#socket = null;
			this.#buffer = Buffer.alloc(0);
			const waiting = this.#waiting;
			this.#waiting = null;
			waiting?.reject(error ?? new Error('connection closed'));
		};
		socket.on('error', gone);
		socket.on('close', () => gone());
		this.#socket = socket;
		this.#used = false;
	}

	/** Sends on this connection; a kept-alive connection the server just closed is retried once. */
	send(bytes: Buffer, retry: boolean): Promise<number> {
		if (!this.#socket) this.#connect();
		const reused = this.#used;
		this.#used = true;
		return new Promise<number>((resolveStatus, reject) => {
			this.#waiting = { resolve: resolveStatus, reject };
			this.#socket!.write(bytes);
		}).catch((error: Error) => {
			if (retry && reused) return this.send(bytes, false);
			this.onGone();
			throw error;
		});
	}

	#parse() {
		const head = this.#buffer.indexOf('\r\n\r\n');
		if (head < 0 || !this.#waiting) return;
		const headers = this.#buffer.subarray(0, head).toString('latin1');
		const status = Number(headers.slice(9, 12));
		const length = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
		let end: number;
		if (length) {
			end = head + 4 + Number(length[1]);
			if (this.#buffer.length < end) return;
		} else if (/\r\ntransfer-encoding:\s*chunked/i.test(headers)) {
			const last = this.#buffer.indexOf('\r\n0\r\n\r\n', head);
			if (last < 0) return;
			end = last + 7;
		} else {
			end = head + 4;
		}
		this.#buffer = this.#buffer.subarray(end);
		const waiting = this.#waiting;
		this.#waiting = null;
		if (/\r\nconnection:\s*close/i.test(headers)) this.close();
		waiting.resolve(status);
	}

	close() {
		this.#socket?.destroy();
		this.#socket = null;
	}
}

function rawRequest(port: number, path: string, p: number, cookie: string, body: string): Buffer {
	const payload = Buffer.from(body);
	const head =
		`POST ${path} HTTP/1.1\r\nhost: ${HOST}:${port}\r\ncontent-type: application/json\r\n` +
		`x-forwarded-for: ${deviceAddress(p)}\r\n` +
		`cookie: ${cookie}\r\ncontent-length: ${payload.length}\r\n\r\n`;
	return Buffer.concat([Buffer.from(head), payload]);
}

/** Open loop: request i leaves at i/N of the window, whatever the answers before it do. */
async function burst(pool: RawPool, requests: Buffer[]): Promise<Burst> {
	const latencies: number[] = [];
	const failed: Record<string, number> = {};
	const acked = new Uint8Array(requests.length);
	const start = now();
	let lastDone = start;
	const pending: Promise<void>[] = [];
	for (let i = 0; i < requests.length; i++) {
		const wait = start + (i / requests.length) * WINDOW_MS - now();
		if (wait > 1) await sleep(wait);
		const sent = now();
		pending.push(
			pool.request(requests[i]).then(
				(status) => {
					lastDone = now();
					latencies.push(lastDone - sent);
					if (status === 200) acked[i] = 1;
					else failed[status] = (failed[status] ?? 0) + 1;
				},
				(error: Error) => {
					failed[error.message] = (failed[error.message] ?? 0) + 1;
				}
			)
		);
	}
	await Promise.all(pending);
	const ok = acked.reduce((x, y) => x + y, 0);
	const perSecond = ok / ((lastDone - start) / 1000);
	return { ok, failed, latency: percentiles(latencies), perSecond, acked };
}

/** Closed loop: `CONCURRENCY` clients each send the next request as soon as one is answered. */
async function saturate(
	pool: RawPool,
	request: (i: number) => Buffer,
	answered: (i: number, status: number) => void = () => {},
	first = 0
) {
	const latencies: number[] = [];
	let ok = 0;
	let failed = 0;
	let k = first;
	const start = now();
	const end = start + SATURATE_MS;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (now() < end) {
				const i = k++;
				const bytes = request(i);
				const sent = now();
				const status = await pool.request(bytes).catch(() => 0);
				latencies.push(now() - sent);
				answered(i, status);
				if (status === 200) ok++;
				else failed++;
			}
		})
	);
	const seconds = (now() - start) / 1000;
	return { ok, failed, seconds, next: k, perSecond: ok / seconds, latency: percentiles(latencies) };
}

type Saturation = Awaited<ReturnType<typeof saturate>>;

/** Several segments of one kind as one: requests per second over all of them. */
function combine(segments: Saturation[]) {
	const ok = segments.reduce((sum, s) => sum + s.ok, 0);
	const seconds = segments.reduce((sum, s) => sum + s.seconds, 0);
	const latency = segments.at(-1)!.latency;
	return {
		ok,
		seconds,
		perSecond: ok / seconds,
		latency,
		rounds: segments.map((s) => Math.round(s.perSecond))
	};
}

const BARE_SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
	let body = '';
	req.setEncoding('utf8');
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		let parsed;
		try { parsed = JSON.parse(body); } catch { res.writeHead(400); return res.end(); }
		const out = JSON.stringify({ ok: true, stored: Object.keys(parsed.answers || {}).length });
		res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
		res.end(out);
	});
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare listening'));
`;

// ------------------------------------------------------------------- main

async function main() {
	if (!existsSync(join(BUILD_DIR, 'handler.js'))) {
		throw new Error(
			`No production build in ${BUILD_DIR}: run \`npm run build\` (or set BENCH_BUILD_DIR).`
		);
	}
	const machine = {
		cpus: os.availableParallelism(),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		node: process.version,
		loadBefore: os.loadavg().map((l) => Math.round(l * 100) / 100)
	};
	const tmp = mkdtempSync(join(os.tmpdir(), 'undercurrent-bench-'));
	const databaseUrl = `file:${join(tmp, 'bench.db')}`;
	let server: ChildProcess | null = null;
	let bare: ChildProcess | null = null;
	// BENCH_SERVER_NODE_OPTIONS: node options for the server only. The server's memory is
	// bounded as `npm start` bounds it (scripts/memory-bound.js: SERVER_HEAP_MB…).
	const serverOptions = process.env.BENCH_SERVER_NODE_OPTIONS;
	const bound = memoryBoundArguments({
		env: { ...process.env, NODE_OPTIONS: serverOptions ?? process.env.NODE_OPTIONS }
	});
	try {
		const { db, client } = await openDatabase({
			url: databaseUrl,
			migrationsFolder: join(ROOT, 'drizzle')
		});
		const seeded = await seedWorkshop(db, { values: 10, dots: 5, minGroupSize: MIN_GROUP });
		const staffToken = generateSessionToken();
		await createSession(db, staffToken, seeded.userId);
		const staffCookie = `session=${staffToken}`;
		const wid = seeded.workshopId;

		const port = args.port ? Number(args.port) : await freePort();
		const origin = `http://${HOST}:${port}`;
		const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : [];
		server = await startProcess(
			[...bound, ...profile, join(ROOT, 'scripts/serve.js')],
			{
				...(serverOptions ? { NODE_OPTIONS: serverOptions } : {}),
				PORT: String(port),
				HOST,
				ORIGIN: origin,
				DATABASE_URL: databaseUrl,
				BUILD_DIR,
				MIGRATIONS_DIR: join(ROOT, 'drizzle'),
				// Every device has its own address (deviceAddress); the whole room joins at once.
				ADDRESS_HEADER: 'x-forwarded-for',
				JOINS_PER_ROOM: String(N + 10)
			},
			/listening/
		);
		const pid = server.pid!;
		// The bare node:http handler to compare with, idle until its turn.
		const barePort = await freePort();
		bare = await startProcess(['-e', BARE_SERVER], { PORT: String(barePort) }, /bare listening/);
		const rssByPhase: Record<string, number> = {};
		let phase = 'start';
		const sampler = setInterval(() => {
			const { rssMb } = memoryOf(pid);
			rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, Math.round(rssMb));
		}, 200);
		const enter = (name: string) => (phase = name);
		const agent = new http.Agent({ keepAlive: true, maxSockets: Number(args.connections) });
		const console_ = (type: string, extra: object = {}) =>
			send(
				port,
				agent,
				'POST',
				`/live/${wid}/pace`,
				{ 'content-type': 'application/json', cookie: staffCookie, origin },
				JSON.stringify({ type, ...extra })
			);
		log(`server pid ${pid} on ${origin}, ${N} participants, build ${BUILD_DIR}`);

		// 1. join and hold a stream each
		const cookies: string[] = new Array(N);
		const joinLatency: number[] = [];
		enter('join');
		const joinStart = now();
		await pool(N, 64, async (i) => {
			const sent = now();
			const reply = await send(
				port,
				agent,
				'POST',
				'/live/join',
				{ 'content-type': 'application/json', origin, 'x-forwarded-for': deviceAddress(i) },
				JSON.stringify({ code: seeded.joinCode })
			);
			joinLatency.push(now() - sent);
			if (reply.status !== 200) throw new Error(`join answered ${reply.status}: ${reply.body}`);
			const cookie = [reply.headers['set-cookie'] ?? []]
				.flat()
				.find((c) => c.startsWith(`p_${wid}=`));
			cookies[i] = cookie!.split(';')[0];
		});
		const joinSeconds = (now() - joinStart) / 1000;
		log(`joined in ${joinSeconds.toFixed(1)} s`);

		const connectLatency: number[] = [];
		enter('streams');
		const connectStart = now();
		await pool(N, 200, async (i) => {
			connectLatency.push(await openStream(port, `/live/${wid}/events`, cookies[i], i));
		});
		// The projector and the facilitator's console, signed in as staff, through SvelteKit.
		await openStream(port, `/live/${wid}/events`, staffCookie, N);
		await openStream(port, `/live/${wid}/events?audience=staff`, staffCookie, N + 1);
		const connectSeconds = (now() - connectStart) / 1000;
		const afterConnect = memoryOf(pid);
		log(
			`${N} streams open in ${connectSeconds.toFixed(1)} s, server RSS ${afterConnect.rssMb.toFixed(0)} MB`
		);

		// 2. the rating
		await console_('start');
		const toRate = watch('"current":1,');
		let from = now();
		await console_('goto', { index: 1 });
		const rateFanout = await toRate(from);
		const lenses = seeded.lenses;
		const rateItems = seeded.valueIds.flatMap((v) => lenses.map((l) => `${v}:${l}`));
		const rateScore = (i: number, k: number) => (i + k) % 11;
		const rateBody = (scores: (k: number) => number) =>
			JSON.stringify({
				activityId: seeded.activities.rate.id,
				answers: Object.fromEntries(rateItems.map((item, k) => [item, scores(k)]))
			});
		// What each participant's stored ratings must be, updated as answers are acknowledged;
		// a participant with a request of unknown outcome (no answer) is not checked.
		const expectedRate = Array.from({ length: N }, (_, p) =>
			rateItems.map((_, k) => rateScore(p, k))
		);
		const unsure = new Uint8Array(N);
		const answersPath = `/live/${wid}/answers`;
		const connections = Number(args.connections);
		const votePool = new RawPool(port, connections);
		const rateRequests = Array.from({ length: N }, (_, p) =>
			rawRequest(
				port,
				answersPath,
				p,
				cookies[p],
				rateBody((k) => rateScore(p, k))
			)
		);
		enter('rating burst');
		const rate = await burst(votePool, rateRequests);
		log(
			`rating burst: ${rate.ok}/${N} acknowledged (${JSON.stringify(rate.failed)} refused), p95 ${rate.latency.p95.toFixed(0)} ms`
		);

		// 3. saturation: everyone changes their ratings, whole and then one at a time. Round r of
		// participant p shifts every score by r, so each request really changes what is stored.
		const shifted = Array.from(
			{ length: 11 },
			(_, shift) => (p: number) => rateBody((k) => rateScore(p + shift, k))
		);
		const wholeRequest = (target: number) => (i: number) => {
			const p = i % N;
			const shift = (Math.floor(i / N) + 1) % 11;
			return rawRequest(target, answersPath, p, cookies[p], shifted[shift](p));
		};
		const wholeAnswered = (i: number, status: number) => {
			const p = i % N;
			const shift = (Math.floor(i / N) + 1) % 11;
			if (status === 200) expectedRate[p] = rateItems.map((_, k) => rateScore(p + shift, k));
			else if (status === 0 || status >= 500) unsure[p] = 1;
		};
		const oneScore = (i: number) => (i * 7 + 3) % 11;
		const oneRequest = (target: number) => (i: number) => {
			const p = i % N;
			const k = Math.floor(i / N) % rateItems.length;
			const body = JSON.stringify({
				activityId: seeded.activities.rate.id,
				answers: { [rateItems[k]]: oneScore(i) }
			});
			return rawRequest(target, answersPath, p, cookies[p], body);
		};
		const oneAnswered = (i: number, status: number) => {
			const p = i % N;
			if (status === 200) expectedRate[p][Math.floor(i / N) % rateItems.length] = oneScore(i);
			else if (status === 0 || status >= 500) unsure[p] = 1;
		};
		enter('saturation');
		// Live and bare segments alternate, so a change in the machine's load hits both alike.
		const barePool = new RawPool(barePort, connections);
		const segments: Record<'live40' | 'bare40' | 'live1' | 'bare1', Saturation[]> = {
			live40: [],
			bare40: [],
			live1: [],
			bare1: []
		};
		const at = { live40: 0, bare40: 0, live1: 0, bare1: 0 };
		const run = async (kind: keyof typeof at, go: (first: number) => Promise<Saturation>) => {
			const segment = await go(at[kind]);
			at[kind] = segment.next;
			segments[kind].push(segment);
		};
		for (let round = 0; round < ROUNDS; round++) {
			await run('live40', (first) => saturate(votePool, wholeRequest(port), wholeAnswered, first));
			await run('bare40', (first) => saturate(barePool, wholeRequest(barePort), undefined, first));
			await run('live1', (first) => saturate(votePool, oneRequest(port), oneAnswered, first));
			await run('bare1', (first) => saturate(barePool, oneRequest(barePort), undefined, first));
		}
		barePool.close();
		const live40 = combine(segments.live40);
		const bare40 = combine(segments.bare40);
		const live1 = combine(segments.live1);
		const bare1 = combine(segments.bare1);
		log(
			`saturation, live / bare: ${live40.perSecond.toFixed(0)} / ${bare40.perSecond.toFixed(0)} req/s (40 items), ${live1.perSecond.toFixed(0)} / ${bare1.perSecond.toFixed(0)} req/s (1 item)`
		);

		// 4. the dot vote
		const toDots = watch('"current":2,');
		from = now();
		await console_('goto', { index: 2 });
		const dotsFanout = await toDots(from);
		const dotItem = (v: number) => `${seeded.valueIds[v % seeded.valueIds.length]}:strategic`;
		const dotAnswers = (i: number) => ({ [dotItem(i)]: 3, [dotItem(i + 3)]: 2 });
		const dotRequests = Array.from({ length: N }, (_, i) =>
			rawRequest(
				port,
				answersPath,
				i,
				cookies[i],
				JSON.stringify({ activityId: seeded.activities.dots.id, answers: dotAnswers(i) })
			)
		);
		enter('dot burst');
		const dots = await burst(votePool, dotRequests);
		log(
			`dot burst: ${dots.ok}/${N} acknowledged (${JSON.stringify(dots.failed)} refused), p95 ${dots.latency.p95.toFixed(0)} ms`
		);

		// 5. the reveal
		await sleep(1500); // let the last counts settle, so the reveal is timed on its own
		enter('reveal');
		const toReveal = watch('"revealed":true');
		from = now();
		const revealReply = await console_('reveal');
		const revealAnswered = now() - from;
		const reveal = await toReveal(from);
		log(
			`reveal reached ${reveal.reached}/${N} streams, the last after ${reveal.max.toFixed(0)} ms`
		);

		// 6. the facilitator paces: next / previous, back and forth over the agenda (2 → 3 → 2 →
		// 1 → 0 → 1 → …), each timed from the request to its arrival on every stream.
		enter('pace');
		const paces: { command: string; to: number; answeredMs: number; lastMs: number }[] = [];
		const paceArrivals: number[] = [];
		let position = 2;
		let direction = 1;
		for (let k = 0; k < PACES; k++) {
			if (position + direction < 0 || position + direction > 3) direction = -direction;
			const to = position + direction;
			const command = direction > 0 ? 'next' : 'previous';
			await sleep(300);
			const toPace = watch(`"current":${to},`, 30_000);
			const sent = now();
			const reply = await console_(command);
			const answeredMs = now() - sent;
			if (reply.status !== 200) {
				throw new Error(`${command} answered ${reply.status}: ${reply.body}`);
			}
			const arrived = await toPace(sent);
			if (arrived.reached !== N + 2) {
				throw new Error(`${command} to ${to} reached ${arrived.reached} of ${N + 2} streams`);
			}
			paceArrivals.push(...arrived.arrivals);
			paces.push({ command, to, answeredMs, lastMs: arrived.max });
			position = to;
		}
		const pace = {
			count: paces.length,
			last: percentiles(paces.map((p) => p.lastMs)),
			everyStream: percentiles(paceArrivals),
			consoleAnswered: percentiles(paces.map((p) => p.answeredMs)),
			paces
		};
		log(
			`${pace.count} paces: to the last stream p95 ${pace.last.p95.toFixed(0)} ms, max ${pace.last.max.toFixed(0)} ms`
		);
		const memory = { ...memoryOf(pid), byPhase: rssByPhase };
		clearInterval(sampler);

		for (const s of streams) s.destroy();
		agent.destroy();
		votePool.close();
		await stop(server);
		server = null;
		await stop(bare);
		bare = null;

		// 7. what the database holds
		const rateRows = await db
			.select({ p: votes.participantId, item: votes.itemId, score: votes.score })
			.from(votes)
			.where(eq(votes.activityId, seeded.activities.rate.id));
		const dotRows = await db
			.select({ p: votes.participantId, item: votes.itemId, score: votes.score })
			.from(votes)
			.where(eq(votes.activityId, seeded.activities.dots.id));
		const participantIndex = await participantIndexes(db, cookies, wid);
		const check = (
			rows: typeof rateRows,
			acked: Uint8Array,
			expected: (i: number) => Record<string, number>
		) => {
			const stored = new Map<number, Record<string, number>>();
			for (const r of rows) {
				const i = participantIndex.get(r.p) ?? -1;
				const answers = stored.get(i) ?? {};
				answers[r.item] = r.score;
				stored.set(i, answers);
			}
			let acknowledged = 0;
			let lost = 0;
			let wrong = 0;
			let skipped = 0;
			for (let i = 0; i < N; i++) {
				if (!acked[i]) continue;
				if (unsure[i]) {
					skipped++;
					continue;
				}
				const want = expected(i);
				acknowledged += Object.keys(want).length;
				const got = stored.get(i) ?? {};
				for (const [item, score] of Object.entries(want)) {
					if (got[item] === undefined) lost++;
					else if (got[item] !== score) wrong++;
				}
			}
			const unacknowledged = [...stored.keys()].filter((i) => i < 0 || !acked[i]).length;
			return {
				acknowledged,
				stored: rows.length,
				lost,
				wrong,
				extra: rows.length - acknowledged - skippedRows(stored, unsure),
				unacknowledgedParticipantsStored: unacknowledged,
				participantsNotChecked: skipped
			};
		};
		const rateCheck = check(rateRows, rate.acked, (p) =>
			Object.fromEntries(rateItems.map((item, k) => [item, expectedRate[p][k]]))
		);
		unsure.fill(0);
		const dotCheck = check(dotRows, dots.acked, dotAnswers);
		// What the room may read: the last releases (a few last answers may wait for the next).
		const sql = await listReleasedCounts(db, seeded.activities.dots.id, MIN_GROUP);
		const frame = firstRevealed as string | null;
		const revealed = frame ? JSON.parse(frame.slice(frame.indexOf('data: ') + 6)) : null;
		const aggregateMatches = revealed?.results ? sameAggregate(revealed.results, sql) : false;
		client.close();

		const result = {
			date: new Date().toISOString(),
			machine: { ...machine, loadAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) },
			settings: {
				participants: N,
				windowSeconds: WINDOW_MS / 1000,
				concurrency: CONCURRENCY,
				connections: Number(args.connections),
				saturateSeconds: SATURATE_MS / 1000,
				rounds: ROUNDS,
				serverNodeArguments: [...bound, process.env.BENCH_SERVER_NODE_OPTIONS ?? '']
					.join(' ')
					.trim()
			},
			join: { seconds: joinSeconds, latency: percentiles(joinLatency) },
			connect: {
				seconds: connectSeconds,
				latency: percentiles(connectLatency),
				rssMb: afterConnect.rssMb
			},
			paceFanout: { rate: omitArrivals(rateFanout), dots: omitArrivals(dotsFanout) },
			pace,
			rate: { ...rate, acked: undefined },
			dots: { ...dots, acked: undefined },
			reveal: {
				status: revealReply.status,
				consoleAnsweredMs: revealAnswered,
				...omitArrivals(reveal)
			},
			saturation: {
				live40,
				bare40,
				live1,
				bare1,
				ratio40: live40.perSecond / bare40.perSecond,
				ratio1: live1.perSecond / bare1.perSecond
			},
			memory,
			verification: {
				rate: rateCheck,
				dots: dotCheck,
				revealedAggregateEqualsSql: aggregateMatches
			}
		};
		report(result);
	} finally {
		for (const s of streams) s.destroy();
		await stop(server);
		await stop(bare);
		rmSync(tmp, { recursive: true, force: true });
	}
}

function omitArrivals<T extends { arrivals: number[] }>(fanout: T): Omit<T, 'arrivals'> {
	const { arrivals: _, ...rest } = fanout;
	return rest;
}

/** Rows of participants left unchecked, so they count neither as lost nor as extra. */
function skippedRows(stored: Map<number, Record<string, number>>, unsure: Uint8Array) {
	let rows = 0;
	for (const [i, answers] of stored) if (i >= 0 && unsure[i]) rows += Object.keys(answers).length;
	return rows;
}

async function participantIndexes(
	db: Awaited<ReturnType<typeof openDatabase>>['db'],
	cookies: string[],
	workshopId: string
) {
	const { participants } = await import('../src/lib/server/db/schema');
	const { createHash } = await import('node:crypto');
	const rows = await db
		.select({ id: participants.id, hash: participants.tokenHash })
		.from(participants)
		.where(eq(participants.workshopId, workshopId));
	const byHash = new Map(rows.map((r) => [r.hash, r.id]));
	const index = new Map<string, number>();
	cookies.forEach((cookie, i) => {
		const token = decodeURIComponent(cookie.split('=')[1]);
		const id = byHash.get(createHash('sha256').update(token).digest('hex'));
		if (id) index.set(id, i);
	});
	return index;
}

function sameAggregate(
	results: { min: number; counts: Record<string, number[]> },
	sql: { itemId: string; score: number; n: number }[]
) {
	const fromSql = new Map<string, number>();
	for (const row of sql) fromSql.set(`${row.itemId}|${row.score}`, row.n);
	let cells = 0;
	for (const [itemId, counts] of Object.entries(results.counts)) {
		for (const [offset, n] of counts.entries()) {
			if (n === 0) continue;
			cells++;
			if (fromSql.get(`${itemId}|${results.min + offset}`) !== n) return false;
		}
	}
	return cells === fromSql.size;
}

function log(message: string) {
	console.log(`[bench:live] ${message}`);
}

// ----------------------------------------------------------------- report

type Result = Record<string, unknown> & {
	date: string;
	machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
	settings: {
		participants: number;
		windowSeconds: number;
		concurrency: number;
		connections: number;
		saturateSeconds: number;
		rounds: number;
		serverNodeArguments: string;
	};
	join: { seconds: number; latency: ReturnType<typeof percentiles> };
	connect: { seconds: number; latency: ReturnType<typeof percentiles>; rssMb: number };
	rate: Omit<Burst, 'acked'>;
	dots: Omit<Burst, 'acked'>;
	reveal: { reached: number; p50: number; p95: number; max: number; consoleAnsweredMs: number };
	pace: {
		count: number;
		last: ReturnType<typeof percentiles>;
		everyStream: ReturnType<typeof percentiles>;
		consoleAnswered: ReturnType<typeof percentiles>;
	};
	saturation: Record<
		'live40' | 'bare40' | 'live1' | 'bare1',
		{ perSecond: number; latency: ReturnType<typeof percentiles>; rounds: number[] }
	> & { ratio40: number; ratio1: number };
	memory: { rssMb: number; peakMb: number; byPhase: Record<string, number> };
	verification: {
		rate: { acknowledged: number; stored: number; lost: number; wrong: number; extra: number };
		dots: { acknowledged: number; stored: number; lost: number; wrong: number; extra: number };
		revealedAggregateEqualsSql: boolean;
	};
};

function table(r: Result): string {
	const ms = (v: number) => `${Math.round(v)}`;
	const lat = (l: ReturnType<typeof percentiles>) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
	const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
	const v = r.verification;
	const zero =
		v.rate.lost + v.rate.wrong + v.rate.extra + v.dots.lost + v.dots.wrong + v.dots.extra === 0;
	const s = r.saturation;
	const rows: [string, string, string, string][] = [
		['participants joined / streams open', `${r.join.latency.n} / ${r.connect.latency.n}`, '', ''],
		[
			'join latency p50 / p95 / p99 (ms)',
			lat(r.join.latency),
			'',
			`${r.join.seconds.toFixed(1)} s for all, 64 at a time`
		],
		[
			'stream open, first snapshot p50 / p95 / p99 (ms)',
			lat(r.connect.latency),
			'',
			`${r.connect.seconds.toFixed(1)} s for all, 200 at a time`
		],
		[
			'rating burst: acknowledged',
			`${r.rate.ok} of ${r.settings.participants}`,
			'',
			`40 answers each, over ${r.settings.windowSeconds} s`
		],
		[
			'rating burst: latency p50 / p95 / p99 (ms)',
			lat(r.rate.latency),
			'p95 < 150',
			mark(r.rate.latency.p95 < 150)
		],
		[
			'dot vote burst: latency p50 / p95 / p99 (ms)',
			lat(r.dots.latency),
			'p95 < 150',
			mark(r.dots.latency.p95 < 150)
		],
		[
			'lost / wrong / double-counted answers',
			`${v.rate.lost + v.dots.lost} / ${v.rate.wrong + v.dots.wrong} / ${v.rate.extra + v.dots.extra}`,
			'0 / 0 / 0',
			mark(zero)
		],
		[
			'revealed aggregate equals SQL GROUP BY',
			v.revealedAggregateEqualsSql ? 'yes' : 'no',
			'yes',
			mark(v.revealedAggregateEqualsSql)
		],
		[
			'reveal reached streams (with presenter, console), p50 / last (ms)',
			`${r.reveal.reached}: ${ms(r.reveal.p50)} / ${ms(r.reveal.max)}`,
			'all < 1000',
			mark(r.reveal.reached === r.settings.participants + 2 && r.reveal.max < 1000)
		],
		[
			'pace (next / previous) to the last stream, p50 / p95 / max (ms)',
			`${ms(r.pace.last.p50)} / ${ms(r.pace.last.p95)} / ${ms(r.pace.last.max)}`,
			'p95 < 300',
			`${mark(r.pace.last.p95 < 300)}; ${r.pace.count} paces, every stream p50 ${ms(r.pace.everyStream.p50)}, console answered p95 ${ms(r.pace.consoleAnswered.p95)}`
		],
		[
			'server memory: RSS with streams open / peak (MB)',
			`${ms(r.connect.rssMb)} / ${ms(r.memory.peakMb)}`,
			'< 500',
			`${mark(r.memory.peakMb < 500)}; server started as \`npm start\` starts it: \`${r.settings.serverNodeArguments || 'no bound'}\``
		],
		[
			'server RSS, highest in each phase (MB)',
			Object.entries(r.memory.byPhase)
				.map(([phase, mb]) => `${phase} ${mb}`)
				.join(', '),
			'',
			''
		],
		[
			'saturated, 40 answers a request: live / bare (req/s)',
			`${ms(s.live40.perSecond)} / ${ms(s.bare40.perSecond)}`,
			'',
			`${(s.live40.perSecond * 40).toFixed(0)} answers/s stored; rounds ${s.live40.rounds.join(', ')} / ${s.bare40.rounds.join(', ')}`
		],
		[
			'saturated, 1 answer a request: live / bare (req/s)',
			`${ms(s.live1.perSecond)} / ${ms(s.bare1.perSecond)}`,
			'',
			`rounds ${s.live1.rounds.join(', ')} / ${s.bare1.rounds.join(', ')}`
		],
		[
			'vote throughput ÷ bare node:http (40 / 1 answers)',
			`${s.ratio40.toFixed(2)} / ${s.ratio1.toFixed(2)}`,
			'≥ 0.5',
			`${mark(s.ratio40 >= 0.5)} / ${mark(s.ratio1 >= 0.5)}`
		],
		[
			'saturated latency p50 / p95 / p99, live 40 (ms)',
			lat(s.live40.latency),
			'',
			`${r.settings.concurrency} clients, ${r.settings.rounds} × ${r.settings.saturateSeconds} s each, live and bare alternating`
		]
	];
	const head = `| measure (${r.settings.participants} participants) | value | target | met |\n| --- | --- | --- | --- |\n`;
	return head + rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function report(r: Result) {
	const text = table(r);
	const machine = `${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, load average before/after ${r.machine.loadBefore[0]} / ${r.machine.loadAfter[0]}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`;
	console.log(`\n${text}\n\n${machine}\n`);
	log(`results in ${saveResults('live', r.date, r, String(r.settings.participants))}`);
	if (args['no-docs']) return;
	const docs = writeDocsTable({
		marker: `bench:live ${r.settings.participants}`,
		text,
		machine,
		command: `npm run bench:live -- --participants ${r.settings.participants}`
	});
	log(`table written to ${docs}`);
}

function abandon(reason: string) {
	console.error(`[bench:live] ${reason}`);
	for (const child of children) child.kill('SIGKILL');
	process.exit(2);
}
setTimeout(() => abandon(`gave up after ${args.timeout} s`), Number(args.timeout) * 1000).unref();
process.on('SIGINT', () => abandon('interrupted'));
process.on('SIGTERM', () => abandon('terminated'));

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
