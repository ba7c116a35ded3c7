/**
 * The crash test: `npm run test:durability` (part of `npm test`, after the e2e build).
 *
 * Against the production build (`npm run build` first; it builds once if there is none) on a
 * brand-new database file:
 *   1. a workshop with a rating is running; N participants (default 200) join over HTTP;
 *   2. they all vote in a burst, each sending round after round of changed answers, and the
 *      server is killed with SIGKILL once about half of the burst was acknowledged;
 *   3. the server starts again on the same file;
 *   4. every answer that had been acknowledged (200) must be stored with the score of the
 *      last acknowledged round (or of the one request whose answer the kill cut off), nothing
 *      stored that nobody sent, no participant counted twice, and the server's rebuilt
 *      results equal SQL's;
 *   5. every participant's stream (re)connects with the same cookie and gets their own last
 *      answers back, as the client does by itself after a dropped connection, and everyone
 *      votes again successfully.
 * Prints the figures and exits 1 on any loss. Port 4185 (DURABILITY_PORT to change).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql as query } from 'drizzle-orm';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { openDatabase } from '../../src/lib/server/db';
import { participants, votes } from '../../src/lib/server/db/schema';
import { listReleasedCounts } from '../../src/lib/server/live/queries';
import { seedWorkshop } from '../../src/lib/server/live/testing';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
	options: {
		participants: { type: 'string', default: '200' },
		rounds: { type: 'string', default: '12' },
		/** Kill once this share of the burst's requests has been acknowledged. */
		'kill-at': { type: 'string', default: '0.5' }
	}
});
const N = Number(args.participants);
const ROUNDS = Number(args.rounds);
const KILL_AT = Number(args['kill-at']);
const HOST = '127.0.0.1';
const PORT = Number(process.env.DURABILITY_PORT ?? 4185);
const ORIGIN = `http://${HOST}:${PORT}`;
const BUILD_DIR = join(ROOT, 'build');

const log = (message: string) => console.log(`[durability] ${message}`);

// ------------------------------------------------------------------ the server

let server: ChildProcess | null = null;

async function startServer(databaseUrl: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(PORT),
			HOST,
			ORIGIN,
			DATABASE_URL: databaseUrl,
			MIGRATIONS_DIR: join(ROOT, 'drizzle')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	await new Promise<void>((ready, fail) => {
		const timer = setTimeout(() => fail(new Error(`no start within 30 s:\n${output}`)), 30_000);
		child.stdout!.on('data', (c: Buffer) => {
			output += c.toString();
			if (/listening/.test(output)) {
				clearTimeout(timer);
				ready();
			}
		});
		child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			fail(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
		});
	});
	child.stdout!.resume();
	server = child;
	return child;
}

async function kill(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGKILL');
	await exited;
}

// ------------------------------------------------------------------ requests

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function request(
	method: string,
	path: string,
	headers: Record<string, string>,
	body?: string
): Promise<Reply> {
	return new Promise((done, fail) => {
		const req = http.request({ host: HOST, port: PORT, method, path, agent, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end(body);
	});
}

const postJson = (path: string, cookie: string, body: unknown) =>
	request(
		'POST',
		path,
		{ 'content-type': 'application/json', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
		JSON.stringify(body)
	);

/** Opens an event stream and returns the data of the first frame of each wanted event. */
function readStream(
	path: string,
	cookie: string,
	wanted: string[],
	timeoutMs = 15_000
): Promise<Record<string, unknown>> {
	return new Promise((done, fail) => {
		const found: Record<string, unknown> = {};
		const req = http.get(
			{
				host: HOST,
				port: PORT,
				path,
				agent: false,
				headers: { cookie, accept: 'text/event-stream' }
			},
			(res) => {
				if (res.statusCode !== 200) {
					res.resume();
					return fail(new Error(`${path} answered ${res.statusCode}`));
				}
				let buffer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					buffer += chunk;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const frame = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const event = /^event: (\w+)$/m.exec(frame)?.[1];
						const data = /^data: (.*)$/m.exec(frame)?.[1];
						if (event && data && wanted.includes(event) && !(event in found)) {
							found[event] = JSON.parse(data);
						}
						if (wanted.every((w) => w in found)) {
							clearTimeout(timer);
							req.destroy();
							done(found);
							return;
						}
					}
				});
			}
		);
		const timer = setTimeout(() => {
			req.destroy();
			fail(new Error(`${path}: no ${wanted.join(', ')} within ${timeoutMs} ms`));
		}, timeoutMs);
		req.on('error', (error) => {
			clearTimeout(timer);
			if (!wanted.every((w) => w in found)) fail(error);
		});
	});
}

async function pool(n: number, limit: number, task: (i: number) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, n) }, async () => {
			while (next < n) await task(next++);
		})
	);
}

