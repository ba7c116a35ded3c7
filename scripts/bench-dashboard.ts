/**
 * The dashboard benchmark: `npm run bench:dashboard [-- --teams 50 --months 24 --runs 60]`.
 *
 * On a brand-new embedded database in a temp folder (the real migrations): one organisation of
 * --teams teams, each with five strategic values, three leaders and --months monthly pulse
 * checks (5 value statements, 3 leader statements, eNPS, 3 safety statements; 3 to 22
 * respondents, some below the minimum group size of 5), answers drifting upwards over time,
 * and two or three commitments a month per team (most done, some late, dropped, open or
 * overdue). Then it times the dashboards' whole data load (`loadOrgDashboard`,
 * `loadTeamDashboard`) over --runs runs after a few warm-up runs, checks one team's figures
 * against a direct SQL count, prints a table, writes bench-results/dashboard-<date>.json and
 * the table into docs/performance.md.
 *
 * With --http (issue 15: `npm run bench:dashboard -- --teams 500 --months 24 --http`), the
 * teams are spread over ten departments and the production build (`npm run build` first) is
 * started on the same database (--port, default a free one); a signed-in owner asks for the
 * organisation's dashboard --runs times over HTTP: the server's p95 (request to last byte) and
 * the HTML bytes of the first view, in their own table (marker bench:dashboard-heatmap).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { saveResults, writeDocsTable } from './bench-report';
import { openDatabase, type Database } from '../src/lib/server/db';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import {
	commitments,
	cultureValues,
	departments,
	memberships,
	organisations,
	pulseAnswers,
	pulseItems,
	pulseResponses,
	pulses,
	teamMembers,
	teams,
	users,
	valueLenses
} from '../src/lib/server/db/schema';
import {
	listPulseAggregates,
	loadOrgDashboard,
	loadTeamDashboard
} from '../src/lib/server/dashboard/queries';
import { newId } from '../src/lib/server/ids';
import { releaseDuePulses } from '../src/lib/server/pulses/queries';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		teams: { type: 'string', default: '50' },
		months: { type: 'string', default: '24' },
		runs: { type: 'string', default: '60' },
		seed: { type: 'string', default: '7' },
		http: { type: 'boolean', default: false },
		port: { type: 'string' },
		'no-docs': { type: 'boolean', default: false }
	}
});
const TEAMS = Number(args.teams);
const MONTHS = Number(args.months);
const RUNS = Number(args.runs);
const MIN_GROUP = 5;
const TARGET_MS = 200;
/** Issue 15: the organisation's dashboard over HTTP, and the first view's HTML. */
const HTTP_TARGET_MS = 300;
const HTML_TARGET_BYTES = 150 * 1024;
const DEPARTMENTS = 10;
const NOW = new Date('2026-12-01T12:00:00Z');

// A small deterministic generator, so that every run measures the same data.
let state = Number(args.seed) >>> 0;
function random(): number {
	state = (state * 1664525 + 1013904223) >>> 0;
	return state / 2 ** 32;
}
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const clamp = (v: number, low: number, high: number) => Math.max(low, Math.min(high, v));
const day = (date: Date) => date.toISOString().slice(0, 10);
const log = (text: string) => console.log(`[bench:dashboard] ${text}`);

async function insertAll<T>(db: Database, rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
	void db;
}

