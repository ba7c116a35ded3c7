/**
 * The pieces of chart.js the dashboard's line charts use, registered once. Imported dynamically
 * from TrendChart's onMount, so chart.js never runs on the server and only the dashboards load it.
 */
import {
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';
import { eventMarks } from './event-marks';

Chart.register(
	LineController,
	LineElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
	eventMarks
);

export { Chart };
