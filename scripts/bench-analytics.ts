/**
 * The analytics benchmark: `npm run bench:analytics [-- --participants 10000 --values 100]`.
 *
 * On a brand-new embedded database in a temp folder: a team with --values values (one in ten
 * marked limiting), a workshop that rates every value under all four lenses (0–10) and a dot
 * vote on the strategic lens, answered in full by --participants people (values × 4 ratings
 * and 5 dots each). Then it times the results page's data load (`loadResults`, what
 * +page.server.ts calls) of the ended workshop: the first load after opening the database, then
 * --iterations times after --warmup runs, and prints p50/p95 with the number of votes. Writes bench-results/analytics-<date>.json and the table into
 * docs/performance.md (between the `bench:analytics` markers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { saveResults, writeDocsTable } from './bench-report';
import { eq, inArray, sql } from 'drizzle-orm';
import { loadResults } from '../src/lib/server/analytics/report';
import { openDatabase, type Database } from '../src/lib/server/db';
import { cultureValues, workshops } from '../src/lib/server/db/schema';
import type { WorkshopRow } from '../src/lib/server/workshops/queries';
import { hashToken, newId } from '../src/lib/server/ids';
import {
	participantStatements,
	voteStatements,
	type AnswerEntry
} from '../src/lib/server/live/queries';
import { inProcessStore } from '../src/lib/server/live/store';
import { seedWorkshop } from '../src/lib/server/live/testing';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		participants: { type: 'string', default: '10000' },
		values: { type: 'string', default: '100' },
		iterations: { type: 'string', default: '30' },
		warmup: { type: 'string', default: '3' },
		/** Keep the database in this file (it is reused when it already holds the workshop). */
		database: { type: 'string' },
		'no-docs': { type: 'boolean', default: false }
	}
});
const PEOPLE = Number(args.participants);
const VALUES = Number(args.values);
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
const TARGET_MS = 100;
const LENSES = ['assumed', 'current', 'paradise', 'strategic'] as const;

const log = (text: string) => console.log(`[bench:analytics] ${text}`);

