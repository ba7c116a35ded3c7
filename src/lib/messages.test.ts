import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** A message: a text, or (for plurals) variants with their declarations and a text per case. */
type Message =
	string | { declarations: string[]; selectors: string[]; match: Record<string, string> }[];

const load = (locale: string): Record<string, Message> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(`messages/${locale}.json`, 'utf8')
	);
	return messages;
};
const en = load('en');
const nl = load('nl');
const texts = (message: Message): string[] =>
	typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
const placeholders = (message: Message) =>
	[
		...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))
	].sort();

describe('translations', () => {
	it('have every key in both languages', () => {
		expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
	});

	it('use the same placeholders in both languages', () => {
		for (const key of Object.keys(en)) {
			expect(placeholders(nl[key] ?? ''), key).toEqual(placeholders(en[key]));
		}
	});

	it('are not left empty, in any plural case', () => {
		for (const [key, message] of [...Object.entries(en), ...Object.entries(nl)]) {
			expect(texts(message).length, key).toBeGreaterThan(0);
			for (const text of texts(message)) expect(text.trim(), key).not.toBe('');
		}
	});

	it('give plurals a case for one and for every other number in both languages', () => {
		for (const [key, message] of [...Object.entries(en), ...Object.entries(nl)]) {
			if (typeof message === 'string') continue;
			const cases = message.flatMap((v) => Object.keys(v.match).map((c) => c.split('=')[1]));
			expect(cases, key).toEqual(expect.arrayContaining(['one', '*']));
		}
	});
});
