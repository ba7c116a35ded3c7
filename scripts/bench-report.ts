/**
 * What every benchmark does with its figures: keeps them whole in `bench-results/`, and writes
 * its table into docs/performance.md between its own markers (`<!-- bench:NAME -->`), replacing
 * the previous run's table, or under a new heading the first time. The docs are checked by
 * prettier (`npm run lint`), so the file is formatted as prettier would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Writes `bench-results/<name>-<date>[-<suffix>].json`; its path. */
export function saveResults(name: string, date: string, result: unknown, suffix = ''): string {
	const dir = join(ROOT, 'bench-results');
	mkdirSync(dir, { recursive: true });
	const stamp = date.slice(0, 19).replace(/[:T]/g, '-');
	const file = join(dir, `${name}-${stamp}${suffix ? `-${suffix}` : ''}.json`);
	writeFileSync(file, JSON.stringify(result, null, '\t') + '\n');
	return file;
}

/** Puts `text` and the `machine` line between the markers `marker` names; the docs' path. */
export function writeDocsTable(table: {
	marker: string;
	/** The section heading a first run adds above the markers. */
	heading?: string;
	text: string;
	machine: string;
	command: string;
}): string {
	const docs = join(ROOT, 'docs/performance.md');
	const begin = `<!-- ${table.marker} -->`;
	const end = `<!-- /${table.marker} -->`;
	const block = `${begin}\n${table.text}\n\n${table.machine}. Command: \`${table.command}\`.\n${end}`;
	let doc = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Performance\n';
	const at = doc.indexOf(begin);
	const to = doc.indexOf(end);
	doc =
		at >= 0 && to > at
			? doc.slice(0, at) + block + doc.slice(to + end.length)
			: `${doc.trimEnd()}\n\n${table.heading ? `## ${table.heading}\n\n` : ''}${block}\n`;
	writeFileSync(docs, doc);
	try {
		execFileSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', docs], { stdio: 'ignore' });
	} catch {
		console.warn(
			'prettier could not format the docs: run `npx prettier --write docs/performance.md`'
		);
	}
	return docs;
}
