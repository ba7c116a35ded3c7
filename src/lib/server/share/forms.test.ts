import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation';
import { newShareLinkForm } from './forms';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return parseForm(newShareLinkForm('2026-12-08'), data);
};

describe('the new share link form', () => {
	it('leaves leader scores off unless ticked, and reads the ticked sections', () => {
		const parsed = form({
			label: ' Works  council ',
			section_figures: 'on',
			section_leaders: 'on'
		});
		expect(parsed).toMatchObject({
			ok: true,
			data: {
				label: 'Works council',
				sections: ['figures', 'leaders'],
				includeLeaderScores: false,
				expiresOn: null
			}
		});
		expect(
			form({
				label: 'Board',
				section_teams: 'on',
				includeLeaderScores: 'on',
				expiresOn: '2027-01-31'
			})
		).toMatchObject({ ok: true, data: { includeLeaderScores: true, expiresOn: '2027-01-31' } });
	});

	it('says next to each field what is wrong', () => {
		expect(form({ label: 'x'.repeat(81), section_figures: 'on' })).toMatchObject({
			ok: false,
			errors: { label: { code: 'too_long', limit: 80 } }
		});
		expect(form({ label: 'Board' })).toMatchObject({
			ok: false,
			errors: { sections: { code: 'required' } }
		});
		expect(form({ label: 'Board', section_figures: 'on', expiresOn: '2026-12-01' })).toMatchObject({
			ok: false,
			errors: { expiresOn: { code: 'invalid' } }
		});
	});
});
