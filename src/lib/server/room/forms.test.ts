import { describe, expect, it } from 'vitest';
import type { ActivityConfig } from '../../domain/workshop';
import { answersFromForm } from './forms';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};
const dots: ActivityConfig = { kind: 'dot_vote', lens: 'strategic', dots: 5, valueIds: ['x', 'y'] };
const rate: ActivityConfig = { kind: 'rate', lenses: ['current'], scale: '0-10', valueIds: ['x'] };

describe('answersFromForm', () => {
	it('reads the a:<itemId> fields as whole numbers, blank ones as no answer', () => {
		const answers = answersFromForm(
			form([
				['activityId', 'act'],
				['a:x:current', ' 0 '],
				['a:y:current', '']
			]),
			rate
		);
		expect(answers).toEqual({ 'x:current': 0 });
	});

	it('turns anything that is not a whole number into NaN, for the answer check to refuse', () => {
		const answers = answersFromForm(
			form([
				['a:x:strategic', '2.5'],
				['a:y:strategic', '1e3']
			]),
			dots
		);
		expect(Number.isNaN(answers?.['x:strategic'])).toBe(true);
		expect(Number.isNaN(answers?.['y:strategic'])).toBe(true);
	});

	it('leaves out dots of zero, since the whole set replaces what was stored', () => {
		expect(
			answersFromForm(
				form([
					['a:x:strategic', '0'],
					['a:y:strategic', '3']
				]),
				dots
			)
		).toEqual({ 'y:strategic': 3 });
	});

	it('refuses a form with more answer fields than any activity has', () => {
		const many = Array.from({ length: 201 }, (_, i): [string, string] => [`a:${i}`, '1']);
		expect(answersFromForm(form(many), dots)).toBeNull();
	});
});
