import type { TrendSeries } from './format';

/**
 * What a TrendChart shows, decided before chart.js is asked: a number while there is only one
 * point in time (a line needs two), else a chart of at most `limit` chosen lines besides the
 * pinned ones (a legend of 16 entries left the plot 60 px high), on ticks that always include 0.
 */
export type TrendPlan =
	| { kind: 'chart'; series: TrendSeries[]; more: number; legend: boolean; ticks: number[] }
	| { kind: 'number'; points: { label: string; when: string; value: number }[] };

/** Lines drawn besides the pinned ones; the others are in the table. */
export const LINES_SHOWN = 5;

export function planTrend(
	labels: readonly string[],
	series: readonly TrendSeries[],
	min: number,
	max: number,
	{ limit = LINES_SHOWN, pinned = 0 }: { limit?: number; pinned?: number } = {}
): TrendPlan {
	const measured = labels.flatMap((_, i) => (series.some((s) => s.values[i] != null) ? [i] : []));
	if (measured.length === 1) {
		const i = measured[0];
		return {
			kind: 'number',
			points: series.flatMap((s) =>
				s.values[i] != null ? [{ label: s.label, when: labels[i], value: s.values[i]! }] : []
			)
		};
	}
	const latest = (s: TrendSeries) => s.values.findLast((v) => v != null) ?? null;
	const chosen = series
		.slice(pinned)
		.map((s, order) => ({ s, order, latest: latest(s) }))
		.sort((a, b) => (b.latest ?? -Infinity) - (a.latest ?? -Infinity) || a.order - b.order)
		.slice(0, limit)
		.map((c) => c.s);
	const shown = [...series.slice(0, pinned), ...chosen];
	return {
		kind: 'chart',
		series: shown,
		more: series.length - shown.length,
		legend: shown.length > 1,
		ticks: axisTicks(min, max)
	};
}

/** A round step that cuts `range` into at most `parts` parts. */
function niceStep(range: number, parts: number): number {
	const rough = range / parts;
	const power = 10 ** Math.floor(Math.log10(rough));
	return [1, 2, 2.5, 5, 10].map((f) => f * power).find((step) => step >= rough)!;
}

/**
 * The ticks of a value axis from `min` to `max`: both ends and the round steps between, which
 * include 0 when the axis crosses it (chart.js's own may skip it); another step too close to
 * an end is left out so that two labels do not crowd.
 */
export function axisTicks(min: number, max: number): number[] {
	if (!(max > min)) return [min];
	const step = niceStep(max - min, 6);
	const inner: number[] = [];
	for (let v = Math.ceil(min / step) * step; v < max; v += step) {
		const value = Math.round(v * 1e9) / 1e9;
		if (value === 0 || (value - min > step / 2 && max - value > step / 2)) inner.push(value);
	}
	return [min, ...inner, max];
}

/** Space kept clear between two labels of a time axis, in pixels. */
export const AXIS_LABEL_GAP = 16;

/**
 * Which labels of a time axis to show, evenly: every `step`-th from the first, the smallest step
 * at which no two shown labels come closer than `gap` pixels (chart.js's own skipping left 3 px,
 * and Dutch months read as one word: "dec 2024apr 2025"). `widths` are the labels' measured
 * widths; the ticks are spread evenly over `axisWidth`, one per label, as on a category axis.
 */
export function spacedTicks(
	widths: readonly number[],
	axisWidth: number,
	gap = AXIS_LABEL_GAP
): Set<number> {
	const n = widths.length;
	if (n === 0) return new Set();
	const spacing = n > 1 ? axisWidth / (n - 1) : axisWidth;
	for (let step = 1; step <= n; step++) {
		let fits = true;
		for (let i = step; i < n && fits; i += step) {
			const room = spacing * step - (widths[i - step] + widths[i]) / 2;
			fits = room >= gap;
		}
		if (fits) return new Set(Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step));
	}
	return new Set([0]);
}

/** Rows of labels drawn above a chart's marks; a label that fits in none is left to the table. */
export const MARK_LABEL_ROWS = 2;

/**
 * Which row each mark's label goes in (or null: not drawn): the first row where it starts at
 * least `gap` pixels after the label before it ends, so no two labels overlap. `spans` are each
 * label's left and right edge in pixels, in the marks' order; those marked `first` (an owner's
 * notes) are placed before the others (workshops, whose names the workshop charts show too),
 * each group left to right.
 */
export function markLabelRows(
	spans: readonly { left: number; right: number; first?: boolean }[],
	rows = MARK_LABEL_ROWS,
	gap = 4
): (number | null)[] {
	const taken: { left: number; right: number }[][] = Array.from({ length: rows }, () => []);
	const order = spans
		.map((_, i) => i)
		.sort(
			(a, b) =>
				Number(Boolean(spans[b].first)) - Number(Boolean(spans[a].first)) ||
				spans[a].left - spans[b].left
		);
	const placed: (number | null)[] = spans.map(() => null);
	for (const i of order) {
		const { left, right } = spans[i];
		const row = taken.findIndex((labels) =>
			labels.every((l) => left >= l.right + gap || right + gap <= l.left)
		);
		if (row === -1) continue;
		placed[i] = row;
		taken[row].push({ left, right });
	}
	return placed;
}
