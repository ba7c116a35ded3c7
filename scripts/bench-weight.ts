/**
 * The page-weight benchmark: `npm run bench:weight [-- --no-build --port N --no-docs]`.
 *
 * Builds (unless --no-build), serves the production build on a brand-new database with a
 * workshop in it, and loads the real pages as their visitors do: a phone's `/join` and
 * `/w/<id>` (after joining by code), and, signed in as staff, the projector, the results and the
 * facilitator's console. From each page's HTML it takes the JavaScript the browser loads at once
 * (the modulepreload links and the entry imports of the inline start script), adds whatever the
 * build's client manifest says those files import statically, and sums the sizes of the
 * precompressed files the server sends (`.gz`, `.br` beside each file in build/client). What
 * the pages may import later (`import()` of a component, e.g. chart.js) is counted apart as "on
 * demand".
 *
 * The phone's pages load the panel of the activity they show with `import()`: for them the
 * HTML is not the whole story, so a real browser (Chromium, as the e2e tests drive it) opens
 * `/join` and then `/w/<id>` at every state a phone can meet (waiting, each activity kind, its
 * revealed results, the end), and every JavaScript file it fetches counts. A phone keeps the
 * immutable files between /join and /w/<id>, so a participant row counts each file once; the
 * "participant" row is the heaviest of them, the one checked against the target (≤ 40 KB gzip:
 * the run fails above it). Prints a table and writes it into docs/performance.md (between the
 * `bench:weight` markers).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDocsTable } from './bench-report';
import { gzipSync } from 'node:zlib';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db';
import { seedWorkshop } from '../src/lib/server/live/testing';
import { createWorkshop } from '../src/lib/server/workshops/queries';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath } from './chromium.js';
import { buildQuietly } from './build-quietly.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD_DIR = join(ROOT, 'build');
const CLIENT_DIR = join(BUILD_DIR, 'client');
const MANIFEST = join(ROOT, '.svelte-kit/output/client/.vite/manifest.json');
const HOST = '127.0.0.1';
/** gzip bytes a participant may load for /join + /w/<id> together. */
const PARTICIPANT_TARGET = 40 * 1024;

const { values: args } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		port: { type: 'string' },
		'no-docs': { type: 'boolean', default: false },
		files: { type: 'boolean', default: false }
	}
});

const log = (text: string) => console.log(`[bench:weight] ${text}`);

// ------------------------------------------------------------------ the build's files

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	isEntry?: boolean;
}

function readManifest() {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
	const byFile = new Map<string, string>();
	for (const [key, chunk] of Object.entries(manifest)) byFile.set(chunk.file, key);
	return { manifest, byFile };
}

/** The files `files` import statically, themselves included, and what they may import later. */
function closure(files: Iterable<string>, { manifest, byFile }: ReturnType<typeof readManifest>) {
	const loaded = new Set<string>();
	const later = new Set<string>();
	const visit = (key: string, into: Set<string>) => {
		const chunk = manifest[key];
		if (!chunk || into.has(chunk.file)) return;
		into.add(chunk.file);
		for (const next of chunk.imports ?? []) visit(next, into);
	};
	for (const file of files) {
		const key = byFile.get(file);
		if (key) visit(key, loaded);
		else loaded.add(file);
	}
	// SvelteKit's app entry may import every route's node: those are other pages, not this one's.
	const isAppEntry = (key: string) => /\/entry\/app\./.test(manifest[key]?.file ?? '');
	for (const file of [...loaded]) {
		const key = byFile.get(file);
		if (!key || isAppEntry(key)) continue;
		for (const next of manifest[key].dynamicImports ?? []) visit(next, later);
	}
	for (const file of loaded) later.delete(file);
	return { loaded, later };
}

const sizeCache = new Map<string, { raw: number; gzip: number; brotli: number }>();
function sizes(file: string) {
	const known = sizeCache.get(file);
	if (known) return known;
	const path = join(CLIENT_DIR, file);
	const raw = readFileSync(path);
	const size = (suffix: string, fallback: () => number) =>
		existsSync(path + suffix) ? statSync(path + suffix).size : fallback();
	const measured = {
		raw: raw.length,
		gzip: size('.gz', () => gzipSync(raw, { level: 9 }).length),
		brotli: size('.br', () => NaN)
	};
	sizeCache.set(file, measured);
	return measured;
}

const total = (files: Iterable<string>) => {
	const sum = { files: 0, raw: 0, gzip: 0, brotli: 0 };
	for (const file of files) {
		const s = sizes(file);
		sum.files += 1;
		sum.raw += s.raw;
		sum.gzip += s.gzip;
		sum.brotli += s.brotli;
	}
	return sum;
};

