// The e2e web server: the production build (adapter-node) on a brand-new database file, so
// every run starts from an empty app. Playwright passes PORT, HOST, ORIGIN and DATABASE_URL.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const url = process.env.DATABASE_URL ?? '';
const output = resolve('tests/.output');
const file = url.startsWith('file:') ? resolve(url.slice('file:'.length)) : '';
// Refuse to wipe anything outside tests/.output: a mistyped URL must not cost real data.
if (!file.startsWith(output + '/')) {
	throw new Error(`e2e DATABASE_URL must be a file under tests/.output, got "${url}"`);
}
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });

// A computed specifier, so that type-checking does not follow it into build/.
await import(new URL('../../scripts/serve.js', import.meta.url).href);
