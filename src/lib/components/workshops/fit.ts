/**
 * Type for the projector's charts, and room for their labels: pure helpers, so a component can
 * size its pages before chart.js has loaded.
 */

/** How long a page of bars stays on the projector before the next comes. */
export const PAGE_MS = 8000;

export const FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/**
 * Type that scales with the canvas, so a projector's chart is read from the back of the room
 * (25 px on a 1080p screen's chart) and still leaves room for a page of bars.
 */
export function fontFor(width: number): { size: number; family: string } {
	return { size: Math.round(Math.max(13, Math.min(30, width / 72))), family: FAMILY };
}

/**
 * `text` as it fits in `max` pixels in `font`: whole, or cut at a word (or, for a long compound,
 * within it) with an ellipsis. The full name stays in the chart's table.
 */
export function fitText(
	ctx: CanvasRenderingContext2D,
	text: string,
	font: string,
	max: number
): string {
	ctx.save();
	ctx.font = font;
	try {
		if (ctx.measureText(text).width <= max) return text;
		const fits = (n: number) => ctx.measureText(`${text.slice(0, n).trimEnd()}…`).width <= max;
		let low = 0;
		let high = text.length;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (fits(mid)) low = mid;
			else high = mid - 1;
		}
		const space = text.lastIndexOf(' ', low);
		const cut = space > low * 0.6 ? space : low;
		return `${text.slice(0, cut).trimEnd()}…`;
	} finally {
		ctx.restore();
	}
}

/**
 * How many rows of `units` type sizes each a chart of `height` pixels holds, with `axis` type
 * sizes kept for the axis below: at least one.
 */
export function rowsThatFit(height: number, size: number, units: number, axis = 2.4): number {
	return Math.max(1, Math.floor((height - axis * size) / (units * size)));
}
