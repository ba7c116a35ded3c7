import { describe, expect, it } from 'vitest';
import type { TrendSeries } from './format';
import { markLabelRows, planTrend, spacedTicks } from './trend-chart';

const line = (label: string, values: (number | null)[]): TrendSeries => ({
	label,
	colour: '#000000',
	values
});
const MONTHS = ['Jan', 'Feb', 'Mar'];

describe('planTrend', () => {
	it('draws at most five lines of sixteen, the highest latest first, and counts the rest', () => {
		const leaders = Array.from({ length: 16 }, (_, i) =>
			line(`Leader ${i}`, [50, i * 5, i === 3 ? null : i * 6])
		);
		const plan = planTrend(MONTHS, leaders, 0, 100);
		expect(plan.kind).toBe('chart');
		if (plan.kind !== 'chart') return;
		expect(plan.series.map((s) => s.label)).toEqual([
			'Leader 15',
			'Leader 14',
			'Leader 13',
			'Leader 12',
			'Leader 11'
		]);
		expect(plan.more).toBe(11);
		expect(plan.legend).toBe(true);
	});

	it('keeps the pinned lines (the team as a whole) before the chosen ones', () => {
		const all = line('All values', [60, 61, 62]);
		const values = Array.from({ length: 9 }, (_, i) => line(`Value ${i}`, [i, i, i]));
		const plan = planTrend(MONTHS, [all, ...values], 0, 100, { pinned: 1 });
		if (plan.kind !== 'chart') throw new Error('expected a chart');
		expect(plan.series.map((s) => s.label)).toEqual([
			'All values',
			'Value 8',
			'Value 7',
			'Value 6',
			'Value 5',
			'Value 4'
		]);
		expect(plan.more).toBe(4);
	});

	it('always has 0 among the ticks of a scale that crosses it', () => {
		for (const [min, max] of [
			[-100, 100],
			[-100, 50],
			[-3, 7],
			[-5, 100],
			[0, 100]
		]) {
			const plan = planTrend(MONTHS, [line('Gap', [-20, 5, 10])], min, max);
			if (plan.kind !== 'chart') throw new Error('expected a chart');
			expect(plan.ticks).toContain(0);
			expect(plan.ticks![0]).toBe(min);
			expect(plan.ticks!.at(-1)).toBe(max);
			expect(plan.ticks!.length).toBeLessThanOrEqual(7);
		}
	});

	it('shows one point as its number and date instead of a lonely dot', () => {
		const plan = planTrend(
			['Dec 1, 2026', 'Jan 5, 2027'],
			[line('eNPS', [null, 12]), line('Other', [null, null])],
			-100,
			100
		);
		expect(plan).toEqual({
			kind: 'number',
			points: [{ label: 'eNPS', when: 'Jan 5, 2027', value: 12 }]
		});
	});

	it('draws a chart from two points on', () => {
		const plan = planTrend(['a', 'b', 'c'], [line('x', [1, null, 3])], 0, 100);
		expect(plan.kind).toBe('chart');
	});
});

describe('spacedTicks', () => {
	// Two years of months as the Dutch organisation dashboard labels them, about 7 px a character.
	const months = [
		'jan',
		'feb',
		'mrt',
		'apr',
		'mei',
		'jun',
		'jul',
		'aug',
		'sep',
		'okt',
		'nov',
		'dec'
	];
	const labels = [2024, 2025].flatMap((year) => months.map((month) => `${month} ${year}`));
	const widths = labels.map((label) => label.length * 7);

	/** The free pixels between each two neighbouring shown labels. */
	function gaps(shown: Set<number>, axisWidth: number): number[] {
		const spacing = axisWidth / (labels.length - 1);
		const at = [...shown].sort((a, b) => a - b);
		return at.slice(1).map((i, k) => (i - at[k]) * spacing - (widths[i] + widths[at[k]]) / 2);
	}

	it('keeps every two Dutch month labels at least 16 px apart, evenly, from the first month', () => {
		for (const axisWidth of [280, 360, 520, 900]) {
			const shown = spacedTicks(widths, axisWidth);
			expect(shown.has(0)).toBe(true);
			expect(Math.min(...gaps(shown, axisWidth)), `at ${axisWidth} px`).toBeGreaterThanOrEqual(16);
			const at = [...shown];
			const steps = new Set(at.slice(1).map((i, k) => i - at[k]));
			expect(steps.size).toBe(1);
		}
	});

	it('shows them all where they fit, and as many as fit where they do not', () => {
		expect(spacedTicks(widths, 2400).size).toBe(24);
		// 360 px: ticks 15.65 px apart; labels of 56 px need 5 of them (5 × 15.65 − 56 ≥ 16).
		expect(spacedTicks(widths, 360)).toEqual(new Set([0, 5, 10, 15, 20]));
		expect(spacedTicks([], 300).size).toBe(0);
		expect(spacedTicks([40], 300)).toEqual(new Set([0]));
	});
});

describe('the labels of events above a chart', () => {
	it('go in the first row where they do not overlap, else are left to the table', () => {
		const rows = markLabelRows(
			[
				{ left: 10, right: 90 },
				{ left: 50, right: 120 }, // overlaps the first: next row
				{ left: 100, right: 150 }, // clear of the first in row 0
				{ left: 110, right: 160 } // overlaps both rows: not drawn
			],
			2
		);
		expect(rows).toEqual([0, 1, 0, null]);
	});

	it("an owner's note is placed before the workshops around it", () => {
		const rows = markLabelRows(
			[
				{ left: 10, right: 90 },
				{ left: 20, right: 100 },
				{ left: 50, right: 120, first: true }
			],
			2
		);
		expect(rows).toEqual([1, null, 0]);
	});
});