/** A small deterministic generator, so every run stores the same answers. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function percentile(sorted: number[], p: number): number {
	const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, at)];
}

async function main() {
	const folder = args.database ? null : mkdtempSync(join(os.tmpdir(), 'bench-analytics-'));
	const url = `file:${args.database ?? join(folder!, 'bench.db')}`;
	const { db, client } = await openDatabase({ url, migrationsFolder: join(ROOT, 'drizzle') });
	const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
	try {
		const [row] = await db.select().from(workshops).limit(1);
		const started = performance.now();
		const workshop = row ?? (await fill(db));
		const fillSeconds = (performance.now() - started) / 1000;
		await client.execute('ANALYZE');
		const [{ n: voteCount }] = await db.all<{ n: number }>(sql`select count(*) as n from votes`);
		log(`${voteCount} votes stored in ${fillSeconds.toFixed(0)} s; timing loadResults`);

		const t0 = performance.now();
		let check = await loadResults(db, workshop, 5);
		const firstMs = performance.now() - t0;
		for (let i = 0; i < WARMUP; i++) check = await loadResults(db, workshop, 5);
		const times: number[] = [];
		for (let i = 0; i < ITERATIONS; i++) {
			const t = performance.now();
			check = await loadResults(db, workshop, 5);
			times.push(performance.now() - t);
		}
		times.sort((a, b) => a - b);
		const rated = check.ratings[0]?.values.length ?? 0;
		if (check.respondents !== PEOPLE || rated !== VALUES) {
			throw new Error(`wrong results: ${check.respondents} respondents, ${rated} values rated`);
		}
		const result = {
			date: new Date().toISOString(),
			settings: {
				participants: PEOPLE,
				values: VALUES,
				iterations: ITERATIONS,
				warmup: WARMUP
			},
			votes: voteCount,
			fillSeconds,
			firstMs,
			ms: {
				p50: percentile(times, 50),
				p95: percentile(times, 95),
				min: times[0],
				max: times.at(-1)!
			},
			machine: {
				cpus: os.cpus().length,
				cpu: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? '',
				node: process.version,
				loadBefore,
				loadAfter: os.loadavg().map((n) => Math.round(n * 100) / 100)
			}
		};
		report(result);
	} finally {
		client.close();
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
}

/** The team, its values and the workshop, answered in full by every participant. */
async function fill(db: Database): Promise<WorkshopRow> {
	const seed = await seedWorkshop(db, { values: VALUES, dots: 5, minGroupSize: 5 });
	await db
		.update(cultureValues)
		.set({ limiting: true })
		.where(
			inArray(
				cultureValues.id,
				seed.valueIds.filter((_, i) => i % 10 === 9)
			)
		);
	const store = inProcessStore(db);
	const next = random(42);
	const BATCH = 100;
	for (let from = 0; from < PEOPLE; from += BATCH) {
		const people = Array.from({ length: Math.min(BATCH, PEOPLE - from) }, () => ({
			id: newId(),
			workshopId: seed.workshopId,
			tokenHash: hashToken(newId()),
			nickname: null
		}));
		await store.write(participantStatements(people));
		const entries: AnswerEntry[] = [];
		for (const person of people) {
			// Each value's lenses lean a different way, so the gaps are not all zero.
			const ratings = seed.valueIds.flatMap((valueId, v) =>
				LENSES.map((lens, l) => {
					const centre = 3 + ((v * 7 + l * 3) % 5);
					const score = Math.max(0, Math.min(10, Math.round(centre + (next() - 0.5) * 6)));
					return { itemId: `${valueId}:${lens}`, valueId, cardId: null, lens, score };
				})
			);
			entries.push({
				activityId: seed.activities.rate.id,
				participantId: person.id,
				replaceAll: false,
				answers: ratings
			});
			const chosen = new Map<string, number>();
			for (let d = 0; d < 5; d++) {
				const valueId = seed.valueIds[Math.floor(next() ** 2 * VALUES)];
				chosen.set(valueId, (chosen.get(valueId) ?? 0) + 1);
			}
			entries.push({
				activityId: seed.activities.dots.id,
				participantId: person.id,
				replaceAll: true,
				answers: [...chosen].map(([valueId, score]) => ({
					itemId: `${valueId}:strategic`,
					valueId,
					cardId: null,
					lens: 'strategic',
					score
				}))
			});
		}
		await store.write(voteStatements(entries));
		if ((from / BATCH) % 10 === 9) log(`${from + people.length} of ${PEOPLE} participants stored`);
	}
	// The workshop is over: what its results page is for.
	await db
		.update(workshops)
		.set({ status: 'ended', endedAt: new Date() })
		.where(eq(workshops.id, seed.workshopId));
	const [row] = await db.select().from(workshops).where(eq(workshops.id, seed.workshopId));
	return row;
}

type Result = {
	date: string;
	settings: {
		participants: number;
		values: number;
		iterations: number;
		warmup: number;
	};
	votes: number;
	firstMs: number;
	ms: { p50: number; p95: number; min: number; max: number };
	machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
};

function table(r: Result): string {
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	const met = (n: number) => (n < TARGET_MS ? 'yes' : 'no');
	const rows = [
		['votes in the workshop', r.votes.toLocaleString('en'), '', ''],
		[
			'participants × values × lenses',
			`${r.settings.participants.toLocaleString('en')} × ${r.settings.values} × 4`,
			'',
			''
		],
		[
			`results load, p50 (${r.settings.iterations} runs)`,
			ms(r.ms.p50),
			`< ${TARGET_MS} ms`,
			met(r.ms.p50)
		],
		['results load, p95', ms(r.ms.p95), `< ${TARGET_MS} ms`, met(r.ms.p95)],
		['results load, fastest / slowest', `${ms(r.ms.min)} / ${ms(r.ms.max)}`, '', ''],
		['first load after opening the database', ms(r.firstMs), '', '']
	];
	const head = '| measure | value | target | met |\n| --- | --- | --- | --- |\n';
	return head + rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function report(r: Result) {
	const text = table(r);
	const machine = `${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, load average before/after ${r.machine.loadBefore[0]} / ${r.machine.loadAfter[0]}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`;
	console.log(`\n${text}\n\n${machine}\n`);
	log(`results in ${saveResults('analytics', r.date, r)}`);
	if (args['no-docs']) return;
	const docs = writeDocsTable({
		marker: 'bench:analytics',
		heading: "Gap analytics: the results page's data load",
		text,
		machine,
		command: `npm run bench:analytics -- --participants ${r.settings.participants} --values ${r.settings.values}`
	});
	log(`table written to ${docs}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
