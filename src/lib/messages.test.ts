import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(`messages/${locale}.json`, 'utf8')
	);
	return messages;
};
const en = load('en');
const nl = load('nl');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
	it('have every key in both languages', () => {
		expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
	});

	it('use the same placeholders in both languages', () => {
		for (const key of Object.keys(en)) {
			expect(placeholders(nl[key] ?? ''), key).toEqual(placeholders(en[key]));
		}
	});

	it('are not left empty', () => {
		for (const [key, text] of [...Object.entries(en), ...Object.entries(nl)]) {
			expect(text.trim(), key).not.toBe('');
		}
	});
});
