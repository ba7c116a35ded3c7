/**
 * The organisation at a glance: teams × measures and teams × values, one row per team, grouped
 * by department; sorted, filtered, searched and paged from the URL (so every view is a link).
 *
 * Anonymity: every number is of shown pulses only (period-figures.ts); a department's row sums
 * its teams' shown pulses in the period, never a withheld one, so no two views differ by one
 * person's answers.
 */
import type { Change } from './change';
import { nameKey, tidy } from './culture';

/**
 * The measures' columns, in the order shown. Each is read from `row.measures[key]`; `range` is
 * where its colour scale runs (values beyond take the end colour), `better` which end is good.
 * A new column is one row here, its number in the row, and its header on the page.
 */
export const MEASURES = [
	{ key: 'favourable', range: [40, 90], better: 'higher' },
	{ key: 'change', range: [-15, 15], better: 'higher' },
	{ key: 'enps', range: [-50, 50], better: 'higher' },
	{ key: 'due', range: [40, 100], better: 'higher' },
	{ key: 'participation', range: [30, 90], better: 'higher' },
	{ key: 'entropy', range: [10, 40], better: 'lower' }
] as const satisfies readonly MeasureColumn[];

export interface MeasureColumn {
	key: string;
	range: readonly [number, number];
	better: 'higher' | 'lower';
}

export type MeasureKey = (typeof MEASURES)[number]['key'];

/** The value statements' columns run over the same scale as favourable. */
export const VALUE_RANGE = MEASURES[0].range;

/**
 * How many value columns the heatmap shows, and how many teams a page (40 keeps the first view's
 * HTML under 150 KB with six value columns: docs/performance.md).
 */
export const HEATMAP_LIMITS = { valueColumns: 6, pageSize: 40, search: 80, movers: 5 } as const;

/** Five tones from bad (0) to good (4); a cell without a number has none. */
export type Tone = 0 | 1 | 2 | 3 | 4;

export function toneOf(
	value: number | null,
	column: { range: readonly [number, number]; better: 'higher' | 'lower' }
): Tone | null {
	if (value === null) return null;
	const [low, high] = column.range;
	const t = Math.min(1, Math.max(0, (value - low) / (high - low)));
	const good = column.better === 'higher' ? t : 1 - t;
	return Math.min(4, Math.floor(good * 5)) as Tone;
}

export interface HeatmapRow {
	id: string;
	name: string;
	departmentId: string | null;
	measures: Record<MeasureKey, number | null>;
	/** The change's uncertainty and whether it is flagged (larger than its margin). */
	change: Pick<Change, 'margin' | 'significant'> | null;
	/** The numbers are of an earlier pulse than the period: its day. */
	fallback: string | null;
	/** The latest pulse left out, and how many answered it so far (below the minimum). */
	withheld: { date: string; n: number } | null;
	/**
	 * Per value column (same order): the team's value of that name with its % favourable (null:
	 * not asked in the pulses behind the row); null when the team has no value of that name.
	 */
	values: ({ id: string; favourable: number | null } | null)[];
}

// ------------------------------------------------------------------ the query (GET parameters)

export type SortKey = 'name' | MeasureKey | `v:${string}`;

export interface HeatmapQuery {
	sort: SortKey;
	dir: 'asc' | 'desc';
	/** A department's id, `none` for teams without one, or null for all. */
	department: string | null;
	flagged: boolean;
	q: string;
	page: number;
}

export const DEFAULT_QUERY: HeatmapQuery = {
	sort: 'name',
	dir: 'asc',
	department: null,
	flagged: false,
	q: '',
	page: 1
};

const MEASURE_KEYS = new Set<string>(MEASURES.map((c) => c.key));

/**
 * The heatmap's view from the URL. Nothing here is an error: an unknown sort, direction or page
 * falls back to the default (the links the page writes are always sound).
 */
export function parseHeatmapQuery(get: (name: string) => string | null): HeatmapQuery {
	const sort = get('sort') ?? '';
	const page = Number(get('page'));
	const department = (get('dept') ?? '').trim();
	return {
		sort:
			MEASURE_KEYS.has(sort) || (sort.startsWith('v:') && sort.length > 2 && sort.length < 120)
				? (sort as SortKey)
				: 'name',
		dir: get('dir') === 'desc' ? 'desc' : 'asc',
		department: department && department.length <= 64 ? department : null,
		flagged: get('flagged') === '1' || get('flagged') === 'on',
		q: tidy(get('q') ?? '').slice(0, HEATMAP_LIMITS.search),
		page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
	};
}

/** The query as URL parameters, without the defaults (so links stay short). */
export function heatmapParams(query: HeatmapQuery): [string, string][] {
	const params: [string, string][] = [];
	if (query.sort !== 'name') params.push(['sort', query.sort]);
	if (query.dir !== 'asc') params.push(['dir', query.dir]);
	if (query.department) params.push(['dept', query.department]);
	if (query.flagged) params.push(['flagged', '1']);
	if (query.q) params.push(['q', query.q]);
	if (query.page > 1) params.push(['page', String(query.page)]);
	return params;
}

// ------------------------------------------------------------------ value columns

