/**
 * A small chart.js plugin (no annotation library: this is all the dashboards need, about 1 KB):
 * a vertical mark at a position on the category axis for each event, solid for a note and dashed
 * for a workshop, with its short label above the plot where there is room. Every mark is also
 * listed in the table under the chart (TrendChart), which is what screen readers get.
 */
import type { Chart, Plugin } from 'chart.js';
import type { ChartEventKind } from '$lib/domain/chart-events';
import { MARK_LABEL_ROWS, markLabelRows } from './trend-chart';

export interface ChartMark {
	/** Position on the x axis in points (fractional between two points). */
	at: number;
	/** Already shortened. */
	label: string;
	kind: ChartEventKind;
}

export interface EventMarksOptions {
	marks?: ChartMark[];
}

declare module 'chart.js' {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface PluginOptionsByType<TType extends import('chart.js').ChartType> {
		eventMarks?: EventMarksOptions;
	}
}

/**
 * Grey, which no line of a chart is drawn in (LINE_COLOURS, LENS_COLOURS), 4.9:1 on white; a
 * note is a solid line, a workshop a dashed one.
 */
export const MARK_COLOUR = '#707070';
/** Height of one row of labels above the plot, in pixels. */
export const MARK_ROW_HEIGHT = 15;
const FONT = '12px system-ui, sans-serif';

export const eventMarks: Plugin<'line', EventMarksOptions> = {
	id: 'eventMarks',
	afterDatasetsDraw(chart: Chart<'line'>, _args, options) {
		const marks = options.marks ?? [];
		const x = chart.scales.x;
		if (marks.length === 0 || !x) return;
		const { ctx, chartArea } = chart;
		ctx.save();
		ctx.font = FONT;
		const xs = marks.map((mark) => x.getPixelForValue(mark.at));
		const spans = marks.map((mark, i) => {
			const width = ctx.measureText(mark.label).width;
			// Right of the line, or left of it where the plot ends.
			const left = xs[i] + 3 + width > chartArea.right ? xs[i] - 3 - width : xs[i] + 3;
			return { left, right: left + width, first: mark.kind === 'note' };
		});
		const rows = markLabelRows(spans, MARK_LABEL_ROWS);
		marks.forEach((mark, i) => {
			const colour = MARK_COLOUR;
			const row = rows[i];
			// Row 0 sits just above the plot; a labelled mark's line reaches up to its label.
			const baseline = row === null ? chartArea.top : chartArea.top - 2 - row * MARK_ROW_HEIGHT;
			ctx.strokeStyle = colour;
			ctx.lineWidth = 1.5;
			ctx.setLineDash(mark.kind === 'workshop' ? [5, 4] : []);
			ctx.beginPath();
			ctx.moveTo(xs[i], baseline);
			ctx.lineTo(xs[i], chartArea.bottom);
			ctx.stroke();
			if (row === null) return;
			ctx.fillStyle = colour;
			ctx.textBaseline = 'bottom';
			ctx.fillText(mark.label, spans[i].left, baseline);
		});
		ctx.restore();
	}
};
