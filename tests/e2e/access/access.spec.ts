import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { EXPECTED, type Outcome } from './expectations';
import { fillPattern, listRoutes, type AppRoute } from './routes';
import { postForm, postJson, requestAs } from '../requests';
import { ACTORS, buildWorld, TOO_LONG_NICKNAME, type ActorName, type World } from './world';

/**
 * Nobody gets in where they don't belong: every route and form action of the app, for every
 * kind of visitor, against the table in expectations.ts.
 */

/** What a row sends beyond the plain request (GET of the page, or an empty form). */
interface Send {
	params?: Record<string, string>;
	query?: string;
	form?: Record<string, string>;
	json?: unknown;
	/** An event stream never ends: read the status, then hang up. */
	stream?: boolean;
	/** Cookies to send instead of the actor's own. */
	cookies?: Record<string, string>;
}

type Table = 'culture_values' | 'culture_elements' | 'invitations' | 'commitments';

interface Situation {
	world: World;
	actor: ActorName;
	/** Whether the table lets this actor through: destructive rows then need an item of their own. */
	succeeds: boolean;
	/** One throwaway shared by the row's refused actors; it must still exist after the walk. */
	keep: (table: Table, create: () => Promise<string>) => Promise<string>;
}

type How = (situation: Situation) => Send | Promise<Send>;

/** Item to destroy: its own for an actor who may, the row's shared one for the others. */
const throwaway =
	(table: Table, field: string, create: (world: World) => Promise<string>): How =>
	async ({ world, succeeds, keep }) => ({
		form: { [field]: succeeds ? await create(world) : await keep(table, () => create(world)) }
	});

