/**
 * What the results charts show, picked from a workshop's `Results`: the diverging gap charts
 * (shared by the results page and the projector) and the projector's overview, which has room
 * for a few values only and so shows those with the largest gaps or shares.
 */
import { GAPS, type Lens } from '$lib/domain/culture';
import { largestGapsFirst, type GapId } from '$lib/domain/metrics';
import type { RatedValue, RatingSection, Results } from '$lib/server/analytics/report';

export interface GapRow {
	valueId: string;
	name: string;
	gap: number;
}

export interface GapChart {
	id: GapId;
	from: Lens;
	to: Lens;
	/** Values with this gap, largest (absolute) first. */
	rows: GapRow[];
}

/** The named gaps the section's lenses allow, in the method's order. */
export function gapsOf(section: RatingSection) {
	return GAPS.filter((g) => section.lenses.includes(g.from) && section.lenses.includes(g.to));
}

/**
 * A diverging chart per named gap with at least one value, largest first: the strategic gap
 * (the one to close) leads; without strategic ratings, the others stand in.
 */
export function gapCharts(section: RatingSection): GapChart[] {
	return [...gapsOf(section)]
		.sort((x, y) => Number(y.id === 'strategic') - Number(x.id === 'strategic'))
		.map((gap) => ({
			...gap,
			rows: largestGapsFirst(
				section.values.map((v) => ({
					valueId: v.valueId,
					name: v.name,
					gap: v.gaps.find((g) => g.id === gap.id)?.gap ?? null
				}))
			).filter((row): row is GapRow => row.gap !== null)
		}))
		.filter((chart) => chart.rows.length > 0);
}

export interface OverviewVotes {
	/** Lenses whose votes may be shown, in the method's order. */
	lenses: Lens[];
	/** The values with the largest share under any of them, largest first. */
	values: { valueId: string; name: string; shares: (number | null)[] }[];
	/** Values with votes in all. */
	total: number;
}

export interface Overview {
	/** The leading gap chart, cut to the values shown. */
	gap: GapChart | null;
	/** The section the means and gap come from, and the values shown of it (the gap's order). */
	ratings: { section: RatingSection; values: RatedValue[]; total: number } | null;
	votes: OverviewVotes | null;
}

/**
 * The projector's overview of the results so far: the means and the leading gap of at most
 * `limit` values (those with the largest gap), and the vote shares of at most `limit` values.
 * Null parts have nothing to show; `results.tooFew` is the caller's to explain.
 */
export function overviewOf(results: Results, limit = 8): Overview {
	const section = results.ratings.find((s) => s.values.length > 0) ?? null;
	let gap: GapChart | null = null;
	let ratings: Overview['ratings'] = null;
	if (section) {
		const lead = gapCharts(section)[0] ?? null;
		const byId = new Map(section.values.map((v) => [v.valueId, v]));
		const order = lead
			? lead.rows.map((row) => byId.get(row.valueId)!)
			: section.values.filter((v) => Object.values(v.byLens).some((item) => item?.stats));
		const values = order.slice(0, limit);
		gap = lead && { ...lead, rows: lead.rows.slice(0, limit) };
		ratings = values.length > 0 ? { section, values, total: section.values.length } : null;
	}

	const shown = results.votes.filter((lens) => lens.values !== null);
	let votes: OverviewVotes | null = null;
	if (shown.length > 0) {
		const all = new Map<string, { valueId: string; name: string; shares: (number | null)[] }>();
		shown.forEach((lens, i) => {
			for (const v of lens.values!) {
				const row = all.get(v.valueId) ?? {
					valueId: v.valueId,
					name: v.name,
					shares: shown.map(() => null)
				};
				row.shares[i] = v.share;
				all.set(v.valueId, row);
			}
		});
		const largest = (row: { shares: (number | null)[] }) =>
			Math.max(...row.shares.map((s) => s ?? 0));
		const ranked = [...all.values()].sort((a, b) => largest(b) - largest(a));
		votes = {
			lenses: shown.map((l) => l.lens),
			values: ranked.slice(0, limit),
			total: ranked.length
		};
	}
	return { gap, ratings, votes };
}
