/**
 * The soak benchmark: `npm run bench:soak [-- --cycles 24 --participants 300]`.
 *
 * Against the production build (`npm run build` first) on a brand-new embedded database, with
 * the server started as `npm start` starts it plus `--expose-gc` and scripts/soak-probe.js:
 *   - one long-lived workshop: --long participants join, hold a stream and re-vote a rating
 *     every second from the first cycle to the end;
 *   - --cycles workshops back to back, each: --participants join and open a stream, the
 *     facilitator starts, opens a rating (everyone answers), a dot vote (everyone answers),
 *     reveals, ends; the streams close;
 *   - after each cycle, a wait until its ended room may have left (ENDED_ROOM_IDLE_SECONDS,
 *     shortened here to --ended-idle so a cycle's room leaves within the run), then the heap;
 *   - every --sample seconds: RSS, heap in use after two forced collections, open file
 *     descriptors, and the p95 answer latency of that interval.
 * Prints the slope of retained heap per cycle after --warmup cycles (least squares), RSS and
 * heap at the end against the baseline (after the warm-up), latency per sample, errors; checks
 * that the long-lived workshop's stored answers are the last acknowledged ones. Writes
 * bench-results/soak-<date>.json and its table into docs/performance.md.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
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
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db';
import { votes } from '../src/lib/server/db/schema';
import { seedWorkshop } from '../src/lib/server/live/testing';

const { values: args } = parseArgs({
	options: {
		cycles: { type: 'string', default: '24' },
		participants: { type: 'string', default: '300' },
		long: { type: 'string', default: '100' },
		warmup: { type: 'string', default: '6' },
		sample: { type: 'string', default: '15' },
		'ended-idle': { type: 'string', default: '4' },
		timeout: { type: 'string', default: '1800' },
		/** Folder for two heap snapshots: after the warm-up and at the end. */
		snapshots: { type: 'string' },
		'no-docs': { type: 'boolean', default: false }
	}
});
const CYCLES = Number(args.cycles);
const N = Number(args.participants);
const LONG = Number(args.long);
const WARMUP = Number(args.warmup);
const SAMPLE_MS = Number(args.sample) * 1000;
const ENDED_IDLE_S = Number(args['ended-idle']);
const BUILD_DIR = resolve(process.env.BENCH_BUILD_DIR ?? join(ROOT, 'build'));
const MIN_GROUP = 5;

const log = (message: string) => console.log(`[bench:soak] ${message}`);
const mb = (bytes: number) => bytes / 1024 / 1024;

type Seeded = Awaited<ReturnType<typeof seedWorkshop>>;
interface Workshop {
	seeded: Seeded;
	staffCookie: string;
}

interface Probe {
	heapUsed: number;
	rss: number;
	fds: number;
}

/** Least-squares slope of `ys` over 0..n-1. */
function slope(ys: number[]): number {
	const n = ys.length;
	if (n < 2) return NaN;
	const mx = (n - 1) / 2;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let num = 0;
	let den = 0;
	ys.forEach((y, x) => {
		num += (x - mx) * (y - my);
		den += (x - mx) ** 2;
	});
	return num / den;
}

