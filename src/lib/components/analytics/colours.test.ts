import { describe, expect, it } from 'vitest';
import { heat, scoreColours } from './colours';

/** WCAG relative luminance of `rgb(r g b)` or `#rrggbb`. */
function luminance(colour: string): number {
	const parts = colour.startsWith('#')
		? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
		: colour.slice(4, -1).split(' ').map(Number);
	const [r, g, b] = parts.map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
};

describe('heat', () => {
	it('runs from pale to mid teal and clamps outside 0–1', () => {
		expect(heat(0)).toBe('rgb(244 248 248)');
		expect(heat(1)).toBe('rgb(80 160 165)');
		expect(heat(-1)).toBe(heat(0));
		expect(heat(2)).toBe(heat(1));
	});

	it('keeps dark text above 4.5:1 on every cell', () => {
		for (let t = 0; t <= 1; t += 0.1) expect(contrast(heat(t), '#14232e')).toBeGreaterThan(4.5);
	});
});

describe('scoreColours', () => {
	it('gives the five anchors for a 1–5 scale, red low and blue high', () => {
		expect(scoreColours(5)).toEqual(['#b2182b', '#e0785a', '#8c8c8c', '#4f93c4', '#1d5c9e']);
	});

	it('mixes between the anchors for 0–10, ends and middle on the anchors', () => {
		const eleven = scoreColours(11);
		expect(eleven).toHaveLength(11);
		expect([eleven[0], eleven[5], eleven[10]]).toEqual(['#b2182b', '#8c8c8c', '#1d5c9e']);
	});
});