/** How each row is sent, where the plain request will not do. */
const HOW: Record<string, Record<string, How>> = {
	'/signout': {
		// Signing out ends the session it is sent with: spend a second one on it.
		POST: async ({ world, actor }) => ({ cookies: await world.freshSession(actor) })
	},
	'/locale': {
		POST: () => ({ form: { locale: 'xx', redirectTo: '/' } })
	},
	'/o/[orgId]/members': {
		'POST ?/changeRole · a member of another organisation': ({ world }) => ({
			form: { userId: world.otherUserId, role: 'viewer' }
		}),
		'POST ?/revoke': throwaway('invitations', 'invitationId', (w) => w.throwawayInvitation())
	},
	'/o/[orgId]/t/[teamId]': {
		'GET · team B': ({ world }) => ({ params: { teamId: world.teamB } }),
		'GET · a team of another organisation': ({ world }) => ({
			params: { teamId: world.otherTeam }
		})
	},
	'/o/[orgId]/t/[teamId]/map': {
		'POST ?/createValue · team B': ({ world }) => ({ params: { teamId: world.teamB } }),
		// A complete, valid form: only the team in the URL stands between it and team B's map.
		'POST ?/updateElement · an element of team B': ({ world }) => ({
			form: { id: world.elementB, kind: 'ritual', name: 'Renamed through team A' }
		}),
		'POST ?/deleteElement': throwaway('culture_elements', 'id', (w) => w.throwawayElement('A')),
		'POST ?/deleteElement · an element of team B': async ({ world, keep }) => ({
			form: { id: await keep('culture_elements', () => world.throwawayElement('B')) }
		})
	},
	'/o/[orgId]/t/[teamId]/map/values/[valueId]': {
		'GET · a value of team B': ({ world }) => ({ params: { valueId: world.valueB } }),
		'POST ?/deleteValue': throwaway('culture_values', 'id', (w) => w.throwawayValue()),
		'POST ?/deleteElement': throwaway('culture_elements', 'id', (w) => w.throwawayElement('A'))
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]': {
		'GET · the workshop of team B': ({ world }) => ({
			params: { workshopId: world.otherWorkshop.id }
		})
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/review': {
		'GET · the workshop of team B': ({ world }) => ({
			params: { workshopId: world.otherWorkshop.id }
		})
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/console': {
		'GET · the workshop of team B': ({ world }) => ({
			params: { workshopId: world.otherWorkshop.id }
		})
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/results': {
		'GET · the workshop of team B': ({ world }) => ({
			params: { workshopId: world.otherWorkshop.id }
		})
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/results/export': {
		'GET · ?format=csv&kind=aggregates': () => ({ query: '?format=csv&kind=aggregates' }),
		'GET · ?format=csv&kind=texts': () => ({ query: '?format=csv&kind=texts' }),
		'GET · ?format=json&kind=answers': () => ({ query: '?format=json&kind=answers' }),
		'GET · ?format=csv&kind=answers of an ended workshop': ({ world }) => ({
			params: { workshopId: world.endedWorkshop.id },
			query: '?format=csv&kind=answers'
		}),
		'GET · the workshop of team B': ({ world }) => ({
			params: { workshopId: world.otherWorkshop.id },
			query: '?format=csv&kind=aggregates'
		})
	},
	'/o/[orgId]/t/[teamId]/compare': {
		'GET · ?a=W&b=the workshop of team B': ({ world }) => ({
			query: `?a=${world.workshop.id}&b=${world.otherWorkshop.id}`
		}),
		'GET · ?with=team B&period=quarter': ({ world }) => ({
			query: `?with=${world.teamB}&period=quarter`
		})
	},
	'/o/[orgId]/t/[teamId]/commitments/[commitmentId]': {
		'GET · a commitment of team B': ({ world }) => ({
			params: { commitmentId: world.commitmentB }
		}),
		// Marking done closes it for good: each allowed actor closes one of its own.
		'POST ?/done': async ({ world, succeeds, keep }) => ({
			params: {
				commitmentId: succeeds
					? await world.throwawayCommitment()
					: await keep('commitments', () => world.throwawayCommitment())
			}
		})
	},
	'/o/[orgId]/t/[teamId]/dashboard': {
		'GET · ?value= a value of team A': ({ world }) => ({ query: `?value=${world.valueA}` }),
		'GET · ?value= a value of team B': ({ world }) => ({ query: `?value=${world.valueB}` })
	},
	'/o/[orgId]/t/[teamId]/pulses/[pulseId]': {
		'GET · a pulse of team B': ({ world }) => ({ params: { pulseId: world.pulseB.id } })
	},
	'/o/[orgId]/t/[teamId]/pulses/[pulseId]/codes': {
		'GET · a pulse of team B': ({ world }) => ({ params: { pulseId: world.pulseB.id } })
	},
	'/pulse/[code]': {
		GET: ({ world }) => ({ params: { code: world.pulseA.code } }),
		POST: ({ world }) => ({ params: { code: world.pulseA.code } })
	},
	'/pulse/[code]/board': {
		GET: ({ world }) => ({ params: { code: world.pulseA.code } }),
		'POST ?/post': ({ world }) => ({ params: { code: world.pulseA.code } }),
		'POST ?/upvote': ({ world }) => ({ params: { code: world.pulseA.code } })
	},
	'/join/[[code]]': {
		POST: ({ world }) => ({
			params: { code: world.workshop.joinCode },
			form: { code: world.workshop.joinCode, nickname: TOO_LONG_NICKNAME }
		})
	},
	'/w/[workshopId]': {
		'GET · the other workshop': ({ world }) => ({ params: { workshopId: world.otherWorkshop.id } })
	},
	'/live/join': {
		POST: ({ world }) => ({
			json: { code: world.workshop.joinCode, nickname: TOO_LONG_NICKNAME }
		})
	},
	'/live/[workshopId]/events': {
		GET: () => ({ stream: true }),
		'GET · ?audience=staff': () => ({ stream: true, query: '?audience=staff' })
	},
	'/live/[workshopId]/answers': {
		POST: ({ world }) => ({ json: { activityId: world.workshop.activityId, answers: {} } })
	},
	'/live/[workshopId]/pace': {
		POST: () => ({ json: {} })
	}
};

// ------------------------------------------------------------------ the listing and the table

/** The requests a route answers: `GET` for a page, its form actions, its endpoint's methods. */
function requestsOf(route: AppRoute): string[] {
	const keys = route.page ? ['GET'] : [];
	for (const action of route.actions) keys.push(action === 'default' ? 'POST' : `POST ?/${action}`);
	for (const method of route.methods) if (!keys.includes(method)) keys.push(method);
	return keys;
}

const baseOf = (key: string) => key.split(' · ')[0];

/** `POST ?/createTeam` of `/o/[orgId]` reads `POST /o/[orgId]?/createTeam`. */
function label(pattern: string, key: string): string {
	const [method, ...rest] = key.split(' ');
	const tail = rest.join(' ');
	return `${method} ${pattern}${tail.startsWith('?') || tail === '' ? tail : ` ${tail}`}`;
}
const isFormAction = (route: AppRoute, key: string) => route.page && key.startsWith('POST');