/**
 * The JavaScript a page makes the browser load at once, as paths under build/client: the
 * modulepreloads of its `Link` header (where adapter-node puts them) and of its HTML, and the
 * imports of the inline start script, plus the route nodes (`node_ids`) that script starts.
 */
function scriptsOfPage(
	html: string,
	linkHeader: string,
	pageUrl: string,
	{ manifest }: ReturnType<typeof readManifest>
): string[] {
	const found = new Set<string>();
	const add = (href: string) => {
		const path = new URL(href, pageUrl).pathname.replace(/^\//, '');
		if (path.endsWith('.js')) found.add(path);
	};
	for (const [, href, params] of linkHeader.matchAll(/<([^>]+)>([^,]*)/g)) {
		if (/rel="?modulepreload/.test(params)) add(href);
	}
	for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
		if (!/\brel="modulepreload"/.test(tag)) continue;
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href) add(href);
	}
	for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
		for (const [, href] of script.matchAll(/import\("([^"]+)"\)/g)) add(href);
		const ids = /node_ids:\s*\[([\d,\s]*)\]/.exec(script)?.[1];
		for (const id of ids ? ids.split(',').map((n) => n.trim()) : []) {
			const node = manifest[`.svelte-kit/generated/client-optimized/nodes/${id}.js`];
			if (!node) throw new Error(`route node ${id} is not in the client manifest`);
			found.add(node.file);
		}
	}
	return [...found];
}

// ------------------------------------------------------------------ the server

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		cwd: ROOT,
		env: { ...process.env, ...env },
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
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`the server exited (${code}) before listening:\n${output}`));
		});
	});
	child.stdout!.resume();
	child.stderr!.resume();
	return child;
}

async function stopServer(child: ChildProcess | null) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function freePort(): Promise<number> {
	const net = await import('node:net');
	const server = net.createServer();
	await new Promise<void>((r) => server.listen(0, HOST, r));
	const { port } = server.address() as import('node:net').AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

/**
 * The JavaScript files (paths under build/client) a browser fetches to open `path` and run it:
 * the page's own and whatever it imports before it is ready. The room is ready when its live
 * stream opens (after hydration, so after the panels its load imports); /join when the network
 * is quiet.
 */
async function browserScripts(
	browser: Browser,
	origin: string,
	path: string,
	cookie: string | null
): Promise<Set<string>> {
	const context = await browser.newContext();
	if (cookie) {
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url: origin }]);
	}
	const page = await context.newPage();
	const fetched = new Set<string>();
	page.on('response', (response) => {
		const { pathname } = new URL(response.url());
		if (pathname.endsWith('.js') && pathname.startsWith('/_app/')) fetched.add(pathname.slice(1));
	});
	try {
		if (path.startsWith('/w/')) {
			const stream = page.waitForRequest((r) => /\/live\/[^/]+\/events/.test(r.url()));
			await page.goto(origin + path);
			await stream;
		} else {
			await page.goto(origin + path, { waitUntil: 'networkidle' });
		}
		// Whatever a panel's effect asked for in the meantime.
		await page.waitForLoadState('load');
	} finally {
		await context.close();
	}
	return fetched;
}

// ------------------------------------------------------------------ the measurement

interface Page {
	/** The route as people read it, ids as <id>. */
	route: string;
	scripts: string[];
}
interface Kind {
	kind: string;
	pages: Page[];
	/** What a browser fetched for these pages, when one opened them (see `browserScripts`). */
	fetched?: Set<string>;
}

function table(kinds: Kind[], manifest: ReturnType<typeof readManifest>) {
	const kb = (bytes: number) => (bytes / 1024).toFixed(1);
	const rows = kinds.map(({ kind, pages, fetched }) => {
		const named = new Set([...pages.flatMap((p) => p.scripts), ...(fetched ?? [])]);
		const { loaded, later } = closure(named, manifest);
		// The page itself names every file it loads at once; the manifest only checks that.
		const unnamed = [...loaded].filter((file) => !named.has(file));
		if (unnamed.length > 0) log(`${kind}: the manifest adds ${unnamed.join(', ')}`);
		if (args.files) {
			const listed = [...loaded].map((file) => ({ file, ...sizes(file) }));
			listed.sort((a, b) => b.gzip - a.gzip);
			log(`${kind}: ${listed.map((f) => `\n  ${f.gzip}\t${f.file}`).join('')}`);
		}
		const now = total(loaded);
		const onDemand = total(later);
		return {
			kind,
			pages: pages.map((p) => `\`${p.route}\``).join(' + '),
			files: now.files,
			gzip: now.gzip,
			brotli: now.brotli,
			raw: now.raw,
			later: onDemand
		};
	});
	const head =
		'| page kind | pages loaded | JS files | gzip bytes (KB) | brotli bytes | minified bytes | on demand: files, gzip bytes |\n' +
		'| --- | --- | --- | --- | --- | --- | --- |\n';
	const text =
		head +
		rows
			.map(
				(r) =>
					`| ${r.kind} | ${r.pages} | ${r.files} | ${r.gzip} (${kb(r.gzip)}) | ${r.brotli} | ${r.raw} | ${r.later.files}, ${r.later.gzip} |`
			)
			.join('\n');
	return { text, rows };
}

