import { describe, expect, it } from 'vitest';
import { parseReviewForm, REVIEW_PAGE } from './review-form';

function form(rows: Record<string, Record<string, string>>): FormData {
	const data = new FormData();
	for (const [key, fields] of Object.entries(rows)) {
		data.append('key', key);
		for (const [name, value] of Object.entries(fields)) data.append(`${name}:${key}`, value);
	}
	return data;
}

const row = (change: Record<string, string> = {}) => ({
	choice: 'accept',
	destination: 'value',
	text: '  Trust ',
	value: '',
	lens: 'current',
	...change
});

describe('parseReviewForm', () => {
	it('reads accepted and rejected rows, leaves the ones for later out', () => {
		const parsed = parseReviewForm(
			form({
				'a:1': row(),
				'a:2': row({ choice: 'reject', destination: 'merge', value: 'v1' }),
				'a:3': row({ choice: 'later' })
			})
		);
		expect(parsed).toMatchObject({
			ok: true,
			decisions: [
				{
					key: 'a:1',
					accept: true,
					destination: 'value',
					text: 'Trust',
					valueId: null,
					lens: 'current'
				},
				{ key: 'a:2', accept: false, destination: 'merge', valueId: 'v1' }
			]
		});
	});

	it.each([
		['a destination outside the list', { destination: 'everything' }],
		['a lens outside the list', { lens: 'future' }],
		['no decision', { choice: '' }],
		['words over the culture limit', { text: 'x'.repeat(1001) }],
		['a value id longer than an id', { value: 'v'.repeat(65) }]
	])('refuses %s, naming the row', (_, change) => {
		const parsed = parseReviewForm(form({ 'a:1': row(), 'a:2': row(change) }));
		expect(parsed).toMatchObject({ ok: false, invalid: ['a:2'] });
	});

	it('refuses an empty form, repeated keys, overlong keys and more rows than a page', () => {
		expect(parseReviewForm(new FormData())).toMatchObject({ ok: false, invalid: ['form'] });
		const twice = form({ 'a:1': row() });
		twice.append('key', 'a:1');
		expect(parseReviewForm(twice)).toMatchObject({ ok: false, invalid: ['form'] });
		expect(parseReviewForm(form({ ['k'.repeat(201)]: row() }))).toMatchObject({ ok: false });
		const many = Object.fromEntries(
			Array.from({ length: REVIEW_PAGE + 1 }, (_, i) => [`a:${i}`, row()])
		);
		expect(parseReviewForm(form(many))).toMatchObject({ ok: false, invalid: ['form'] });
	});
});