/** Routes or actions the table misses, rows for things that do not exist, rows we cannot send. */
function tableProblems(routes: AppRoute[]): string[] {
	const problems: string[] = [];
	const byPattern = new Map(routes.map((r) => [r.pattern, r]));
	for (const route of routes) {
		for (const key of requestsOf(route)) {
			if (!EXPECTED[route.pattern]?.[key]) {
				problems.push(`${label(route.pattern, key)} (${route.id}) has no expectation`);
			}
		}
	}
	for (const [pattern, rows] of Object.entries(EXPECTED)) {
		const route = byPattern.get(pattern);
		if (!route) {
			problems.push(`${pattern} is in the table, but there is no such route`);
			continue;
		}
		for (const [key, row] of Object.entries(rows)) {
			if (!requestsOf(route).includes(baseOf(key))) {
				problems.push(`${label(pattern, key)} is in the table, but the route does not answer it`);
			}
			if (row.length !== ACTORS.length) {
				problems.push(
					`${label(pattern, key)} has ${row.length} outcomes for ${ACTORS.length} actors`
				);
			}
			const plain = key === 'GET' || (isFormAction(route, key) && baseOf(key) === key);
			if (!plain && !HOW[pattern]?.[key]) {
				problems.push(`${label(pattern, key)}: say in HOW how to send it`);
			}
		}
	}
	return problems;
}

test('every route and form action has an expectation for every actor', () => {
	const routes = listRoutes();
	expect(tableProblems(routes)).toEqual([]);
	// The listing can see the app at all: an empty walk would pass for the wrong reason.
	expect(routes.length).toBeGreaterThan(15);
});

test('the table check notices a route without expectations', () => {
	const routes = listRoutes();
	const invented: AppRoute = {
		id: '/(app)/o/[orgId]/secrets',
		pattern: '/o/[orgId]/secrets',
		params: [{ name: 'orgId', optional: false, rest: false }],
		page: true,
		actions: ['reveal'],
		methods: []
	};
	const mapRoute = routes.find((r) => r.pattern === '/o/[orgId]/t/[teamId]/map')!;
	const grown = { ...mapRoute, actions: [...mapRoute.actions, 'shareMap'] };
	const problems = tableProblems([...routes.filter((r) => r !== mapRoute), grown, invented]);
	expect(problems).toEqual([
		'POST /o/[orgId]/t/[teamId]/map?/shareMap (/(app)/o/[orgId]/t/[teamId]/map) has no expectation',
		'GET /o/[orgId]/secrets (/(app)/o/[orgId]/secrets) has no expectation',
		'POST /o/[orgId]/secrets?/reveal (/(app)/o/[orgId]/secrets) has no expectation'
	]);
});

// ---------------------------------------------------------------------------------- the walk

interface Answer {
	status: number;
	location: string;
}

const cookieHeader = (cookies: Record<string, string>) =>
	Object.entries(cookies)
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
		.join('; ');

/** The status of an event stream; Playwright's request would wait for a body that never ends. */
async function peek(url: string, cookies: Record<string, string>): Promise<Answer> {
	const response = await fetch(url, {
		headers: { cookie: cookieHeader(cookies), accept: 'text/event-stream' },
		redirect: 'manual'
	});
	await response.body?.cancel().catch(() => {});
	return { status: response.status, location: response.headers.get('location') ?? '' };
}