async function main() {
	if (!args['no-build']) {
		log('building (npm run build; --no-build uses the last build)');
		log(`built in ${await buildQuietly()} s`);
	} else if (!existsSync(join(BUILD_DIR, 'handler.js')) || !existsSync(MANIFEST)) {
		throw new Error('No production build: run `npm run build` or leave out --no-build.');
	}
	const manifest = readManifest();
	const tmp = mkdtempSync(join(os.tmpdir(), 'undercurrent-weight-'));
	const databaseUrl = `file:${join(tmp, 'weight.db')}`;
	let server: ChildProcess | null = null;
	try {
		const { db, client } = await openDatabase({
			url: databaseUrl,
			migrationsFolder: join(ROOT, 'drizzle')
		});
		const seeded = await seedWorkshop(db, { values: 10, minGroupSize: 5 });
		// The phone's workshop: one activity of every kind (and a collect of a value's
		// behaviours, which asks to pick a value), paced through below.
		const { valueIds } = seeded;
		const everyKind = await createWorkshop(db, {
			teamId: seeded.teamId,
			title: 'Every kind',
			createdBy: seeded.userId,
			agenda: [
				{
					kind: 'collect',
					title: 'Values',
					prompt: 'What do we value?',
					config: { kind: 'collect', lens: 'current', target: 'value' }
				},
				{
					kind: 'rate',
					title: 'Rate',
					prompt: '',
					config: { kind: 'rate', lenses: ['current', 'strategic'], scale: '1-5', valueIds }
				},
				{
					kind: 'dot_vote',
					title: 'Dots',
					prompt: '',
					config: { kind: 'dot_vote', lens: 'strategic', dots: 5, valueIds }
				},
				{
					kind: 'allocate',
					title: 'Points',
					prompt: '',
					config: { kind: 'allocate', lens: 'paradise', valueIds }
				},
				{
					kind: 'collect',
					title: 'Boundaries',
					prompt: '',
					config: { kind: 'collect', lens: 'current', target: 'boundary' }
				},
				{ kind: 'outsider', title: 'Outsiders', prompt: '', config: { kind: 'outsider' } },
				{ kind: 'commit', title: 'Commit', prompt: '', config: { kind: 'commit', valueIds } },
				{
					kind: 'discuss',
					title: 'Talk',
					prompt: 'What surprised you?',
					config: { kind: 'discuss' }
				}
			]
		});
		const staffToken = generateSessionToken();
		await createSession(db, staffToken, seeded.userId);
		client.close();
		const staff = `session=${staffToken}`;

		const port = args.port
			? Number(args.port)
			: process.env.E2E_PORT
				? Number(process.env.E2E_PORT)
				: await freePort();
		const origin = `http://${HOST}:${port}`;
		server = await startServer({
			PORT: String(port),
			HOST,
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			MIGRATIONS_DIR: join(ROOT, 'drizzle')
		});
		log(`serving the build on ${origin}`);

		const page = async (path: string, route: string, cookie?: string): Promise<Page> => {
			const url = origin + path;
			const response = await fetch(url, {
				headers: cookie ? { cookie } : {},
				redirect: 'manual'
			});
			const html = await response.text();
			if (response.status !== 200) {
				throw new Error(`GET ${path} answered ${response.status}, not a page to measure`);
			}
			const scripts = scriptsOfPage(html, response.headers.get('link') ?? '', url, manifest);
			if (scripts.length === 0) throw new Error(`GET ${path}: no scripts found in its HTML`);
			return { route, scripts };
		};

		const joinAs = async (code: string, workshopId: string) => {
			const joined = await fetch(`${origin}/live/join`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin },
				body: JSON.stringify({ code })
			});
			if (joined.status !== 200) throw new Error(`joining answered ${joined.status}`);
			const cookie = joined.headers
				.getSetCookie()
				.find((c) => c.startsWith(`p_${workshopId}=`))
				?.split(';')[0];
			if (!cookie) throw new Error('joining set no participant cookie');
			return cookie;
		};
		const pace = async (command: Record<string, unknown>) => {
			const response = await fetch(`${origin}/live/${everyKind.id}/pace`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin, cookie: staff },
				body: JSON.stringify(command)
			});
			if (response.status !== 200) {
				throw new Error(`pace ${JSON.stringify(command)} answered ${response.status}`);
			}
		};

		const w = seeded.workshopId;
		const workshop = `/o/${seeded.orgId}/t/${seeded.teamId}/workshops/${w}`;
		const phoneCookie = await joinAs(everyKind.joinCode, everyKind.id);
		const join_ = await page('/join', '/join');

		// A phone in a browser at each state of the room, /join first.
		const browser = await chromium.launch({ executablePath: chromiumPath() });
		const phoneStates: { state: string; fetched: Set<string>; room: Page }[] = [];
		let joinFetched: Set<string>;
		try {
			joinFetched = await browserScripts(browser, origin, '/join', null);
			const at = async (state: string) => {
				const fetched = await browserScripts(browser, origin, `/w/${everyKind.id}`, phoneCookie);
				const room = await page(`/w/${everyKind.id}`, '/w/<id>', phoneCookie);
				phoneStates.push({ state, fetched, room });
			};
			await at('waiting');
			await pace({ type: 'start' });
			const agenda = [
				'collect',
				'rate',
				'dot_vote',
				'allocate',
				'collect of boundaries',
				'outsider',
				'commit',
				'discuss'
			];
			for (const [index, state] of agenda.entries()) {
				await pace({ type: 'goto', index });
				await at(state);
				if (['rate', 'dot_vote', 'allocate'].includes(state)) {
					await pace({ type: 'reveal' });
					await at(`${state}, revealed`);
				}
			}
			await pace({ type: 'end' });
			await at('ended');
		} finally {
			await browser.close();
		}
		const stateRows: Kind[] = phoneStates.map(({ state, fetched, room }) => ({
			kind: `participant at ${state}`,
			pages: [join_, room],
			fetched: new Set([...joinFetched, ...fetched])
		}));
		const heaviest = table(stateRows, manifest)
			.rows.map((row, i) => ({ row, i }))
			.reduce((a, b) => (b.row.gzip > a.row.gzip ? b : a));
		const worst = stateRows[heaviest.i];
		const roomOnly = phoneStates[heaviest.i];

		const kinds: Kind[] = [
			{ ...worst, kind: `participant (${phoneStates[heaviest.i].state})` },
			{ kind: 'participant: join only', pages: [join_], fetched: joinFetched },
			{
				kind: `participant: room only (${roomOnly.state})`,
				pages: [roomOnly.room],
				fetched: roomOnly.fetched
			},
			{ kind: 'projector', pages: [await page(`/present/${w}`, '/present/<id>', staff)] },
			{
				kind: 'results',
				pages: [await page(`${workshop}/results`, '…/workshops/<id>/results', staff)]
			},
			{
				kind: 'console',
				pages: [await page(`${workshop}/console`, '…/workshops/<id>/console', staff)]
			},
			...stateRows
		];
		const { text, rows } = table(kinds, manifest);
		const date = new Date().toISOString();
		const machine = `Node ${process.version}, ${date.slice(0, 16).replace('T', ' ')} UTC, build of commit ${commit()}`;
		console.log(`\n${text}\n\n${machine}\n`);
		const participant = rows[0];
		const pass = participant.gzip <= PARTICIPANT_TARGET;
		log(
			`${pass ? 'PASS' : 'FAIL'}: participant (/join + /w/<id> at its heaviest, ${roomOnly.state}): ` +
				`${(participant.gzip / 1024).toFixed(1)} KB gzip, target ≤ ${PARTICIPANT_TARGET / 1024} KB`
		);
		if (!pass) process.exitCode = 1;
		if (!args['no-docs']) {
			const docs = writeDocsTable({
				marker: 'bench:weight',
				heading: 'Page weight',
				text,
				machine,
				command: 'npm run bench:weight'
			});
			log(`table written to ${docs}`);
		}
	} finally {
		await stopServer(server);
		rmSync(tmp, { recursive: true, force: true });
	}
}

function commit() {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
	} catch {
		return 'unknown';
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