async function seed(db: Database) {
	const orgId = newId();
	await db.insert(organisations).values({ id: orgId, name: 'Bench Ltd', minGroupSize: MIN_GROUP });
	const counts = { pulses: 0, responses: 0, answers: 0, commitments: 0 };
	const teamIds: string[] = [];
	// With --http, the teams are spread over departments as the dashboard groups them.
	const departmentIds = args.http ? Array.from({ length: DEPARTMENTS }, () => newId()) : [];
	if (departmentIds.length > 0) {
		await db.insert(departments).values(
			departmentIds.map((id, i) => ({
				id,
				orgId,
				name: `Department ${i + 1}`,
				nameKey: `department ${String(i + 1).padStart(2, '0')}`
			}))
		);
	}
	for (let t = 0; t < TEAMS; t++) {
		const teamId = newId();
		teamIds.push(teamId);
		const leaders = Array.from({ length: 3 }, () => newId());
		const valueIds = Array.from({ length: 5 }, () => newId());
		const pulseRows: (typeof pulses.$inferInsert)[] = [];
		const itemRows: (typeof pulseItems.$inferInsert)[] = [];
		const responseRows: (typeof pulseResponses.$inferInsert)[] = [];
		const answerRows: (typeof pulseAnswers.$inferInsert)[] = [];
		const commitmentRows: (typeof commitments.$inferInsert)[] = [];
		// Each team starts somewhere and improves (or not) at its own pace.
		const start = random() * 1.5;
		const pace = (random() - 0.3) * 0.06;
		for (let month = 0; month < MONTHS; month++) {
			const opens = new Date(Date.UTC(2026, 11 - MONTHS + month, 3));
			const pulseId = newId();
			pulseRows.push({
				id: pulseId,
				teamId,
				code: newId(),
				opensOn: day(opens),
				closesOn: day(new Date(+opens + 6 * 86_400_000)),
				cadenceWeeks: 4,
				openQuestion: 'What would you change?'
			});
			const none = { valueId: null, leaderId: null, statement: '' };
			const items = [
				...valueIds.map((valueId) => ({ ...none, kind: 'value' as const, valueId })),
				...leaders.map((leaderId) => ({ ...none, kind: 'leader' as const, leaderId })),
				{ ...none, kind: 'enps' as const },
				...['speak_up', 'mistakes', 'ask_help'].map((statement) => ({
					...none,
					kind: 'safety' as const,
					statement
				}))
			].map((item, position) => ({ id: newId(), pulseId, position, ...item }));
			itemRows.push(...items);
			const lean = start + pace * month;
			for (let r = between(3, 22); r > 0; r--) {
				const responseId = newId();
				responseRows.push({ id: responseId, pulseId, tokenHash: newId(), updatedAt: opens });
				for (const item of items) {
					const score =
						item.kind === 'enps'
							? clamp(Math.round(6 + lean * 2 + (random() - 0.5) * 6), 0, 10)
							: clamp(Math.round(3 + lean + (random() - 0.5) * 3), 1, 5);
					answerRows.push({ responseId, itemId: item.id, score });
				}
			}
			for (let c = between(2, 3); c > 0; c--) {
				const created = new Date(+opens + between(0, 20) * 86_400_000);
				const due = new Date(+created + between(14, 60) * 86_400_000);
				const fate = random();
				const past = +due < +NOW;
				const done = fate < 0.65 && (past || fate < 0.3);
				const late = done && random() < 0.2;
				const doneAt = done ? new Date(+due + (late ? 1 : -1) * between(1, 10) * 86_400_000) : null;
				const dropped = !done && fate < 0.75;
				commitmentRows.push({
					id: newId(),
					teamId,
					leaderId: leaders[between(0, 2)],
					valueId: valueIds[between(0, 4)],
					action: 'Ask for feedback in every one-on-one',
					signal: 'People hear me ask first',
					dueOn: day(due),
					status: done ? 'done' : dropped ? 'dropped' : 'open',
					doneAt: doneAt && +doneAt > +NOW ? NOW : doneAt,
					droppedAt: dropped ? new Date(+created + between(5, 40) * 86_400_000) : null,
					dropReason: dropped ? 'Priorities changed' : null,
					createdAt: created
				});
			}
		}
		await db.transaction(async (tx) => {
			await tx.insert(teams).values({
				id: teamId,
				orgId,
				name: `Team ${t + 1}`,
				nameKey: `team ${String(t + 1).padStart(3, '0')}`,
				departmentId: departmentIds.length ? departmentIds[t % departmentIds.length] : null
			});
			await tx.insert(users).values(
				leaders.map((id, i) => ({
					id,
					email: `${id}@bench.test`,
					name: `Leader ${t + 1}.${i + 1}`,
					passwordHash: 'x'
				}))
			);
			await tx
				.insert(memberships)
				.values(leaders.map((userId) => ({ orgId, userId, role: 'leader' as const })));
			await tx.insert(teamMembers).values(leaders.map((userId) => ({ teamId, userId })));
			await tx.insert(cultureValues).values(
				valueIds.map((id, position) => ({
					id,
					teamId,
					name: `Value ${position + 1}`,
					nameKey: `value ${position + 1}`,
					position
				}))
			);
			await tx
				.insert(valueLenses)
				.values(valueIds.map((valueId) => ({ valueId, lens: 'strategic' as const })));
			await tx.insert(pulses).values(pulseRows);
			await insertAll(db, itemRows, (chunk) => tx.insert(pulseItems).values(chunk));
			await insertAll(db, responseRows, (chunk) => tx.insert(pulseResponses).values(chunk));
			await insertAll(db, answerRows, (chunk) => tx.insert(pulseAnswers).values(chunk));
			await insertAll(db, commitmentRows, (chunk) => tx.insert(commitments).values(chunk));
		});
		counts.pulses += pulseRows.length;
		counts.responses += responseRows.length;
		counts.answers += answerRows.length;
		counts.commitments += commitmentRows.length;
	}
	return { orgId, teamIds, counts };
}

