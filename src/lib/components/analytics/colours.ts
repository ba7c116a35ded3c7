import type { Lens } from '$lib/domain/culture';
import type { EntropyBand } from '$lib/domain/metrics';

/** One colour per lens, the same on every chart (and the projector's). */
export const LENS_COLOURS: Record<Lens, string> = {
	assumed: '#5b4a9e',
	current: '#0b6e75',
	paradise: '#a3367a',
	strategic: '#2f5d9e'
};

/** Growth and shrinkage on diverging charts. */
export const UP = '#1d5c9e';
export const DOWN = '#b2182b';

export const BAND_COLOURS: Record<EntropyBand, string> = {
	healthy: '#2e7d32',
	minor: '#8a6d00',
	significant: '#b35900',
	serious: '#b2182b',
	critical: '#7a0c1e'
};

/**
 * Background of a heatmap cell for a position `t` on the scale (0 low … 1 high), from pale to
 * mid teal: dark text stays above 5:1 contrast on every cell.
 */
export function heat(t: number): string {
	const x = Math.max(0, Math.min(1, t));
	const from = [0xf4, 0xf8, 0xf8];
	const to = [80, 160, 165];
	return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * x)).join(' ')})`;
}

const ANCHORS = ['#b2182b', '#e0785a', '#8c8c8c', '#4f93c4', '#1d5c9e'];

/**
 * `n` colours for the points of a scale, from low (red) through neutral (grey) to high
 * (blue): the projector's palette (workshops/chart.ts), here without importing chart.js.
 */
export function scoreColours(n: number): string[] {
	const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
	const mix = (a: string, b: string, t: number) =>
		`#${[0, 1, 2]
			.map((i) =>
				Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t)
					.toString(16)
					.padStart(2, '0')
			)
			.join('')}`;
	return Array.from({ length: n }, (_, i) => {
		const at = (i / Math.max(1, n - 1)) * (ANCHORS.length - 1);
		const low = Math.floor(at);
		return low >= ANCHORS.length - 1
			? ANCHORS.at(-1)!
			: mix(ANCHORS[low], ANCHORS[low + 1], at - low);
	});
}
