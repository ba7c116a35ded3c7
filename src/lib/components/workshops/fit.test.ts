import { describe, expect, it } from 'vitest';
import { fitText, fontFor, rowsThatFit } from './fit';

/** A context whose every character is 10 px wide. */
const ctx = {
	font: '',
	save() {},
	restore() {},
	measureText: (text: string) => ({ width: text.length * 10 })
} as unknown as CanvasRenderingContext2D;

describe('fitText', () => {
	it('keeps a name that fits', () => {
		expect(fitText(ctx, 'Ownership', '20px x', 90)).toBe('Ownership');
	});

	it('cuts a long name at a word, with an ellipsis, within the width', () => {
		const fitted = fitText(
			ctx,
			'Integrity without compromise, also when nobody is watching',
			'',
			200
		);
		expect(fitted).toBe('Integrity without…');
		expect(fitted.length * 10).toBeLessThanOrEqual(200);
	});

	it('cuts a compound without spaces inside it', () => {
		const fitted = fitText(ctx, 'Klantgerichtheidsverbeteringsprogramma', '', 100);
		expect(fitted).toBe('Klantgeri…');
	});
});

describe('type and rows', () => {
	it('gives 1080p charts type of at least 20 px', () => {
		expect(fontFor(1800).size).toBeGreaterThanOrEqual(20);
		expect(fontFor(200).size).toBe(13);
	});

	it('counts the rows a chart holds, never fewer than one', () => {
		expect(rowsThatFit(600, 25, 3, 2)).toBe(7);
		expect(rowsThatFit(10, 25, 3)).toBe(1);
	});
});
