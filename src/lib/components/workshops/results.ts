/**
 * Live results as rows the charts and tables show: per rated item its statistics and
 * distribution, per value its dots or points. Inputs are the aggregates the live stream sends.
 */
import type { Lens } from '$lib/domain/culture';
import { itemStats, voteShares, type ItemStats } from '$lib/domain/metrics';
import { SCALES } from '$lib/domain/workshop';
import type { PublicActivity, Results } from '$lib/server/live/events';

export interface RatingRow {
	itemId: string;
	valueId: string;
	valueName: string;
	lens: Lens;
	/** Scores from the scale's minimum up, and how many gave each. */
	scores: number[];
	counts: number[];
	stats: ItemStats | null;
}

export function ratingRows(activity: PublicActivity, results: Results): RatingRow[] {
	if (activity.config.kind !== 'rate') return [];
	const scale = SCALES[activity.config.scale];
	const names = new Map(activity.values.map((v) => [v.id, v.name]));
	const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
	return activity.items.map((item) => {
		const counts = scores.map((_, i) => results.counts[item.itemId]?.[i] ?? 0);
		return {
			itemId: item.itemId,
			valueId: item.valueId,
			valueName: names.get(item.valueId) ?? '',
			lens: item.lens,
			scores,
			counts,
			stats: itemStats(
				scores.map((score, i) => [score, counts[i]] as const),
				scale
			)
		};
	});
}

export interface TotalRow {
	valueId: string;
	valueName: string;
	/** Dots or points given to the value. */
	total: number;
	/** Its share (%) of all dots or points; null when nobody gave any. */
	share: number | null;
}

/** Dots or points per value, most first (ties in the activity's order). */
export function totalRows(activity: PublicActivity, results: Results): TotalRow[] {
	const names = new Map(activity.values.map((v) => [v.id, v.name]));
	// Values whose dots were not released (fewer than the minimum gave any) are left out.
	const totals = activity.items
		.filter((item) => item.itemId in results.counts)
		.map((item) => ({
			valueId: item.valueId,
			total: (results.counts[item.itemId] ?? []).reduce(
				(sum, count, i) => sum + count * (results.min + i),
				0
			)
		}));
	const shares = voteShares(totals.map((t) => [t.valueId, t.total] as const));
	return totals
		.map((t) => ({
			...t,
			valueName: names.get(t.valueId) ?? '',
			share: shares?.get(t.valueId) ?? (shares ? 0 : null)
		}))
		.sort((a, b) => b.total - a.total);
}
