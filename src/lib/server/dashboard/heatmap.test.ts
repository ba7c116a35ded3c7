import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import { createTeam } from '../accounts/queries';
import { createValue } from '../culture/queries';
import { createDepartment, setTeamDepartment } from '../departments/queries';
import { createPulse, getPulse, listItems, savePulseResponse } from '../pulses/queries';
import {
	DEFAULT_QUERY,
	HEATMAP_LIMITS,
	parseHeatmapQuery,
	type HeatmapQuery
} from '../../domain/heatmap';
import { loadOrgDashboard } from './queries';
import { setTeamSize } from '../participation/queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
});
afterEach(() => close());

/** A pulse on `opensOn` answered by one device per list of scores: each value in order, then eNPS. */
async function answered(teamId: string, opensOn: string, answers: number[][]) {
	const id = await createPulse(db, {
		teamId,
		opensOn,
		closesOn: opensOn,
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId
	});
	const pulse = (await getPulse(db, teamId, id))!;
	const items = await listItems(db, id);
	for (const [i, scores] of answers.entries()) {
		await savePulseResponse(db, {
			pulse,
			tokenHash: `${id}-${i}`,
			scores: new Map(scores.map((s, k) => [items[k].id, s])),
			open: ''
		});
	}
	return id;
}

const times = (n: number, scores: number[]) => Array.from({ length: n }, () => scores);
const now = new Date('2026-09-10T12:00:00Z');
const quarter = { kind: 'quarter', at: '2026-08-15' } as const;

/**
 * Support (Value 1, Value 2) rises 33 → 83 %; Ops (VALUE 1, Speed) has only two answers in Q3, so
 * it falls back to May; Sales (Value 2, Trust) drops 100 → 33 % with six people each time.
 * North holds Support and Ops; Sales has no department.
 */
async function organisation() {
	const addValues = async (teamId: string, names: string[]) => {
		for (const name of names) {
			await createValue(db, teamId, seeded.userId, { name, meaning: '', lenses: ['current'] });
		}
	};
	const ops = await createTeam(db, seeded.orgId, 'Ops');
	await addValues(ops, ['VALUE 1', 'Speed']);
	const sales = await createTeam(db, seeded.orgId, 'Sales');
	await addValues(sales, ['Value 2', 'Trust']);
	const north = await createDepartment(db, seeded.orgId, 'North');
	await setTeamDepartment(db, seeded.orgId, seeded.teamId, north);
	await setTeamDepartment(db, seeded.orgId, ops, north);

	await answered(seeded.teamId, '2026-05-04', [
		[2, 2, 5],
		[2, 2, 5],
		[4, 4, 9]
	]);
	await answered(seeded.teamId, '2026-08-03', [
		[5, 5, 10],
		[4, 4, 9],
		[4, 2, 3]
	]);
	await answered(ops, '2026-05-11', [
		[5, 5, 10],
		[5, 5, 10],
		[4, 4, 9]
	]);
	await answered(ops, '2026-08-10', [
		[1, 1, 0],
		[1, 1, 0]
	]);
	await answered(sales, '2026-05-18', times(6, [4, 4, 10]));
	await answered(sales, '2026-08-17', [...times(4, [1, 1, 0]), ...times(2, [5, 5, 10])]);
	return { ops, sales, north, support: seeded.teamId };
}

const heatmapOf = async (query: Partial<HeatmapQuery> = {}) =>
	(
		await loadOrgDashboard(db, {
			orgId: seeded.orgId,
			minGroupSize: 3,
			now,
			period: quarter,
			heatmap: { ...DEFAULT_QUERY, ...query }
		})
	).heatmap;