// ------------------------------------------------------------------ the test

async function main() {
	if (!existsSync(join(BUILD_DIR, 'handler.js'))) {
		log('no production build: running `npm run build` once');
		const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (built.status !== 0) throw new Error('npm run build failed');
	}
	const tmp = mkdtempSync(join(os.tmpdir(), 'undercurrent-durability-'));
	const databaseUrl = `file:${join(tmp, 'crash.db')}`;
	const started = performance.now();
	try {
		const { db, client } = await openDatabase({
			url: databaseUrl,
			migrationsFolder: join(ROOT, 'drizzle')
		});
		const seeded = await seedWorkshop(db, {
			values: 5,
			lenses: ['current', 'strategic'],
			minGroupSize: 5
		});
		const staffToken = generateSessionToken();
		await createSession(db, staffToken, seeded.userId);
		const staff = `session=${staffToken}`;
		const wid = seeded.workshopId;
		const activityId = seeded.activities.rate.id;
		const items = seeded.valueIds.flatMap((v) => seeded.lenses.map((l) => `${v}:${l}`));

		await startServer(databaseUrl);
		for (const command of [{ type: 'start' }, { type: 'goto', index: 1 }]) {
			const paced = await postJson(`/live/${wid}/pace`, staff, command);
			if (paced.status !== 200) {
				throw new Error(`pace ${command.type}: ${paced.status} ${paced.body}`);
			}
		}

		// 1. everyone joins
		const cookies: string[] = new Array(N);
		await pool(N, 32, async (i) => {
			const joined = await postJson('/live/join', '', { code: seeded.joinCode });
			if (joined.status !== 200) throw new Error(`join: ${joined.status} ${joined.body}`);
			const cookie = [joined.headers['set-cookie'] ?? []]
				.flat()
				.find((c) => c.startsWith(`p_${wid}=`));
			if (!cookie) throw new Error('join set no participant cookie');
			cookies[i] = cookie.split(';')[0];
		});
		log(`${N} participants joined`);

		// 2. the burst, and the kill in the middle of it
		const score = (p: number, round: number, k: number) => (p * 7 + round * 3 + k) % 11;
		const answersOf = (p: number, round: number) =>
			Object.fromEntries(items.map((item, k) => [item, score(p, round, k)]));
		const lastAcked = new Int32Array(N).fill(-1);
		/** The round a participant had sent when the server died: stored or not, nobody knows. */
		const unknown = new Int32Array(N).fill(-1);
		const refused: Record<string, number> = {};
		let acknowledged = 0;
		let killed = false;
		const victim = server!;
		const target = Math.round(N * ROUNDS * KILL_AT);
		const burstStart = performance.now();
		await Promise.all(
			Array.from({ length: N }, async (_, p) => {
				for (let round = 0; round < ROUNDS && !killed; round++) {
					try {
						const reply = await postJson(`/live/${wid}/answers`, cookies[p], {
							activityId,
							answers: answersOf(p, round)
						});
						if (reply.status === 200) {
							lastAcked[p] = round;
							if (++acknowledged === target) {
								killed = true;
								victim.kill('SIGKILL');
							}
						} else {
							refused[reply.status] = (refused[reply.status] ?? 0) + 1;
							// A refusal stored nothing, but a 5xx might have been cut off mid-way.
							if (reply.status >= 500) unknown[p] = round;
						}
					} catch {
						unknown[p] = round;
						return;
					}
				}
			})
		);
		await kill(victim);
		const burstMs = performance.now() - burstStart;
		const cutOff = unknown.filter((r) => r >= 0).length;
		log(
			`burst: ${acknowledged} of ${N * ROUNDS} requests acknowledged in ${Math.round(burstMs)} ms, then SIGKILL; ${cutOff} in flight, ${JSON.stringify(refused)} refused`
		);

		// 3. the restart, on the same file
		agent.destroy();
		const restartStart = performance.now();
		await startServer(databaseUrl);
		log(`restarted in ${Math.round(performance.now() - restartStart)} ms`);

		// 4. what the file holds
		const idByHash = new Map(
			(
				await db
					.select({ id: participants.id, hash: participants.tokenHash })
					.from(participants)
					.where(eq(participants.workshopId, wid))
			).map((r) => [r.hash, r.id])
		);
		const participantIds = cookies.map((cookie) => {
			const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
			return idByHash.get(createHash('sha256').update(token).digest('hex')) ?? '';
		});
		const rows = await db
			.select({ p: votes.participantId, item: votes.itemId, score: votes.score })
			.from(votes)
			.where(eq(votes.activityId, activityId));
		const stored = new Map<string, Map<string, number>>();
		for (const row of rows) {
			const mine = stored.get(row.p) ?? new Map<string, number>();
			mine.set(row.item, row.score);
			stored.set(row.p, mine);
		}
		let votesAcknowledged = 0;
		let recovered = 0;
		let lost = 0;
		let wrong = 0;
		let phantom = 0;
		const problems: string[] = [];
		for (let p = 0; p < N; p++) {
			const mine = stored.get(participantIds[p]) ?? new Map<string, number>();
			if (lastAcked[p] < 0) {
				// Never acknowledged: only the request cut off by the kill may have been stored.
				if (mine.size > 0 && unknown[p] < 0) phantom += mine.size;
				continue;
			}
			items.forEach((item, k) => {
				votesAcknowledged++;
				const got = mine.get(item);
				const acked = score(p, lastAcked[p], k);
				const maybe = unknown[p] >= 0 ? score(p, unknown[p], k) : acked;
				if (got === undefined) lost++;
				else if (got !== acked && got !== maybe) wrong++;
				else recovered++;
			});
			// A request stores all of its answers or none.
			if (unknown[p] >= 0) {
				const all = (round: number) =>
					items.every((item, k) => mine.get(item) === score(p, round, k));
				if (!all(lastAcked[p]) && !all(unknown[p])) {
					problems.push(`participant ${p} holds a mix of two requests`);
				}
			}
		}
		const joinedRows = idByHash.size;
		if (participantIds.some((id) => !id)) problems.push('a participant who joined is missing');
		if (joinedRows !== N) problems.push(`${joinedRows} participants stored for ${N} who joined`);
		if (rows.length > N * items.length) {
			problems.push(`${rows.length} votes for ${N * items.length} possible`);
		}
		if (lost + wrong + phantom > 0) {
			problems.push(`lost ${lost}, wrong ${wrong}, never sent ${phantom}`);
		}

		/** The counts the results page reads (answers and people), kept by triggers, against the answers themselves. */
		const countsKept = async (when: string) => {
			const kept = await db.all(
				query`select item_id, score, n from vote_counts where activity_id = ${activityId} and n > 0 order by 1, 2`
			);
			const grouped = await db.all(
				query`select item_id, score, count(*) as n from votes where activity_id = ${activityId} group by 1, 2 order by 1, 2`
			);
			if (JSON.stringify(kept) !== JSON.stringify(grouped)) {
				problems.push(`${when}: vote_counts differs from the votes`);
			}
			const people = await db.all(
				query`select participant_id, n from vote_respondents where activity_id = ${activityId} and n > 0 order by 1`
			);
			const answered = await db.all(
				query`select participant_id, count(*) as n from votes where activity_id = ${activityId} group by 1 order by 1`
			);
			if (JSON.stringify(people) !== JSON.stringify(answered)) {
				problems.push(`${when}: vote_respondents differs from the votes`);
			}
		};
		/**
		 * The server's own results, rebuilt from the file, are the database's last releases
		 * (docs/security.md, "Releases"): nothing counted twice, nothing released that was not.
		 * And the releases are the answers themselves, but for the changes of fewer than the
		 * minimum group size of people per item, which wait for the next release.
		 */
		const sameAsSql = async (when: string) => {
			const { snapshot } = (await readStream(`/live/${wid}/events?audience=staff`, staff, [
				'snapshot'
			])) as {
				snapshot: {
					results: { respondents: number; min: number; counts: Record<string, number[]> } | null;
					counts: { joined: number; answered: number };
				};
			};
			const results = snapshot.results;
			const [{ min }] = await db.all<{ min: number }>(
				query`select o.min_group_size as min from activities a join workshops w on w.id = a.workshop_id
					join teams t on t.id = w.team_id join organisations o on o.id = t.org_id
					where a.id = ${activityId}`
			);
			const released = await listReleasedCounts(db, activityId, min);
			const fromSql = new Map(released.map((r) => [`${r.itemId}|${r.score}`, r.n]));
			let cells = 0;
			let same = results !== null;
			for (const [item, counts] of Object.entries(results?.counts ?? {})) {
				counts.forEach((n, offset) => {
					if (n === 0) return;
					cells++;
					if (fromSql.get(`${item}|${results!.min + offset}`) !== n) same = false;
				});
			}
			if (!same || cells !== fromSql.size) {
				problems.push(`${when}: the server's results differ from the database's releases`);
			}
			// The answers with every waiting change rolled back to what it was at the release.
			const rolledBack = await db.all(
				query`select item_id, score, sum(n) as n from (
						select v.item_id, v.score, count(*) as n from votes v
						where v.activity_id = ${activityId} and not exists (select 1 from vote_pending p
							where p.activity_id = v.activity_id and p.item_id = v.item_id
							and p.participant_id = v.participant_id)
						group by 1, 2
						union all
						select item_id, baseline, count(*) from vote_pending
						where activity_id = ${activityId} and baseline is not null group by 1, 2
					) group by 1, 2 order by 1, 2`
			);
			const releasedAll = await db.all(
				query`select item_id, score, n from released_counts
					where activity_id = ${activityId} and n > 0 order by 1, 2`
			);
			if (JSON.stringify(rolledBack) !== JSON.stringify(releasedAll)) {
				problems.push(`${when}: the releases are not the answers before the waiting changes`);
			}
			const [{ most }] = await db.all<{ most: number | null }>(
				query`select max(n) as most from (select count(*) as n from vote_pending p
					left join votes v on v.activity_id = p.activity_id and v.item_id = p.item_id
						and v.participant_id = p.participant_id
					where p.activity_id = ${activityId} and p.baseline is not v.score group by p.item_id)`
			);
			if ((most ?? 0) >= min) {
				problems.push(`${when}: ${most} people's changes to one item wait, minimum ${min}`);
			}
			const respondents = new Set(
				(
					await db
						.select({ p: votes.participantId })
						.from(votes)
						.where(eq(votes.activityId, activityId))
				).map((r) => r.p)
			).size;
			if (results?.respondents !== respondents) {
				problems.push(
					`${when}: ${results?.respondents} respondents shown, ${respondents} in the database`
				);
			}
			if (snapshot.counts.joined !== N) {
				problems.push(`${when}: ${snapshot.counts.joined} joined shown for ${N}`);
			}
			return respondents;
		};
		const respondentsAfterCrash = await sameAsSql('after the restart');
		await countsKept('after the restart');

		// 5. the clients: their streams come back with their own answers, and they vote on.
		let streamsBack = 0;
		await pool(N, 50, async (p) => {
			const { mine } = (await readStream(`/live/${wid}/events`, cookies[p], [
				'snapshot',
				'mine'
			])) as {
				mine: Record<string, Record<string, number>>;
			};
			const own = stored.get(participantIds[p]) ?? new Map<string, number>();
			const sent = mine[activityId] ?? {};
			if (
				Object.keys(sent).length === own.size &&
				[...own].every(([item, s]) => sent[item] === s)
			) {
				streamsBack++;
			} else {
				problems.push(`participant ${p}'s stream does not give back their stored answers`);
			}
		});
		const finalRound = ROUNDS;
		let votedAgain = 0;
		await pool(N, 64, async (p) => {
			const reply = await postJson(`/live/${wid}/answers`, cookies[p], {
				activityId,
				answers: answersOf(p, finalRound)
			});
			if (reply.status === 200) votedAgain++;
			else {
				problems.push(
					`participant ${p} could not vote after the restart: ${reply.status} ${reply.body}`
				);
			}
		});
		const after = await db
			.select({ p: votes.participantId, item: votes.itemId, score: votes.score })
			.from(votes)
			.where(eq(votes.activityId, activityId));
		const byKey = new Map(after.map((r) => [`${r.p}|${r.item}`, r.score]));
		const finalWrong = participantIds.reduce(
			(sum, id, p) =>
				sum +
				items.filter((item, k) => byKey.get(`${id}|${item}`) !== score(p, finalRound, k)).length,
			0
		);
		if (after.length !== N * items.length || finalWrong > 0) {
			problems.push(`after voting again: ${after.length} votes stored, ${finalWrong} not as sent`);
		}
		await sameAsSql('after voting again');
		await countsKept('after voting again');

		const figures = {
			participants: N,
			requestsAcknowledgedBeforeKill: acknowledged,
			votesAcknowledged,
			votesRecovered: recovered,
			lost,
			wrong,
			neverSent: phantom,
			cutOffByKill: cutOff,
			respondentsAfterCrash,
			streamsRecovered: streamsBack,
			votedAgainAfterRestart: votedAgain,
			seconds: Math.round((performance.now() - started) / 100) / 10
		};
		log(
			`participants ${N}, votes acknowledged ${votesAcknowledged} (participant × item, from ${acknowledged} acknowledged requests of ${items.length} answers), recovered ${recovered}, lost ${lost + wrong + phantom}, ` +
				`streams back ${streamsBack}/${N}, voted again ${votedAgain}/${N}, in ${figures.seconds} s`
		);
		console.log(JSON.stringify(figures));
		client.close();
		if (acknowledged < target) {
			problems.push(`the kill came only after the burst (${acknowledged} acknowledged)`);
		}
		if (problems.length > 0) {
			console.error(`[durability] FAILED:\n  ${problems.slice(0, 20).join('\n  ')}`);
			process.exitCode = 1;
		} else {
			log('passed: every acknowledged vote survived the SIGKILL, and everyone votes on');
		}
	} finally {
		if (server) await kill(server);
		agent.destroy();
		rmSync(tmp, { recursive: true, force: true });
	}
}

await main();
