import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailField, nameField, parseForm, textField } from './validation';

function form(values: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.append(k, v);
	return data;
}

const Schema = z.object({ name: nameField, text: textField, email: emailField });

describe('parseForm', () => {
	it('tidies and accepts valid input', () => {
		const parsed = parseForm(
			Schema,
			form({ name: '  Open   door ', text: 'Line one\r\nLine two ', email: ' Ann@Example.org ' })
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: { name: 'Open door', text: 'Line one\nLine two', email: 'ann@example.org' }
		});
	});

	it('stores no NUL, other control or bidi-override character, in names or texts', () => {
		const parsed = parseForm(
			Schema,
			form({
				name: 'Open\u0000 door\u202e',
				text: 'Line one\u0007\r\n\u2066Line two\u2069\u200b ',
				email: 'ann@example.org'
			})
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: { name: 'Open door', text: 'Line one\nLine two' }
		});
		// Nothing but hidden characters is nothing.
		expect(
			parseForm(Schema, form({ name: '\u0000\u202e', text: '', email: 'a@b.org' }))
		).toMatchObject({
			ok: false,
			errors: { name: { code: 'required' } }
		});
	});

	it('names each broken limit with a code the page can translate', () => {
		const parsed = parseForm(
			Schema,
			form({ name: ' ', text: 'x'.repeat(1001), email: 'not-an-address' })
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({
			name: { code: 'required' },
			text: { code: 'too_long', limit: 1000 },
			email: { code: 'email' }
		});
		expect(parsed.values.email).toBe('not-an-address');
	});

	it('treats a missing field as required and an 81-character name as too long', () => {
		const parsed = parseForm(Schema, form({ name: 'n'.repeat(81), text: '' }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.name).toEqual({ code: 'too_long', limit: 80 });
		expect(parsed.errors.email).toEqual({ code: 'required' });
	});
});

describe('where stored text is cleaned', () => {
	/** Files under src/ (tests and generated messages aside), as [path, text]. */
	function sources(dir: string): [string, string][] {
		return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return path.endsWith(join('lib', 'paraglide')) ? [] : sources(path);
			if (!/\.(ts|js|svelte)$/.test(entry.name) || entry.name.endsWith('.test.ts')) return [];
			return [[path, readFileSync(path, 'utf8')]];
		});
	}

	it('is one place: no module normalises line breaks itself instead of calling tidyText', () => {
		// A home-made `.replace(/\r\n?/g, '\n').trim()` is how texts used to bypass the removal
		// of hidden characters (board posts, pulse answers, notes).
		const own = sources('src')
			.filter(
				([path, text]) => /\\r\\n\?/.test(text) && !path.endsWith(join('domain', 'culture.ts'))
			)
			.map(([path]) => path);
		expect(own).toEqual([]);
	});
});
