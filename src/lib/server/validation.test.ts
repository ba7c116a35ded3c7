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