async function send(
	context: APIRequestContext,
	origin: string,
	method: string,
	path: string,
	how: Send,
	cookies: Record<string, string>
): Promise<Answer> {
	if (how.stream) return peek(origin + path, cookies);
	if (how.json !== undefined) return postJson(context, origin, path, how.json);
	if (method === 'POST') return postForm(context, origin, path, how.form ?? {});
	const response = await context.fetch(path, {
		method,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	return { status: response.status(), location: response.headers()['location'] ?? '' };
}

const describe = (outcome: Outcome | Answer) =>
	typeof outcome === 'object'
		? `${outcome.status}${outcome.location ? ` ${outcome.location}` : ''}`
		: String(outcome);

function matches(expected: Outcome, got: Answer, fill: (s: string) => string): boolean {
	if (typeof expected === 'number') return got.status === expected;
	const location = fill(expected.slice('303 '.length));
	if (got.status !== 303) return false;
	return location.endsWith('*')
		? got.location.startsWith(location.slice(0, -1))
		: got.location === location;
}

test.describe('the route-by-role walk', () => {
	let world: World;
	const contexts = new Map<ActorName, APIRequestContext>();

	test.beforeAll(async ({ playwright }, testInfo) => {
		const origin = new URL(testInfo.project.use.baseURL!).origin;
		world = await buildWorld(playwright.request, origin);
		for (const actor of ACTORS) {
			contexts.set(actor, await requestAs(playwright.request, origin, world.actors[actor].cookies));
		}
	});

	test.afterAll(async () => {
		for (const context of contexts.values()) await context.dispose();
		await world?.dispose();
	});

	test('every route and form action answers each actor as the table says', async ({
		playwright
	}, testInfo) => {
		test.setTimeout(120_000);
		const routes = listRoutes();
		expect(tableProblems(routes), 'the table must cover every route').toEqual([]);
		const byPattern = new Map(routes.map((r) => [r.pattern, r]));
		const defaults = {
			orgId: world.org,
			teamId: world.teamA,
			valueId: world.valueA,
			workshopId: world.workshop.id,
			code: world.workshop.joinCode,
			token: world.usedInvitation,
			commitmentId: world.commitmentA,
			pulseId: world.pulseA.id
		};

		const mismatches: string[] = [];
		const kept: { table: Table; id: string; row: string }[] = [];
		const report: string[] = [`request: ${ACTORS.join(' | ')}`];
		const counts = { routes: 0, actions: 0 };

		const checks = Object.entries(EXPECTED).flatMap(([pattern, rows]) =>
			Object.entries(rows).map(([key, row]) => ({ pattern, key, row }))
		);
		const lines: string[] = [];
		const check = async (index: number) => {
			const { pattern, key, row } = checks[index];
			const route = byPattern.get(pattern)!;
			const method = key.split(' ')[0];
			const action = /\?\/(\w+)/.exec(baseOf(key))?.[1];
			const shared = new Map<Table, Promise<string>>();
			const keep = (table: Table, create: () => Promise<string>) => {
				let id = shared.get(table);
				if (!id) {
					id = create();
					shared.set(table, id);
					void id.then((made) => kept.push({ table, id: made, row: label(pattern, key) }));
				}
				return id;
			};
			const started = Date.now();
			const answers = await Promise.all(
				ACTORS.map(async (actor, column) => {
					const expected = row[column];
					const succeeds =
						typeof expected === 'number' ? expected < 300 : !expected.includes('/signin');
					const how = (await HOW[pattern]?.[key]?.({ world, actor, succeeds, keep })) ?? {};
					const path =
						fillPattern(pattern, { ...defaults, ...how.params }) +
						(action ? `?/${action}` : (how.query ?? ''));
					const fill = (s: string) =>
						s
							.replace('{org}', world.org)
							.replace('{otherOrg}', world.otherOrg)
							.replace('{teamA}', world.teamA)
							.replace('{codeB}', world.otherWorkshop.joinCode)
							.replace('{code}', world.workshop.joinCode)
							.replace('{here}', encodeURIComponent(path));
					let context = contexts.get(actor)!;
					const cookies = how.cookies ?? world.actors[actor].cookies;
					if (how.cookies) {
						context = await requestAs(playwright.request, world.origin, how.cookies);
					}
					try {
						const got = await send(context, world.origin, method, path, how, cookies);
						if (!matches(expected, got, fill)) {
							mismatches.push(
								`${label(pattern, key)} as ${actor}: expected ${describe(expected)}, got ${describe(got)}`
							);
						}
						// As the table writes it, for the report.
						return describe(got)
							.replace(`303 /signin?next=${encodeURIComponent(path)}`, 'IN')
							.replaceAll(world.org, '{org}')
							.replaceAll(world.otherOrg, '{otherOrg}')
							.replaceAll(world.teamA, '{teamA}')
							.replaceAll(world.workshop.joinCode, '{code}')
							.replaceAll(world.otherWorkshop.joinCode, '{codeB}');
					} finally {
						if (how.cookies) await context.dispose();
					}
				})
			);
			counts[isFormAction(route, key) ? 'actions' : 'routes'] += ACTORS.length;
			lines[index] = `${label(pattern, key)}: ${answers.join(' | ')} (${Date.now() - started} ms)`;
		};
		// Rows are independent of each other: a few at a time keep both cores busy.
		let next = 0;
		const worker = async () => {
			while (next < checks.length) await check(next++);
		};
		await Promise.all([worker(), worker(), worker()]);
		report.push(...lines);

		// What the refused actors were refused must still be there.
		for (const { table, id, row } of kept) {
			if (!(await world.exists(table, id))) {
				mismatches.push(`${row}: a refused request still removed ${table} ${id}`);
			}
		}

		const summary = `routes × actors checked: ${counts.routes}, actions × actors checked: ${counts.actions}`;
		console.log(summary);
		if (process.env.ACCESS_REPORT) console.log(report.join('\n'));
		testInfo.annotations.push({ type: 'access', description: summary });
		await testInfo.attach('answers', { body: report.join('\n'), contentType: 'text/plain' });
		expect(mismatches.sort(), 'answers that differ from expectations.ts').toEqual([]);
	});
});
