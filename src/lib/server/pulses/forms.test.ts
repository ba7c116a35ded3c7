import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation';
import { newPulseForm } from './forms';

const now = new Date('2026-03-01T10:00:00Z');
const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.set(k, v);
	return data;
};
const good = {
	opensOn: '2026-03-02',
	closesOn: '2026-03-08',
	cadenceWeeks: '4',
	openQuestion: '  What would   you change? '
};

describe('newPulseForm', () => {
	it('takes a complete pulse', () => {
		expect(parseForm(newPulseForm(now), form({ ...good, withSafety: 'on' }))).toMatchObject({
			ok: true,
			data: { cadenceWeeks: 4, openQuestion: 'What would you change?', withSafety: true }
		});
		expect(parseForm(newPulseForm(now), form(good))).toMatchObject({
			data: { withSafety: false, verified: false }
		});
		expect(parseForm(newPulseForm(now), form({ ...good, verified: 'on' }))).toMatchObject({
			data: { verified: true }
		});
	});

	it('names what is wrong', () => {
		const parsed = parseForm(
			newPulseForm(now),
			form({ opensOn: '2026-03-02', closesOn: '2026-05-30', cadenceWeeks: '27', openQuestion: '' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			cadenceWeeks: { code: 'too_big', limit: 26 },
			closesOn: { code: 'invalid' },
			openQuestion: { code: 'required' }
		});
		const dates = parseForm(newPulseForm(now), form({ ...good, closesOn: '2026-05-30' }));
		expect(!dates.ok && dates.errors).toEqual({ closesOn: { code: 'invalid' } });
		const words = parseForm(
			newPulseForm(now),
			form({ ...good, opensOn: 'soon', cadenceWeeks: 'x' })
		);
		expect(!words.ok && words.errors).toMatchObject({ cadenceWeeks: { code: 'invalid' } });
	});
});
