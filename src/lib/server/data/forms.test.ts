import { describe, expect, it } from 'vitest';
import { refuseUnconfirmed } from './forms';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('refuseUnconfirmed', () => {
	it('goes ahead only when the name was typed, spacing aside', () => {
		expect(refuseUnconfirmed(form({ confirmName: 'Verkoop & Service' }), 'Verkoop & Service')).toBeNull();
		expect(refuseUnconfirmed(form({ confirmName: '  Verkoop   &  Service ' }), 'Verkoop & Service')).toBeNull();
	});

	it('says what is wrong next to the field otherwise', () => {
		const errorOf = (fields: Record<string, string>) =>
			refuseUnconfirmed(form(fields), 'Acme')?.data.errors.confirmName;
		expect(errorOf({})).toEqual({ code: 'required' });
		expect(errorOf({ confirmName: '   ' })).toEqual({ code: 'required' });
		expect(errorOf({ confirmName: 'acme' })).toEqual({ code: 'name_mismatch' });
		expect(errorOf({ confirmName: 'Acme Inc' })).toEqual({ code: 'name_mismatch' });
		expect(errorOf({ confirmName: 'x'.repeat(501) })).toEqual({ code: 'too_long', limit: 500 });
		expect(refuseUnconfirmed(form({ confirmName: 'acme' }), 'Acme')?.status).toBe(400);
	});
});
