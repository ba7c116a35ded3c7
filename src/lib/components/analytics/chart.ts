/**
 * The pieces of chart.js the results pages use, registered once. Imported dynamically from
 * the chart components' onMount, so chart.js never runs on the server and only the pages that
 * draw a chart load it (never the participant's).
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LineElement,
	LinearScale,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	RadarController,
	RadialLinearScale,
	PointElement,
	LineElement,
	Filler,
	Legend,
	Tooltip
);

export { Chart };

export const FONT = {
	size: 13,
	family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
};
export const INK = '#14232e';
export const GRID = '#d5dbe0';