async function main() {
	if (!existsSync(join(BUILD_DIR, 'handler.js'))) {
		throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first.`);
	}
	const machine = {
		cpus: os.availableParallelism(),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		node: process.version,
		loadBefore: os.loadavg().map((l) => Math.round(l * 100) / 100)
	};
	const tmp = mkdtempSync(join(os.tmpdir(), 'undercurrent-soak-'));
	const databaseUrl = `file:${join(tmp, 'soak.db')}`;
	let server: ChildProcess | null = null;
	try {
		// Every workshop is seeded before the server starts: the server is the only writer after.
		const { db, client } = await openDatabase({
			url: databaseUrl,
			migrationsFolder: join(ROOT, 'drizzle')
		});
		const seed = async (): Promise<Workshop> => {
			const seeded = await seedWorkshop(db, { values: 5, dots: 5, minGroupSize: MIN_GROUP });
			const token = generateSessionToken();
			await createSession(db, token, seeded.userId);
			return { seeded, staffCookie: `session=${token}` };
		};
		const long = await seed();
		const cycles: Workshop[] = [];
		for (let c = 0; c < CYCLES; c++) cycles.push(await seed());

		const port = await freePort();
		const probePort = await freePort();
		const origin = `http://${HOST}:${port}`;
		server = await startProcess(
			[
				...memoryBoundArguments(),
				'--expose-gc',
				'--import',
				join(ROOT, 'scripts/soak-probe.js'),
				join(ROOT, 'scripts/serve.js')
			],
			{
				PORT: String(port),
				HOST,
				ORIGIN: origin,
				DATABASE_URL: databaseUrl,
				BUILD_DIR,
				MIGRATIONS_DIR: join(ROOT, 'drizzle'),
				ADDRESS_HEADER: 'x-forwarded-for',
				JOINS_PER_ROOM: String(N + LONG + 10),
				ENDED_ROOM_IDLE_SECONDS: String(ENDED_IDLE_S),
				SOAK_PROBE_PORT: String(probePort)
			},
			/listening/
		);
		const pid = server.pid!;
		const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
		const probe = async (snapshot?: string): Promise<Probe> => {
			const path = snapshot && args.snapshots ? join(resolve(args.snapshots), snapshot) : null;
			const query = path ? `/?snapshot=${encodeURIComponent(path)}` : '/';
			return JSON.parse((await send(probePort, agent, 'GET', query, {})).body) as Probe;
		};
		let errors = 0;
		const errorKinds: Record<string, number> = {};
		const failed = (what: string) => {
			errors++;
			errorKinds[what] = (errorKinds[what] ?? 0) + 1;
		};
		let address = 0;
		const pace = async (w: Workshop, type: string, extra: object = {}) => {
			const reply = await send(
				port,
				agent,
				'POST',
				`/live/${w.seeded.workshopId}/pace`,
				{ 'content-type': 'application/json', cookie: w.staffCookie, origin },
				JSON.stringify({ type, ...extra })
			);
			if (reply.status !== 200) failed(`pace ${type} ${reply.status}`);
		};
		const joinAll = async (w: Workshop, n: number) => {
			const people: { cookie: string; address: string }[] = [];
			await pool(n, 32, async () => {
				const from = deviceAddress(++address);
				const reply = await send(
					port,
					agent,
					'POST',
					'/live/join',
					{ 'content-type': 'application/json', origin, 'x-forwarded-for': from },
					JSON.stringify({ code: w.seeded.joinCode })
				);
				const cookie = [reply.headers['set-cookie'] ?? []]
					.flat()
					.find((c) => c.startsWith(`p_${w.seeded.workshopId}=`));
				if (reply.status !== 200 || !cookie) return failed(`join ${reply.status}`);
				people.push({ cookie: cookie.split(';')[0], address: from });
			});
			return people;
		};
		const openStreams = (w: Workshop, people: { cookie: string; address: string }[]) =>
			Promise.all(
				people.map(
					(p) =>
						new Promise<http.ClientRequest>((resolveOpen) => {
							const req = http.get(
								{
									host: HOST,
									port,
									path: `/live/${w.seeded.workshopId}/events`,
									agent: false,
									headers: {
										cookie: p.cookie,
										accept: 'text/event-stream',
										'x-forwarded-for': p.address
									}
								},
								(res) => {
									if (res.statusCode !== 200) failed(`stream ${res.statusCode}`);
									res.resume();
									resolveOpen(req);
								}
							);
							req.on('error', () => {});
						})
				)
			);
		// Answer latencies, with the time they were taken, for the samples.
		const latencies: { at: number; ms: number }[] = [];
		const answer = async (
			w: Workshop,
			p: { cookie: string; address: string },
			activityId: string,
			answers: Record<string, number>
		) => {
			const started = performance.now();
			const reply = await send(
				port,
				agent,
				'POST',
				`/live/${w.seeded.workshopId}/answers`,
				{ 'content-type': 'application/json', cookie: p.cookie, 'x-forwarded-for': p.address },
				JSON.stringify({ activityId, answers })
			);
			latencies.push({ at: started, ms: performance.now() - started });
			if (reply.status !== 200) failed(`answer ${reply.status}`);
			return reply.status === 200;
		};
		const rateItems = (w: Workshop) =>
			w.seeded.valueIds.flatMap((v) => w.seeded.lenses.map((l) => `${v}:${l}`));

		// The long-lived workshop: joined, streaming, re-voting one rating item every second.
		const longPeople = await joinAll(long, LONG);
		const longStreams = await openStreams(long, longPeople);
		await pace(long, 'start');
		await pace(long, 'goto', { index: 1 });
		const longItem = rateItems(long)[0];
		const lastAcked = new Map<number, number>();
		let revoting = true;
		let round = 0;
		const revote = (async () => {
			while (revoting) {
				const r = ++round;
				await Promise.all(
					longPeople.map(async (p, i) => {
						const score = (i + r) % 11;
						if (await answer(long, p, long.seeded.activities.rate.id, { [longItem]: score })) {
							lastAcked.set(i, score);
						}
					})
				);
				await sleep(1000);
			}
		})();

		// Samples every SAMPLE_MS.
		const samples: {
			s: number;
			cycle: number;
			rssMb: number;
			heapMb: number;
			fds: number;
			answers: number;
			p95: number;
		}[] = [];
		const t0 = performance.now();
		let cycle = 0;
		let sampledTo = t0;
		const sample = async () => {
			const now = performance.now();
			const window = latencies.filter((l) => l.at >= sampledTo && l.at < now).map((l) => l.ms);
			sampledTo = now;
			const p = await probe();
			samples.push({
				s: Math.round((now - t0) / 1000),
				cycle,
				rssMb: Math.round(mb(p.rss)),
				heapMb: Math.round(mb(p.heapUsed) * 10) / 10,
				fds: p.fds,
				answers: window.length,
				p95: Math.round(percentiles(window).p95 * 10) / 10
			});
		};
		const sampler = setInterval(() => void sample(), SAMPLE_MS);

		const heapAfterCycle: number[] = [];
		let baseline: Probe | null = null;
		for (const w of cycles) {
			const people = await joinAll(w, N);
			const streams = await openStreams(w, people);
			await pace(w, 'start');
			await pace(w, 'goto', { index: 1 });
			const items = rateItems(w);
			await pool(people.length, 32, async (i) => {
				await answer(
					w,
					people[i],
					w.seeded.activities.rate.id,
					Object.fromEntries(items.map((item, k) => [item, (i + k) % 11]))
				);
			});
			await pace(w, 'goto', { index: 2 });
			await pool(people.length, 32, async (i) => {
				const dots = { [`${w.seeded.valueIds[i % 5]}:strategic`]: 3 };
				dots[`${w.seeded.valueIds[(i + 1) % 5]}:strategic`] = 2;
				await answer(w, people[i], w.seeded.activities.dots.id, dots);
			});
			await pace(w, 'reveal');
			await pace(w, 'end');
			for (const s of streams) s.destroy();
			cycle++;
			// What the cycle leaves behind once its room may have left (swept every half the idle time).
			await sleep(ENDED_IDLE_S * 1500 + 1000);
			const after = await probe(cycle === WARMUP ? 'warm.heapsnapshot' : undefined);
			heapAfterCycle.push(after.heapUsed);
			if (cycle === WARMUP) baseline = after;
			log(
				`cycle ${cycle}/${CYCLES}: heap ${mb(after.heapUsed).toFixed(1)} MB, RSS ${mb(after.rss).toFixed(0)} MB, ${after.fds} fds, ${errors} errors`
			);
		}
		await sample();
		clearInterval(sampler);
		const end = await probe('end.heapsnapshot');
		revoting = false;
		await revote;
		for (const s of longStreams) s.destroy();

		// The long-lived workshop's answers: exactly the last acknowledged score per participant.
		const stored = await db
			.select({ score: votes.score })
			.from(votes)
			.where(and(eq(votes.activityId, long.seeded.activities.rate.id), eq(votes.itemId, longItem)));
		const storedScores = stored.map((r) => r.score).sort((a, b) => a - b);
		const expectedScores = [...lastAcked.values()].sort((a, b) => a - b);
		const longAnswersMatch =
			storedScores.length === expectedScores.length &&
			storedScores.every((s, i) => s === expectedScores[i]);
		client.close();

		const after = heapAfterCycle.slice(WARMUP);
		const base = baseline ?? (await probe());
		const steady = samples.filter((s) => s.answers > 0);
		const result = {
			date: new Date().toISOString(),
			machine: { ...machine, loadAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) },
			settings: {
				cycles: CYCLES,
				participants: N,
				long: LONG,
				warmup: WARMUP,
				sampleSeconds: SAMPLE_MS / 1000,
				endedIdleSeconds: ENDED_IDLE_S
			},
			retainedSlopeKbPerCycle: Math.round((slope(after) / 1024) * 10) / 10,
			baseline: { heapMb: mb(base.heapUsed), rssMb: mb(base.rss), fds: base.fds },
			end: { heapMb: mb(end.heapUsed), rssMb: mb(end.rss), fds: end.fds },
			peakRssMb: Math.round(memoryOf(pid).peakMb),
			firstP95: steady.slice(0, 3).map((s) => s.p95),
			lastP95: steady.slice(-3).map((s) => s.p95),
			errors,
			errorKinds,
			longRounds: round,
			longAnswersMatch,
			samples
		};
		print(result);
		const file = saveResults('soak', result.date, result);
		log(`results in ${file}`);
		if (!args['no-docs']) {
			const docs = writeDocsTable({
				marker: 'bench:soak',
				heading: 'Soak: a server that runs for months',
				text: table(result),
				machine: `${machine.cpus} cores (${machine.cpu.split(' ').slice(0, 2).join(' ')}), Node ${machine.node}, load average before/after ${machine.loadBefore[0]} / ${result.machine.loadAfter[0]}, ${result.date.slice(0, 16).replace('T', ' ')} UTC`,
				command: `npm run bench:soak -- --cycles ${CYCLES} --participants ${N}`
			});
			log(`table written to ${docs}`);
		}
		if (errors > 0 || !longAnswersMatch) process.exitCode = 1;
	} finally {
		await stop(server);
		rmSync(tmp, { recursive: true, force: true });
	}
}

