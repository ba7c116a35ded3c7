import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Every route of the app, read from the filesystem, for the authorisation test: it walks
 * them all, so a route added later cannot escape the access checks unnoticed.
 */

export interface RouteParam {
	name: string;
	/** `[[name]]` */
	optional: boolean;
	/** `[...name]` */
	rest: boolean;
	/** `[name=matcher]` */
	matcher?: string;
}

export interface AppRoute {
	/** The folder under src/routes, as SvelteKit names the route: `/(app)/o/[orgId]`. */
	id: string;
	/** The URL pattern, route groups stripped: `/o/[orgId]`. */
	pattern: string;
	params: RouteParam[];
	/** Has a page (`+page.svelte`, or only a `+page.server.ts` whose load redirects). */
	page: boolean;
	/** Form actions of `+page.server.ts`, `default` included when there is one. */
	actions: string[];
	/** HTTP methods `+server.ts` exports (GET, POST, ..., `fallback`). */
	methods: string[];
}

export interface FormAction {
	route: AppRoute;
	name: string;
	/** The path and query a form posts to, with params left as `[name]`: `/o/[orgId]?/createTeam`. */
	target: string;
}

const PAGE_FILES = ['+page.svelte', '+page.ts', '+page.js', '+page.server.ts', '+page.server.js'];
const PAGE_SERVER_FILES = ['+page.server.ts', '+page.server.js'];
const ENDPOINT_FILES = ['+server.ts', '+server.js'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** Lists every route under `routesDir` that has a page or an endpoint, sorted by pattern. */
export function listRoutes(routesDir = 'src/routes'): AppRoute[] {
	const routes: AppRoute[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const id = '/' + relative(routesDir, dir).split(sep).filter(Boolean).join('/');
		const page = PAGE_FILES.some((f) => files.has(f));
		const pageServer = PAGE_SERVER_FILES.find((f) => files.has(f));
		const endpoint = ENDPOINT_FILES.find((f) => files.has(f));
		if (page || endpoint) {
			routes.push({
				id,
				pattern: patternOf(id),
				params: paramsOf(id),
				page,
				actions: pageServer ? actionNames(join(dir, pageServer)) : [],
				methods: endpoint ? endpointMethods(join(dir, endpoint)) : []
			});
		}
		for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
	};
	walk(routesDir);
	return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.id.localeCompare(b.id));
}

/** Every form action of every page, with the URL a form posts to. */
export function listFormActions(routes: AppRoute[] = listRoutes()): FormAction[] {
	return routes.flatMap((route) =>
		route.actions.map((name) => ({
			route,
			name,
			target: name === 'default' ? route.pattern : `${route.pattern}?/${name}`
		}))
	);
}

/** Fills a pattern's params: `fillPattern('/o/[orgId]', { orgId: 'x' })` is `/o/x`. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
	const filled = pattern.replace(/\[\[?(?:\.\.\.)?(\w+)(?:=\w+)?\]\]?/g, (whole, name: string) => {
		const value = values[name];
		if (value === undefined && !whole.startsWith('[[') && !whole.startsWith('[...')) {
			throw new Error(`No value for [${name}] in ${pattern}`);
		}
		return value === undefined ? '' : encodeURIComponent(value).replace(/%2F/g, '/');
	});
	return filled.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
}

function patternOf(id: string): string {
	const segments = id.split('/').filter((s) => s && !/^\(.+\)$/.test(s));
	return '/' + segments.join('/');
}

function paramsOf(id: string): RouteParam[] {
	return [...id.matchAll(/\[(\[)?(\.\.\.)?(\w+)(?:=(\w+))?\]/g)].map((m) => ({
		name: m[3],
		optional: Boolean(m[1]),
		rest: Boolean(m[2]),
		...(m[4] ? { matcher: m[4] } : {})
	}));
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) &&
	(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The initialiser of a top-level `const name = ...`, following `satisfies`, `as` and parentheses. */
function constValue(source: ts.SourceFile, name: string): ts.Expression | undefined {
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
				let value = declaration.initializer;
				while (
					value &&
					(ts.isSatisfiesExpression(value) ||
						ts.isAsExpression(value) ||
						ts.isParenthesizedExpression(value))
				) {
					value = value.expression;
				}
				return value;
			}
		}
	}
	return undefined;
}

/** The names a module exports: `export const X`, `export function X`, `export { a as X }`. */
function exportedNames(source: ts.SourceFile): Map<string, string> {
	const names = new Map<string, string>(); // exported name -> local name
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) names.set(d.name.text, d.name.text);
			}
		} else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
			names.set(statement.name.text, statement.name.text);
		} else if (
			ts.isExportDeclaration(statement) &&
			!statement.moduleSpecifier &&
			statement.exportClause &&
			ts.isNamedExports(statement.exportClause)
		) {
			for (const e of statement.exportClause.elements) {
				names.set(e.name.text, (e.propertyName ?? e.name).text);
			}
		}
	}
	return names;
}

/** Names of `export const actions = { ... }`; throws when it cannot read them, never guesses. */
function actionNames(file: string): string[] {
	const source = parse(file);
	const local = exportedNames(source).get('actions');
	if (!local) return [];
	const value = constValue(source, local);
	if (!value || !ts.isObjectLiteralExpression(value)) {
		throw new Error(`${file}: cannot read the names in \`actions\`; write it as an object literal`);
	}
	return value.properties.map((property) => {
		const name = property.name;
		if (
			ts.isSpreadAssignment(property) ||
			!name ||
			!(ts.isIdentifier(name) || ts.isStringLiteral(name))
		) {
			throw new Error(`${file}: an entry of \`actions\` has no plain name`);
		}
		return name.text;
	});
}

function endpointMethods(file: string): string[] {
	const exported = exportedNames(parse(file));
	return METHODS.filter((method) => exported.has(method));
}
