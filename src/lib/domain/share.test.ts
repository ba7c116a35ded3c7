import { describe, expect, it } from 'vitest';
import { checkExpiry, sectionsOf, shareLinkOpens, storedSections } from './share';

describe('share links', () => {
	it('open until revoked or past their last day', () => {
		const open = { revokedAt: null, expiresOn: null };
		expect(shareLinkOpens(open, '2026-12-08')).toBe(true);
		expect(shareLinkOpens({ ...open, expiresOn: '2026-12-08' }, '2026-12-08')).toBe(true);
		expect(shareLinkOpens({ ...open, expiresOn: '2026-12-07' }, '2026-12-08')).toBe(false);
		expect(shareLinkOpens({ ...open, revokedAt: new Date() }, '2026-12-08')).toBe(false);
	});

	it('take an expiry from today up to two years ahead, or none', () => {
		expect(checkExpiry('', '2026-12-08')).toEqual({ ok: true, expiresOn: null });
		expect(checkExpiry(' 2026-12-08 ', '2026-12-08')).toEqual({
			ok: true,
			expiresOn: '2026-12-08'
		});
		expect(checkExpiry('2026-12-07', '2026-12-08')).toEqual({ ok: false, refusal: 'too_small' });
		expect(checkExpiry('2028-12-08', '2026-12-08')).toEqual({ ok: true, expiresOn: '2028-12-08' });
		expect(checkExpiry('2028-12-09', '2026-12-08')).toEqual({ ok: false, refusal: 'too_big' });
		expect(checkExpiry('2027-02-30', '2026-12-08')).toEqual({ ok: false, refusal: 'invalid' });
		expect(checkExpiry('tomorrow', '2026-12-08')).toEqual({ ok: false, refusal: 'invalid' });
	});

	it('store their sections in one order and drop unknown ones', () => {
		expect(storedSections(['teams', 'figures'])).toBe('figures,teams');
		expect(sectionsOf('teams,bogus,figures')).toEqual(['figures', 'teams']);
	});
});
