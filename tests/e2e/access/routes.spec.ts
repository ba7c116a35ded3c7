import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fillPattern, listFormActions, listRoutes } from './routes';

// The route walker reads files only: no browser, no server.

test('lists the routes and form actions of the app', () => {
	const routes = listRoutes();
	const byPattern = new Map(routes.map((r) => [r.pattern, r]));

	expect(byPattern.get('/')).toMatchObject({ id: '/', page: true, actions: [] });
	expect(byPattern.get('/o/[orgId]')).toMatchObject({
		id: '/(app)/o/[orgId]',
		params: [{ name: 'orgId', optional: false, rest: false }],
		page: true,
		actions: expect.arrayContaining(['createTeam'])
	});
	expect(byPattern.get('/app')).toMatchObject({ page: false, methods: ['GET'] });
	expect(byPattern.get('/locale')).toMatchObject({ page: false, methods: ['POST'] });
	// Sign-out has no page component, only an action: it still is a route to guard.
	expect(byPattern.get('/signout')).toMatchObject({ page: true, actions: ['default'] });

	const targets = listFormActions(routes).map((a) => a.target);
	expect(targets).toEqual(
		expect.arrayContaining(['/signin', '/signup', '/signout', '/o/[orgId]?/createTeam'])
	);
	for (const route of routes) expect(route.pattern).not.toMatch(/\(|\)/);
});

test('reads groups, optional and rest params, matchers and every way of exporting', () => {
	const root = mkdtempSync(join(tmpdir(), 'routes-'));
	const write = (path: string, text = '') => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	};
	try {
		write('+page.svelte');
		write('(a)/(b)/[[lang]]/docs/[...rest]/+page.svelte');
		write(
			'(a)/x/[id=uuid]/+page.server.ts',
			`import type { Actions } from './$types';
			export const actions = {
				default: async () => {},
				'quoted-name': async () => ({ nested: { fake: 1 } }),
				method(event) { return event; },
				shorthand
			} satisfies Actions;`
		);
		write(
			'api/[id]/+server.ts',
			`export const GET = () => new Response();
			export async function POST() { return new Response(); }
			const handler = () => new Response();
			export { handler as DELETE };
			export const helper = 1;`
		);
		write('not-a-route/Thing.svelte');

		const routes = listRoutes(root);
		expect(routes.map((r) => r.pattern)).toEqual([
			'/',
			'/[[lang]]/docs/[...rest]',
			'/api/[id]',
			'/x/[id=uuid]'
		]);
		const docs = routes[1];
		expect(docs.id).toBe('/(a)/(b)/[[lang]]/docs/[...rest]');
		expect(docs.params).toEqual([
			{ name: 'lang', optional: true, rest: false },
			{ name: 'rest', optional: false, rest: true }
		]);
		expect(routes[2]).toMatchObject({ page: false, methods: ['GET', 'POST', 'DELETE'] });
		expect(routes[3]).toMatchObject({
			page: true,
			params: [{ name: 'id', matcher: 'uuid' }],
			actions: ['default', 'quoted-name', 'method', 'shorthand']
		});

		expect(fillPattern('/x/[id=uuid]', { id: 'a b' })).toBe('/x/a%20b');
		expect(fillPattern('/[[lang]]/docs/[...rest]', { rest: 'a/b' })).toBe('/docs/a/b');
		expect(() => fillPattern('/x/[id]', {})).toThrow(/No value for \[id\]/);

		write('(a)/y/+page.server.ts', 'const base = {}; export const actions = { ...base };');
		expect(() => listRoutes(root)).toThrow(/no plain name/);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
});
