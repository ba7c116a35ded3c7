/**
 * The pieces of chart.js the projector's charts use, registered once. Imported dynamically
 * from the chart components' onMount, so chart.js never runs on the server and only pages
 * that draw a chart load it.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

export { Chart };

export { fitText, fontFor } from './fit';

const ANCHORS = ['#b2182b', '#e0785a', '#8c8c8c', '#4f93c4', '#1d5c9e'];

function mix(a: string, b: string, t: number): string {
	const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
	const out = [0, 1, 2].map((i) =>
		Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t)
			.toString(16)
			.padStart(2, '0')
	);
	return `#${out.join('')}`;
}

/** `n` colours from disagreeing (red) through neutral (grey) to agreeing (blue). */
export function divergingColours(n: number): string[] {
	if (n === ANCHORS.length) return [...ANCHORS];
	return Array.from({ length: n }, (_, i) => {
		const at = (i / Math.max(1, n - 1)) * (ANCHORS.length - 1);
		const low = Math.floor(at);
		return low >= ANCHORS.length - 1
			? ANCHORS.at(-1)!
			: mix(ANCHORS[low], ANCHORS[low + 1], at - low);
	});
}
