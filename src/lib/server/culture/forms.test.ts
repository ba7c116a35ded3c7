import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation';
import { ElementForm, LimitingForm, MoveForm, NewElementForm, ValueForm } from './forms';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
};

describe('ValueForm', () => {
	it('tidies the name and collects the ticked lenses in the method’s order', () => {
		const parsed = parseForm(
			ValueForm,
			form({ name: '  Ownership   first ', lens_strategic: 'on', lens_assumed: 'on' })
		);
		expect(parsed.ok && parsed.data).toEqual({
			name: 'Ownership first',
			meaning: '',
			limiting: false,
			lenses: ['assumed', 'strategic']
		});
	});

	it('keeps names to 1–80 characters and meanings to 1,000', () => {
		const ok = parseForm(ValueForm, form({ name: 'x'.repeat(80), lens_current: 'on' }));
		expect(ok.ok).toBe(true);
		const long = parseForm(
			ValueForm,
			form({ name: 'x'.repeat(81), meaning: 'y'.repeat(1001), lens_current: 'on' })
		);
		expect(long.ok ? null : long.errors).toEqual({
			name: { code: 'too_long', limit: 80 },
			meaning: { code: 'too_long', limit: 1000 }
		});
		const blank = parseForm(ValueForm, form({ name: '   ', lens_current: 'on' }));
		expect(blank.ok ? null : blank.errors).toEqual({ name: { code: 'required' } });
	});

	it('asks for at least one lens', () => {
		const parsed = parseForm(ValueForm, form({ name: 'Ownership' }));
		expect(parsed.ok ? null : parsed.errors).toEqual({ lenses: { code: 'required' } });
	});
});

describe('element forms', () => {
	it('needs a text for behaviours and boundaries, a name for rituals, heroes and signals', () => {
		const behaviour = parseForm(NewElementForm, form({ lens: 'current', kind: 'looks_like' }));
		expect(behaviour.ok ? null : behaviour.errors).toEqual({ text: { code: 'required' } });
		const ritual = parseForm(NewElementForm, form({ lens: 'current', kind: 'ritual', text: 'x' }));
		expect(ritual.ok ? null : ritual.errors).toEqual({ name: { code: 'required' } });
		const hero = parseForm(NewElementForm, form({ lens: 'paradise', kind: 'hero', name: 'Ann' }));
		expect(hero.ok && hero.data).toMatchObject({ lens: 'paradise', kind: 'hero', text: '' });
	});

	it('refuses unknown lenses and kinds', () => {
		const parsed = parseForm(
			NewElementForm,
			form({ lens: 'future', kind: 'myth', name: 'x', text: 'x' })
		);
		expect(parsed.ok ? null : parsed.errors).toEqual({
			lens: { code: 'invalid' },
			kind: { code: 'invalid' }
		});
	});

	it('keeps names to 80 characters and texts to 1,000, with line breaks kept', () => {
		const parsed = parseForm(
			ElementForm,
			form({ id: 'e1', kind: 'signal', name: 'n'.repeat(81), text: 't'.repeat(1001) })
		);
		expect(parsed.ok ? null : parsed.errors).toEqual({
			name: { code: 'too_long', limit: 80 },
			text: { code: 'too_long', limit: 1000 }
		});
		const text = parseForm(ElementForm, form({ id: 'e1', kind: 'feels_like', text: 'a\r\nb ' }));
		expect(text.ok && text.data.text).toBe('a\nb');
	});
});

describe('small forms', () => {
	it('accepts only up or down, and true or false', () => {
		expect(parseForm(MoveForm, form({ id: 'v1', direction: 'sideways' })).ok).toBe(false);
		expect(parseForm(MoveForm, form({ id: 'v1', direction: 'up', lens: 'current' })).ok).toBe(true);
		const limiting = parseForm(LimitingForm, form({ id: 'e1', limiting: 'false' }));
		expect(limiting.ok && limiting.data.limiting).toBe(false);
		expect(parseForm(LimitingForm, form({ id: 'e1', limiting: 'yes' })).ok).toBe(false);
		expect(parseForm(LimitingForm, form({ id: '', limiting: 'true' })).ok).toBe(false);
	});
});
