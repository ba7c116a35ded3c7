import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation';
import { TeamSizeForm } from './forms';

const parse = (size: string) => {
	const form = new FormData();
	form.set('size', size);
	return parseForm(TeamSizeForm, form);
};

describe('the team size form', () => {
	it('takes a whole number from 1 to 100,000, and empty to clear it', () => {
		expect(parse(' 24 ')).toMatchObject({ ok: true, data: { size: 24 } });
		expect(parse('100000')).toMatchObject({ ok: true, data: { size: 100000 } });
		expect(parse('')).toMatchObject({ ok: true, data: { size: null } });
	});

	it('says what is wrong next to the field', () => {
		expect(parse('0')).toMatchObject({
			ok: false,
			errors: { size: { code: 'too_small', limit: 1 } }
		});
		expect(parse('100001')).toMatchObject({
			ok: false,
			errors: { size: { code: 'too_big', limit: 100000 } }
		});
		for (const bad of ['4.5', 'ten', '1e3', '-3']) {
			expect(parse(bad), bad).toMatchObject({ ok: false, errors: { size: { code: 'invalid' } } });
		}
	});
});