export interface ValueColumn {
	/** The name key the teams' values are matched by. */
	key: string;
	/** The spelling most teams use. */
	name: string;
	/** How many teams have a value of this name. */
	teams: number;
}

/**
 * Values are each team's own; across teams they are matched by name key, and the ones most teams
 * share become the columns (ties by name).
 */
export function valueColumns(
	values: readonly { teamId: string; name: string }[],
	limit: number = HEATMAP_LIMITS.valueColumns
): ValueColumn[] {
	const byKey = new Map<string, { teams: Set<string>; names: Map<string, number> }>();
	for (const v of values) {
		const key = nameKey(v.name);
		let entry = byKey.get(key);
		if (!entry) byKey.set(key, (entry = { teams: new Set(), names: new Map() }));
		entry.teams.add(v.teamId);
		entry.names.set(v.name, (entry.names.get(v.name) ?? 0) + 1);
	}
	return [...byKey.entries()]
		.map(([key, e]): ValueColumn => ({
			key,
			name: [...e.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
			teams: e.teams.size
		}))
		.sort((a, b) => b.teams - a.teams || a.key.localeCompare(b.key))
		.slice(0, limit);
}

/** Sums of a value's statements: favourable answers over answers, as a % (null: none). */
export function favourableOf(sums: { answers: number; favourable: number } | undefined) {
	return sums && sums.answers > 0 ? (sums.favourable * 100) / sums.answers : null;
}

// ------------------------------------------------------------------ sorting, filtering, paging

function sortValue(row: HeatmapRow, sort: SortKey, columns: readonly ValueColumn[]) {
	if (sort === 'name') return null;
	if (sort.startsWith('v:')) {
		const i = columns.findIndex((c) => c.key === sort.slice(2));
		return i < 0 ? null : (row.values[i]?.favourable ?? null);
	}
	return row.measures[sort as MeasureKey];
}

/**
 * The rows the query keeps, in its order. Rows without a number for the sorted column come
 * last whichever the direction; ties by name.
 */
export function selectRows(
	rows: readonly HeatmapRow[],
	query: HeatmapQuery,
	columns: readonly ValueColumn[]
): HeatmapRow[] {
	const needle = query.q ? nameKey(query.q) : '';
	const kept = rows.filter(
		(r) =>
			(query.department === null ||
				(query.department === 'none'
					? r.departmentId === null
					: r.departmentId === query.department)) &&
			(!query.flagged || Boolean(r.change?.significant)) &&
			(!needle || nameKey(r.name).includes(needle))
	);
	const sign = query.dir === 'asc' ? 1 : -1;
	const byName = (a: HeatmapRow, b: HeatmapRow) => sign * a.name.localeCompare(b.name);
	if (query.sort === 'name') return kept.sort(byName);
	const keyed = kept.map((row) => ({ row, v: sortValue(row, query.sort, columns) }));
	keyed.sort((a, b) => {
		if (a.v === null || b.v === null) {
			if (a.v === b.v) return a.row.name.localeCompare(b.row.name);
			return a.v === null ? 1 : -1;
		}
		return sign * (a.v - b.v) || a.row.name.localeCompare(b.row.name);
	});
	return keyed.map((k) => k.row);
}

/** One page of rows; the page asked for is brought within the pages there are. */
export function pageOf<T>(
	rows: readonly T[],
	page: number,
	size: number = HEATMAP_LIMITS.pageSize
) {
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(Math.max(1, page), pages);
	return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}

export interface Mover {
	id: string;
	name: string;
	change: number;
	significant: boolean;
}

/**
 * The largest rises and drops of favourable against the period before (teams whose numbers
 * fall back to an earlier pulse have no change, so they are not among them).
 */
export function biggestMovers(rows: readonly HeatmapRow[], n: number = HEATMAP_LIMITS.movers) {
	const moved: Mover[] = rows
		.filter((r) => r.change && r.measures.change !== null)
		.map((r) => ({
			id: r.id,
			name: r.name,
			change: r.measures.change!,
			significant: r.change!.significant
		}));
	const byName = (a: Mover, b: Mover) => a.name.localeCompare(b.name);
	return {
		rises: moved
			.filter((m) => m.change > 0)
			.sort((a, b) => b.change - a.change || byName(a, b))
			.slice(0, n),
		drops: moved
			.filter((m) => m.change < 0)
			.sort((a, b) => a.change - b.change || byName(a, b))
			.slice(0, n)
	};
}

/** What the page gets: one page of teams, the departments' rows on it, the biggest movers. */
export interface HeatmapView {
	query: HeatmapQuery;
	pages: number;
	/** Teams the query kept, and teams there are. */
	total: number;
	teamCount: number;
	/** Grouped by department (ordered by name), or a ranking by the sorted column. */
	grouped: boolean;
	columns: ValueColumn[];
	departments: { id: string; name: string }[];
	departmentRows: {
		id: string;
		name: string;
		teams: number;
		pulses: number;
		measures: Record<MeasureKey, number | null>;
		change: HeatmapRow['change'];
		values: (number | null)[];
	}[];
	rows: HeatmapRow[];
	movers: { rises: Mover[]; drops: Mover[] };
}
