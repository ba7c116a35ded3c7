import { describe, expect, it } from 'vitest';
import { placeEvents, shortLabel, type ChartEvent } from './chart-events';

const note = (date: string, label = 'Reorganisation'): ChartEvent => ({
	date,
	label,
	kind: 'note'
});

describe('events on a pulse axis', () => {
	const axis = ['2026-01-05', '2026-02-02', '2026-03-02', '2026-03-30'];

	it('sit on a pulse of the same day, and between two pulses in proportion to the days', () => {
		const placed = placeEvents(axis, [note('2026-02-02'), note('2026-01-12'), note('2026-03-16')]);
		expect(placed.map((e) => [e.date, e.at])).toEqual([
			['2026-01-12', 0.25], // 7 of the 28 days from 5 Jan to 2 Feb
			['2026-02-02', 1],
			['2026-03-16', 2.5] // 14 of 28 days
		]);
	});

	it('before the first or after the last pulse are left out', () => {
		expect(placeEvents(axis, [note('2025-12-31'), note('2026-04-01')])).toEqual([]);
		expect(placeEvents(axis, [note('2026-03-30')]).map((e) => e.at)).toEqual([3]);
	});

	it('on an axis of workshops with two on one day stay on that day', () => {
		const placed = placeEvents(['2026-01-05', '2026-01-05', '2026-02-05'], [note('2026-01-05')]);
		expect(placed.map((e) => e.at)).toEqual([1]);
	});
});

describe('events on a month axis', () => {
	it("sit on their month's point, and between months where a month has no point", () => {
		const axis = ['2026-01', '2026-02', '2026-05'];
		const placed = placeEvents(axis, [note('2026-02-27'), note('2026-03-01'), note('2026-01-01')]);
		expect(placed.map((e) => [e.date, e.at])).toEqual([
			['2026-01-01', 0],
			['2026-02-27', 1],
			['2026-03-01', 1 + 1 / 3] // one of the three months from February to May
		]);
	});

	it('a note in a month after the last point is left out', () => {
		expect(placeEvents(['2026-01', '2026-02'], [note('2026-03-01')])).toEqual([]);
	});
});

describe('a short label', () => {
	it('keeps a short label and cuts a long one with an ellipsis', () => {
		expect(shortLabel('New director')).toBe('New director');
		expect(shortLabel('Reorganisation of the sales department')).toBe('Reorganisation…');
		expect(shortLabel('Reorganisation of the sales department').length).toBeLessThanOrEqual(16);
	});
});
