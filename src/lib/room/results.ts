/**
 * The revealed results of a voting activity as rows a phone can draw with plain HTML bars.
 * Only aggregates come in (see `Results`); nothing here can tell one person's answer.
 */
import type { KindsWith } from '../domain/activity-kinds';
import type { Lens } from '../domain/culture';
import { isVoting, LIMITS, SCALES } from '../domain/workshop';
import type { PublicActivity, Results } from '../server/live/events';

export interface ResultRow {
	itemId: string;
	valueId: string;
	name: string;
	lens: Lens;
	/** How many gave an answer to this item. */
	answers: number;
	/** Bar length, 0–1. */
	share: number;
	/** Ratings: the mean score. Dots: dots received. Allocations: mean points per person. */
	amount: number;
}

export interface ResultSummary {
	kind: KindsWith<'voting'>;
	respondents: number;
	/** Fewer respondents than the organisation's minimum group size: nothing may be shown. */
	withheld: boolean;
	/** Ratings only: the ends of the scale. */
	scale: { min: number; max: number } | null;
	rows: ResultRow[];
}

/** Rows for a voting activity's results; null for other kinds or results of another activity. */
export function summariseResults(
	activity: PublicActivity,
	results: Results | null
): ResultSummary | null {
	const { config } = activity;
	if (!results || results.activityId !== activity.id) return null;
	if (!isVoting(config.kind)) return null;
	const names = new Map(activity.values.map((v) => [v.id, v.name]));
	const scale = config.kind === 'rate' ? SCALES[config.scale] : null;
	const base = { kind: config.kind, respondents: results.respondents, scale };
	if (results.withheld) return { ...base, withheld: true, rows: [] };

	const released = activity.items.filter((item) => item.itemId in results.counts);
	const rows = released.map((item): ResultRow => {
		const counts = results.counts[item.itemId] ?? [];
		let answers = 0;
		let sum = 0;
		for (const [i, n] of counts.entries()) {
			answers += n;
			sum += (results.min + i) * n;
		}
		let amount: number;
		let share: number;
		if (scale) {
			amount = answers > 0 ? sum / answers : 0;
			share = answers > 0 ? (amount - scale.min) / (scale.max - scale.min) : 0;
		} else if (config.kind === 'allocate') {
			amount = results.respondents > 0 ? sum / results.respondents : 0;
			share = amount / LIMITS.allocateTotal;
		} else {
			amount = sum;
			share = 0; // set below, relative to all dots given
		}
		return {
			itemId: item.itemId,
			valueId: item.valueId,
			name: names.get(item.valueId) ?? '',
			lens: item.lens,
			answers,
			share,
			amount
		};
	});
	if (config.kind === 'dot_vote') {
		const all = rows.reduce((s, r) => s + r.amount, 0);
		for (const row of rows) row.share = all > 0 ? row.amount / all : 0;
	}
	// Ratings keep the agenda's order (value by value, lens by lens); dots and points are ranked.
	if (!scale) rows.sort((a, b) => b.amount - a.amount);
	for (const row of rows) row.share = Math.min(1, Math.max(0, row.share));
	return { ...base, withheld: false, rows };
}

/** A share as a whole percentage for a bar's width and its text. */
export function percent(share: number): number {
	return Math.round(share * 100);
}