describe("the organisation's heatmap", () => {
	it('matches values across teams by name and shows the most shared as columns', async () => {
		const { ops, sales, support } = await organisation();
		const heatmap = await heatmapOf();
		expect(heatmap.columns).toEqual([
			{ key: 'value 1', name: 'Value 1', teams: 2 },
			{ key: 'value 2', name: 'Value 2', teams: 2 },
			{ key: 'speed', name: 'Speed', teams: 1 },
			{ key: 'trust', name: 'Trust', teams: 1 }
		]);
		const row = (id: string) => heatmap.rows.find((r) => r.id === id)!;
		const favourable = (id: string) => row(id).values.map((v) => v && v.favourable);
		// Support in August: value 1 scored 5, 4, 4 (3 of 3), value 2 5, 4, 2 (2 of 3).
		expect(favourable(support)).toEqual([100, (2 * 100) / 3, null, null]);
		// Ops' "VALUE 1" is the same column; its numbers are of May (5, 5, 4).
		expect(favourable(ops)).toEqual([100, null, 100, null]);
		// Sales' "Value 2" in August: 2 of 6 favourable.
		expect(favourable(sales)).toEqual([null, (2 * 100) / 6, null, (2 * 100) / 6]);
		// Each cell opens the team's own value.
		expect(row(ops).values[0]!.id).not.toBe(row(support).values[0]!.id);
	});

	it('falls back to the last shown pulse with its date and says why the newer one is not shown', async () => {
		const { ops } = await organisation();
		const row = (await heatmapOf()).rows.find((r) => r.id === ops)!;
		expect(row.fallback).toBe('2026-05-11');
		expect(row.withheld).toEqual({ date: '2026-08-10', n: 2 });
		expect(row.measures.favourable).toBe(100);
		expect(row.measures.change).toBeNull();
	});

	it("sums a department's shown pulses in the period only, never a withheld or fallback one", async () => {
		const { north } = await organisation();
		const heatmap = await heatmapOf();
		const department = heatmap.departmentRows.find((d) => d.id === north)!;
		// Q3: Support's August pulse alone (Ops' is withheld, and its May one is of Q2).
		expect(department).toMatchObject({ name: 'North', teams: 2, pulses: 1 });
		expect(department.measures.favourable).toBeCloseTo((5 * 100) / 6, 10);
		// Q2 before it: Support's 2 of 6 and Ops' 6 of 6.
		expect(department.measures.change).toBeCloseTo((5 * 100) / 6 - (8 * 100) / 12, 10);
		expect(department.values).toEqual([100, (2 * 100) / 3, null, null]);
		// Grouped by department, North's teams first, the team without one last.
		expect(heatmap.grouped).toBe(true);
		expect(heatmap.rows.map((r) => r.name)).toEqual(['Ops', 'Support', 'Sales']);
	});

	it('shows participation over the sizes owners set, a department over its shown pulses only', async () => {
		const { ops, sales, north, support } = await organisation();
		await setTeamSize(db, seeded.orgId, support, 4);
		await setTeamSize(db, seeded.orgId, ops, 10);
		const heatmap = await heatmapOf();
		const row = (id: string) => heatmap.rows.find((r) => r.id === id)!;
		// Support's August pulse: 3 of 4. Ops falls back to May: 3 of 10. Sales has no size.
		expect(row(support).measures.participation).toBe(75);
		expect(row(ops).measures.participation).toBe(30);
		expect(row(sales).measures.participation).toBeNull();
		// North in Q3 counts Support's August pulse only: Ops' is withheld, its May one of Q2.
		expect(heatmap.departmentRows.find((d) => d.id === north)!.measures.participation).toBe(75);
	});

	it('names the largest rises and drops of favourable', async () => {
		await organisation();
		const { movers } = await heatmapOf();
		expect(movers.rises.map((m) => [m.name, Math.round(m.change), m.significant])).toEqual([
			['Support', 50, false]
		]);
		expect(movers.drops.map((m) => [m.name, Math.round(m.change), m.significant])).toEqual([
			['Sales', -67, true]
		]);
	});

	it('sorts by any column, filters by department and flagged changes, searches by name', async () => {
		const { north } = await organisation();
		const names = async (query: Partial<HeatmapQuery>) =>
			(await heatmapOf(query)).rows.map((r) => r.name);
		// Biggest drop first; a team without a change last.
		expect(await names({ sort: 'change', dir: 'asc' })).toEqual(['Sales', 'Support', 'Ops']);
		expect(await names({ sort: 'change', dir: 'desc' })).toEqual(['Support', 'Sales', 'Ops']);
		expect(await names({ sort: 'v:value 1', dir: 'desc' })).toEqual(['Ops', 'Support', 'Sales']);
		expect(await names({ department: north })).toEqual(['Ops', 'Support']);
		expect(await names({ department: 'none' })).toEqual(['Sales']);
		expect(await names({ flagged: true })).toEqual(['Sales']);
		expect(await names({ q: 'SUP' })).toEqual(['Support']);
		const filtered = await heatmapOf({ q: 'sup' });
		expect([filtered.total, filtered.teamCount]).toEqual([1, 3]);
		// The department's row stays whole when a search narrows its teams.
		expect(filtered.departmentRows.find((d) => d.id === north)?.pulses).toBe(1);
	});

	it('pages at 40 teams, and brings a page past the end back to the last', async () => {
		for (let i = 0; i < HEATMAP_LIMITS.pageSize + 2; i++) {
			await createTeam(db, seeded.orgId, `Team ${String(i).padStart(2, '0')}`);
		}
		const first = await heatmapOf();
		expect([first.rows.length, first.pages, first.total]).toEqual([40, 2, 43]);
		const last = await heatmapOf({ page: 9 });
		expect([last.query.page, last.rows.length]).toEqual([2, 3]);
	});
});

describe('the heatmap query from the URL', () => {
	it('keeps what is sound and defaults the rest', () => {
		const of = (params: string) => {
			const url = new URLSearchParams(params);
			return parseHeatmapQuery((name) => url.get(name));
		};
		expect(of('')).toEqual(DEFAULT_QUERY);
		expect(of('sort=change&dir=desc&dept=abc&flagged=1&q=%20Sup%20%20port%20&page=3')).toEqual({
			sort: 'change',
			dir: 'desc',
			department: 'abc',
			flagged: true,
			q: 'Sup port',
			page: 3
		});
		expect(of('sort=v:value%201').sort).toBe('v:value 1');
		expect(of('sort=drop&dir=sideways&page=-1&flagged=yes')).toEqual(DEFAULT_QUERY);
		expect(of('page=1.5').page).toBe(1);
		expect(of(`q=${'x'.repeat(200)}`).q).toHaveLength(80);
		expect(of(`dept=${'x'.repeat(65)}`).department).toBeNull();
	});
});