type Result = {
	settings: { cycles: number; participants: number; long: number; warmup: number };
	retainedSlopeKbPerCycle: number;
	baseline: { heapMb: number; rssMb: number; fds: number };
	end: { heapMb: number; rssMb: number; fds: number };
	peakRssMb: number;
	firstP95: number[];
	lastP95: number[];
	errors: number;
	longRounds: number;
	longAnswersMatch: boolean;
	samples: { s: number; cycle: number; rssMb: number; heapMb: number; fds: number; p95: number }[];
};

function table(r: Result): string {
	const f = (n: number) => n.toFixed(1);
	const rssChange = ((r.end.rssMb - r.baseline.rssMb) / r.baseline.rssMb) * 100;
	const rows = [
		`| Measure | Value | Target |`,
		`| --- | --- | --- |`,
		`| Retained heap slope after ${r.settings.warmup} warm-up cycles | ${r.retainedSlopeKbPerCycle} KB per cycle | < 10 KB |`,
		`| Heap after GC: baseline → end | ${f(r.baseline.heapMb)} → ${f(r.end.heapMb)} MB | |`,
		`| RSS: baseline → end | ${f(r.baseline.rssMb)} → ${f(r.end.rssMb)} MB (${rssChange >= 0 ? '+' : ''}${rssChange.toFixed(1)} %) | within 10 % |`,
		`| Peak RSS | ${r.peakRssMb} MB | |`,
		`| Open file descriptors: baseline → end | ${r.baseline.fds} → ${r.end.fds} | no growth |`,
		`| Answer p95, first three samples → last three | ${r.firstP95.join(', ')} → ${r.lastP95.join(', ')} ms | no drift |`,
		`| Errors | ${r.errors} | 0 |`,
		`| Long-lived workshop (${r.settings.long} people, ${r.longRounds} re-votes each): stored = last acknowledged | ${r.longAnswersMatch ? 'yes' : 'NO'} | yes |`
	];
	const every = [
		`| s | cycle | RSS MB | heap after GC MB | fds | answer p95 ms |`,
		`| --: | --: | --: | --: | --: | --: |`,
		...r.samples.map(
			(s) => `| ${s.s} | ${s.cycle} | ${s.rssMb} | ${s.heapMb} | ${s.fds} | ${s.p95} |`
		)
	];
	return `${r.settings.cycles} cycles of ${r.settings.participants} participants.\n\n${rows.join('\n')}\n\nSamples:\n\n${every.join('\n')}`;
}

function print(r: Result) {
	console.log(`\n${table(r)}\n`);
}

function abandon(reason: string) {
	console.error(`[bench:soak] ${reason}`);
	for (const child of children) child.kill('SIGKILL');
	process.exit(2);
}
setTimeout(() => abandon(`gave up after ${args.timeout} s`), Number(args.timeout) * 1000).unref();
process.on('SIGINT', () => abandon('interrupted'));
process.on('SIGTERM', () => abandon('terminated'));

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