const HOST = '127.0.0.1';

async function freePort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((r) => server.listen(0, HOST, r));
	const { port } = server.address() as AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

/** The production build on the bench's database; resolves once it listens. */
async function startServer(databasePath: string, port: number): Promise<ChildProcess> {
	const buildDir = resolve(process.env.BENCH_BUILD_DIR ?? join(ROOT, 'build'));
	if (!existsSync(join(buildDir, 'handler.js'))) {
		throw new Error(`no production build in ${buildDir}: run npm run build first`);
	}
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST,
			ORIGIN: `http://${HOST}:${port}`,
			DATABASE_URL: `file:${databasePath}`,
			BUILD_DIR: buildDir,
			MIGRATIONS_DIR: join(ROOT, 'drizzle')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	await new Promise<void>((ready, reject) => {
		const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (/listening/.test(output)) {
				clearTimeout(timer);
				ready();
			}
		});
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
	});
	child.stdout!.removeAllListeners('data');
	child.stdout!.resume();
	child.stderr!.resume();
	return child;
}

/** One GET to its last byte: status, bytes and milliseconds. */
function get(port: number, path: string, cookie: string) {
	return new Promise<{ status: number; bytes: number; ms: number }>((done, fail) => {
		const started = performance.now();
		const request = http.get({ host: HOST, port, path, headers: { cookie } }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () =>
				done({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started })
			);
		});
		request.on('error', fail);
	});
}

/**
 * A signed-in owner asks for the organisation's dashboard over HTTP: the first view's HTML
 * bytes (with the load data SvelteKit inlines), and the server's time over --runs requests.
 */
async function firstViewOverHttp(db: Database, databasePath: string, orgId: string) {
	const ownerId = newId();
	await db.insert(users).values({
		id: ownerId,
		email: `${ownerId}@bench.test`,
		name: 'Bench owner',
		passwordHash: 'x'
	});
	await db.insert(memberships).values({ orgId, userId: ownerId, role: 'owner' });
	const token = generateSessionToken();
	await createSession(db, token, ownerId);
	const cookie = `session=${token}`;
	const port = args.port ? Number(args.port) : await freePort();
	const server = await startServer(databasePath, port);
	try {
		const path = `/o/${orgId}/dashboard`;
		const first = await get(port, path, cookie);
		if (first.status !== 200) throw new Error(`the dashboard answered ${first.status}`);
		const dropFirst = await get(port, `${path}?sort=change`, cookie);
		for (let i = 0; i < 5; i++) await get(port, path, cookie);
		const samples: number[] = [];
		for (let i = 0; i < RUNS; i++) samples.push((await get(port, path, cookie)).ms);
		samples.sort((a, b) => a - b);
		return {
			html: first.bytes,
			htmlSortedByDrop: dropFirst.bytes,
			p50: percentile(samples, 50),
			p95: percentile(samples, 95),
			max: samples.at(-1)!,
			runs: RUNS
		};
	} finally {
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		await exited;
	}
}

