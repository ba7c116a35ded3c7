// What `npm start` (scripts/serve.js) prints once it listens: where the app is, where its data
// is, and how to get in. Nothing else: a first-time user reads this and nothing more.
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Where the data lives, for people: a file path relative to the work folder when it is inside
 * it, else absolute; a remote database without its query string (it may carry a token).
 * @param {string} databaseUrl
 * @param {string} cwd
 */
export function describeDatabase(databaseUrl, cwd) {
	if (!databaseUrl.startsWith('file:')) {
		return `${databaseUrl.split('?')[0]} (remote libsql)`;
	}
	const path = resolve(cwd, databaseUrl.slice('file:'.length).split('?')[0]);
	const inside = relative(cwd, path);
	return inside && !inside.startsWith('..') && !isAbsolute(inside) ? `./${inside}` : path;
}

/**
 * @param {{ origin: string, databaseUrl: string, cwd: string }} where
 * @returns {string[]}
 */
export function startupLines({ origin, databaseUrl, cwd }) {
	return [
		`Undercurrent is listening on ${origin}`,
		`  database  ${describeDatabase(databaseUrl, cwd)}`,
		`  sign up   ${origin}/signup (the first account founds your organisation)`,
		`  demo      run \`npm run seed\` in another terminal, then sign in at ${origin}/signin`,
		`            with the e-mail and password it prints`,
		`Stop with Ctrl+C.`
	];
}
