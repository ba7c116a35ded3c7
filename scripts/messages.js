// Adds translations to messages/en.json and messages/nl.json in one step, refusing a key that
// lacks either language. Usage: node scripts/messages.js add path/to/new-messages.json
// where the file holds { "en": { "key": "text" }, "nl": { "key": "tekst" } }.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const [command, file] = process.argv.slice(2);
if (command !== 'add' || !file) {
	console.error('usage: node scripts/messages.js add FILE');
	process.exit(2);
}
const incoming = JSON.parse(readFileSync(file, 'utf8'));
const keys = new Set([...Object.keys(incoming.en ?? {}), ...Object.keys(incoming.nl ?? {})]);
const missing = [...keys].filter((k) => !(k in (incoming.en ?? {})) || !(k in (incoming.nl ?? {})));
if (missing.length) {
	console.error(`missing a language for: ${missing.join(', ')}`);
	process.exit(1);
}

// A lock folder serialises concurrent writers (several people may add messages at once).
const lock = 'messages/.lock';
for (let tries = 0; ; tries++) {
	try {
		mkdirSync(lock);
		break;
	} catch {
		if (tries > 200) throw new Error(`could not take ${lock}; remove it if no one is writing`);
		await new Promise((r) => setTimeout(r, 50));
	}
}
try {
	for (const locale of ['en', 'nl']) {
		const path = `messages/${locale}.json`;
		const messages = JSON.parse(readFileSync(path, 'utf8'));
		Object.assign(messages, incoming[locale]);
		writeFileSync(path, JSON.stringify(messages, null, '\t') + '\n');
	}
} finally {
	rmSync(lock, { recursive: true });
}
console.log(`added ${keys.size} messages`);