function reportHttp(
	r: Result & {
		http: { html: number; htmlSortedByDrop: number; p50: number; p95: number; max: number };
	}
) {
	const ms = (v: number) => v.toFixed(1);
	const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
	const rows = [
		[
			'data',
			`${r.settings.teams} teams in ${DEPARTMENTS} departments × ${r.settings.months} monthly pulses: ${r.data.pulses} pulses, ${r.data.responses} respondents, ${r.data.answers} answers, ${r.data.commitments} commitments`,
			'',
			''
		],
		[
			'organisation dashboard over HTTP, signed in, p50 / p95 / max (ms)',
			`${ms(r.http.p50)} / ${ms(r.http.p95)} / ${ms(r.http.max)}`,
			`p95 < ${HTTP_TARGET_MS}`,
			r.http.p95 < HTTP_TARGET_MS ? 'yes' : '**no**'
		],
		[
			'HTML of the first view (40 teams a page, load data inlined)',
			kb(r.http.html),
			`< ${kb(HTML_TARGET_BYTES)}`,
			r.http.html < HTML_TARGET_BYTES ? 'yes' : '**no**'
		],
		[
			'HTML sorted by the biggest drop (a ranking, no department rows)',
			kb(r.http.htmlSortedByDrop),
			`< ${kb(HTML_TARGET_BYTES)}`,
			r.http.htmlSortedByDrop < HTML_TARGET_BYTES ? 'yes' : '**no**'
		],
		[
			'organisation dashboard load in process p50 / p95 / max (ms)',
			`${ms(r.org.p50)} / ${ms(r.org.p95)} / ${ms(r.org.max)}`,
			`p95 < ${TARGET_MS}`,
			r.org.p95 < TARGET_MS ? 'yes' : '**no**'
		]
	];
	const text =
		`| measure | value | target | met |\n| --- | --- | --- | --- |\n` +
		rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
	const machine = `${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, load average before/after ${r.machine.loadBefore[0]} / ${r.machine.loadAfter[0]}, ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.settings.runs} requests after 5 warm-up requests, one at a time`;
	console.log(`\n${text}\n\n${machine}\n`);
	log(`results in ${saveResults('dashboard', r.date, r, 'http')}`);
	if (args['no-docs']) return;
	const docs = writeDocsTable({
		marker: 'bench:dashboard-heatmap',
		heading: "The organisation's heatmap at 500 teams",
		text,
		machine,
		command: `npm run bench:dashboard -- --teams ${r.settings.teams} --months ${r.settings.months} --http`
	});
	log(`table written to ${docs}`);
}

function percentile(sorted: number[], p: number): number {
	const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, at)];
}

async function time(runs: number, work: () => Promise<unknown>) {
	for (let i = 0; i < 5; i++) await work();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await work();
		samples.push(performance.now() - started);
	}
	samples.sort((a, b) => a - b);
	return {
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		max: samples.at(-1)!,
		runs
	};
}

