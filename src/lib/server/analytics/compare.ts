/**
 * Two workshops side by side (one team before and after, or two teams) on the values they
 * share by name (case-, accent- and spacing-insensitive, as the culture map keys names).
 * Pure: it takes two workshops' results as report.ts builds them.
 */
import { nameKey, type Lens } from '../../domain/culture';
import { lensDistance, valueJumps } from '../../domain/metrics';
import type { Scale } from '../../domain/workshop';
import type { Results } from './report';

export interface MeanRow {
	key: string;
	name: string;
	a: number | null;
	b: number | null;
	/** b − a in scale points; null when either is missing (not rated, or too few answered). */
	change: number | null;
}

export interface Comparison {
	/** Values both workshops asked about, by name, in A's order. */
	shared: { key: string; name: string }[];
	/** Mean ratings per lens, for the lenses both rated on the same scale. */
	ratings: { scale: Scale; lens: Lens; rows: MeanRow[] }[];
	/** Vote shares per lens both voted under: distance and jumps, on the shared values only. */
	votes: {
		lens: Lens;
		distance: number | null;
		jumps: { key: string; name: string; from: number; to: number; change: number }[];
	}[];
}

function names(results: Results): Map<string, string> {
	const out = new Map<string, string>();
	for (const section of results.ratings) {
		for (const v of section.values) out.set(nameKey(v.name), v.name);
	}
	for (const lens of results.votes) {
		for (const v of lens.values ?? []) out.set(nameKey(v.name), v.name);
	}
	return out;
}

export function compareResults(a: Results, b: Results): Comparison {
	const inA = names(a);
	const inB = names(b);
	const shared = [...inA].filter(([key]) => inB.has(key)).map(([key, name]) => ({ key, name }));
	const keys = new Set(shared.map((s) => s.key));
	const nameOf = new Map(shared.map((s) => [s.key, s.name]));

	const ratings: Comparison['ratings'] = [];
	for (const sa of a.ratings) {
		const sb = b.ratings.find((s) => s.scale === sa.scale);
		if (!sb) continue;
		const meansOf = (section: typeof sa, lens: Lens) =>
			new Map(
				section.values.map((v) => [nameKey(v.name), v.byLens[lens]?.stats?.mean ?? null] as const)
			);
		for (const lens of sa.lenses.filter((l) => sb.lenses.includes(l))) {
			const ma = meansOf(sa, lens);
			const mb = meansOf(sb, lens);
			const rows = shared
				.filter((s) => ma.has(s.key) && mb.has(s.key))
				.map(({ key, name }) => {
					const x = ma.get(key) ?? null;
					const y = mb.get(key) ?? null;
					return { key, name, a: x, b: y, change: x === null || y === null ? null : y - x };
				});
			if (rows.length > 0) ratings.push({ scale: sa.scale, lens, rows });
		}
	}

	const votes: Comparison['votes'] = [];
	for (const la of a.votes) {
		const lb = b.votes.find((v) => v.lens === la.lens);
		if (!la.values || !lb?.values) continue;
		const tally = (list: NonNullable<typeof la.values>) =>
			list.filter((v) => keys.has(nameKey(v.name))).map((v) => [nameKey(v.name), v.votes] as const);
		const ta = tally(la.values);
		const tb = tally(lb.values);
		votes.push({
			lens: la.lens,
			distance: lensDistance(ta, tb),
			jumps: (valueJumps(ta, tb) ?? []).map((j) => ({ ...j, name: nameOf.get(j.key) ?? j.key }))
		});
	}
	return { shared, ratings, votes };
}
