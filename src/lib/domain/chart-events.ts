/**
 * Events on the dashboards' time axes: workshops (the day they ran) and dated notes an owner adds
 * ("new director", "reorganisation"). A chart's axis is a list of points in time, pulses
 * (`YYYY-MM-DD`) or months (`YYYY-MM`), evenly spaced as categories; an event is placed between
 * the two points around it, in proportion to the time between them, so it sits where it happened
 * relative to the pulses before and after.
 */

export type ChartEventKind = 'note' | 'workshop';

export interface ChartEvent {
	/** `YYYY-MM-DD`. */
	date: string;
	label: string;
	kind: ChartEventKind;
}

export interface PlacedEvent extends ChartEvent {
	/** Position on the axis in points: 0 is the first point, 1.5 halfway between the 2nd and 3rd. */
	at: number;
}

/** The longest note an owner writes. */
export const EVENT_LABEL_MAX = 80;
/** Characters of a label drawn on a chart (the whole one is in the table under it). */
export const MARK_LABEL_CHARS = 16;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Days since 1970 of a `YYYY-MM-DD`. */
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
/** Months since year 0 of a `YYYY-MM` or `YYYY-MM-DD`. */
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * Where each event falls on an axis of pulse days or months, oldest axis point first. An event on
 * a point's day (or in a point's month, on a month axis) sits on that point; one between two
 * points sits between them in proportion; one before the first or after the last point is not
 * on the chart (and is left out). Ordered by position.
 */
export function placeEvents(axis: readonly string[], events: readonly ChartEvent[]): PlacedEvent[] {
	if (axis.length === 0) return [];
	const byMonth = axis.every((p) => MONTH.test(p));
	if (!byMonth && !axis.every((p) => DAY.test(p))) return [];
	const position = byMonth ? monthNumber : dayNumber;
	const points = axis.map(position);
	const placed: PlacedEvent[] = [];
	for (const event of events) {
		if (!DAY.test(event.date)) continue;
		const t = position(event.date);
		if (t < points[0] || t > points.at(-1)!) continue;
		let i = 0;
		while (i < points.length - 1 && points[i + 1] <= t) i++;
		const at =
			i === points.length - 1 || points[i] === t
				? i
				: i + (t - points[i]) / (points[i + 1] - points[i]);
		placed.push({ ...event, at });
	}
	return placed.sort((a, b) => a.at - b.at || a.date.localeCompare(b.date));
}

/** A label short enough to draw beside a mark. */
export function shortLabel(label: string, chars = MARK_LABEL_CHARS): string {
	const tidy = label.trim();
	return tidy.length <= chars ? tidy : `${tidy.slice(0, chars - 1).trimEnd()}…`;
}