async function main() {
	const dir = mkdtempSync(join(os.tmpdir(), 'bench-dashboard-'));
	const loadBefore = os.loadavg().map((v) => Math.round(v * 100) / 100);
	try {
		const { db, client } = await openDatabase({
			url: `file:${join(dir, 'bench.db')}`,
			migrationsFolder: join(ROOT, 'drizzle')
		});
		const seeding = performance.now();
		const { orgId, teamIds, counts } = await seed(db);
		log(
			`seeded ${TEAMS} teams × ${MONTHS} pulses: ${counts.responses} respondents, ${counts.answers} answers, ${counts.commitments} commitments in ${Math.round(performance.now() - seeding)} ms`
		);
		// The answers went in as raw rows: release them as saving an answer does (every pulse
		// of at least the minimum of respondents gets its release).
		await releaseDuePulses(db, { orgId });
		await client.execute('ANALYZE');

		const teamId = teamIds[Math.floor(TEAMS / 2)];
		// With --http, as the page asks: the heatmap without the list of every team.
		const org = await time(RUNS, () =>
			loadOrgDashboard(db, { orgId, minGroupSize: MIN_GROUP, now: NOW, withTeams: !args.http })
		);
		const team = await time(RUNS, () =>
			loadTeamDashboard(db, { teamId, minGroupSize: MIN_GROUP, now: NOW })
		);

		// The figures must be the database's: the team's respondents and favourable answers.
		const data = await loadTeamDashboard(db, { teamId, minGroupSize: MIN_GROUP, now: NOW });
		const [check] = (
			await client.execute({
				sql: `select count(distinct r.id) n,
					sum(case when i.kind = 'value' and a.score >= 4 and big.id is not null then 1 else 0 end) fav,
					sum(case when i.kind = 'value' and big.id is not null then 1 else 0 end) total
					from pulse_responses r join pulses p on p.id = r.pulse_id
					join pulse_answers a on a.response_id = r.id join pulse_items i on i.id = a.item_id
					left join (select pulse_id as id from pulse_responses group by pulse_id having count(*) >= ?) big
						on big.id = p.id
					where p.team_id = ?`,
				args: [MIN_GROUP, teamId]
			})
		).rows;
		const respondents = data.pulses.reduce((s, p) => s + p.respondents, 0);
		const shown = data.pulses.filter((p) => !p.hidden).length;
		const sums = await listPulseAggregates(db, { teamId });
		const consistent =
			respondents === Number(check.n) &&
			sums.reduce((s, p) => s + p.valueFavourable, 0) === Number(check.fav) &&
			sums.reduce((s, p) => s + p.valueAnswers, 0) === Number(check.total);
		const orgData = await loadOrgDashboard(db, { orgId, minGroupSize: MIN_GROUP, now: NOW });

		const result = {
			date: new Date().toISOString(),
			machine: {
				cpus: os.cpus().length,
				cpu: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? '?',
				node: process.version,
				loadBefore,
				loadAfter: os.loadavg().map((v) => Math.round(v * 100) / 100)
			},
			settings: { teams: TEAMS, months: MONTHS, runs: RUNS, minGroupSize: MIN_GROUP },
			data: counts,
			org,
			team,
			checks: {
				respondentsMatchSql: consistent,
				teamPulsesShown: shown,
				teamPulses: data.pulses.length,
				orgMonths: orgData.months.length,
				orgFollowThrough: orgData.followThrough.rate
			}
		};
		report(result, Number(check.fav) / Number(check.total));
		if (!consistent) throw new Error('the dashboard disagrees with SQL');
		if (args.http) {
			const overHttp = await firstViewOverHttp(db, join(dir, 'bench.db'), orgId);
			reportHttp({ ...result, http: overHttp });
		}
		client.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

type Result = {
	date: string;
	machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
	settings: { teams: number; months: number; runs: number; minGroupSize: number };
	data: { pulses: number; responses: number; answers: number; commitments: number };
	org: { p50: number; p95: number; max: number };
	team: { p50: number; p95: number; max: number };
	checks: {
		respondentsMatchSql: boolean;
		teamPulsesShown: number;
		teamPulses: number;
		orgMonths: number;
		orgFollowThrough: number | null;
	};
};

function report(r: Result, favourableShare: number) {
	const ms = (v: number) => v.toFixed(1);
	const met = (p95: number) => (p95 < TARGET_MS ? 'yes' : '**no**');
	const rows = [
		[
			'data',
			`${r.settings.teams} teams × ${r.settings.months} monthly pulses: ${r.data.pulses} pulses, ${r.data.responses} respondents, ${r.data.answers} answers, ${r.data.commitments} commitments`,
			'',
			''
		],
		[
			'organisation dashboard load p50 / p95 / max (ms)',
			`${ms(r.org.p50)} / ${ms(r.org.p95)} / ${ms(r.org.max)}`,
			`p95 < ${TARGET_MS}`,
			met(r.org.p95)
		],
		[
			'team dashboard load p50 / p95 / max (ms)',
			`${ms(r.team.p50)} / ${ms(r.team.p95)} / ${ms(r.team.max)}`,
			`p95 < ${TARGET_MS}`,
			met(r.team.p95)
		],
		[
			'team: respondents and favourable answers (of the released pulses) equal a direct SQL count over the answers',
			r.checks.respondentsMatchSql ? 'yes' : 'no',
			'yes',
			r.checks.respondentsMatchSql ? 'yes' : '**no**'
		],
		[
			'team: pulses shown / hidden below the minimum of 5',
			`${r.checks.teamPulsesShown} / ${r.checks.teamPulses - r.checks.teamPulsesShown}`,
			'',
			`${Math.round(favourableShare * 100)} % favourable overall`
		],
		[
			'organisation: months, follow-through now',
			`${r.checks.orgMonths}, ${r.checks.orgFollowThrough === null ? '–' : `${Math.round(r.checks.orgFollowThrough)} %`}`,
			'',
			''
		]
	];
	const text =
		`| measure | value | target | met |\n| --- | --- | --- | --- |\n` +
		rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
	const machine = `${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, load average before/after ${r.machine.loadBefore[0]} / ${r.machine.loadAfter[0]}, ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.settings.runs} runs after 5 warm-up runs each`;
	console.log(`\n${text}\n\n${machine}\n`);
	log(`results in ${saveResults('dashboard', r.date, r)}`);
	// With --http the figures go into their own table (reportHttp), not over the default run's.
	if (args['no-docs'] || args.http) return;
	const docs = writeDocsTable({
		marker: 'bench:dashboard',
		heading: 'The management dashboards',
		text,
		machine,
		command: 'npm run bench:dashboard'
	});
	log(`table written to ${docs}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
