import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pulseResults } from '../../domain/pulse';
import { listTeams } from '../accounts/queries';
import { loadResults } from '../analytics/report';
import { listTeamCommitments } from '../commitments/queries';
import { loadOrgDashboard, loadTeamDashboard } from '../dashboard/queries';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { getReleasedResults, listItems, listPulses } from '../pulses/queries';
import { listWorkshops } from '../workshops/queries';
import { seedDemo, type DemoSummary } from '.';

const NOW = new Date('2026-12-07T12:00:00Z');
const TABLES = [
	'users',
	'organisations',
	'teams',
	'culture_values',
	'culture_elements',
	'workshops',
	'activities',
	'participants',
	'votes',
	'vote_releases',
	'released_counts',
	'cards',
	'upvotes',
	'board_posts',
	'commitments',
	'commitment_checkins',
	'pulses',
	'pulse_items',
	'pulse_responses',
	'pulse_answers',
	'pulse_totals',
	'pulse_release_counts'
];

async function rowCounts(db: Database) {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const [row] = await db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`));
		counts[table] = Number(row.n);
	}
	return counts;
}

/** At least two points of a series carry a number. */
const shaped = <T>(points: readonly T[], value: (p: T) => number | null | undefined) =>
	points.filter((p) => typeof value(p) === 'number').length;

describe('the demo seed', () => {
	let db: Database;
	let close: () => void;
	let first: DemoSummary;
	let teams: { id: string; name: string }[];
	const MIN = 5;

	beforeAll(async () => {
		({ db, close } = await testDatabase());
		const started = performance.now();
		first = await seedDemo(db, { passwordHash: async () => 'x', now: NOW });
		console.log(`seedDemo took ${Math.round(performance.now() - started)} ms (in memory)`);
		teams = await listTeams(db, first.orgId);
	}, 120_000);
	afterAll(() => close());

	it('seeds two teams with four ended workshops, twelve pulses and commitments each', async () => {
		expect(first.created).toBe(true);
		expect(teams.map((t) => t.name).sort()).toEqual(['Klantenservice', 'Product & Engineering']);
		for (const team of teams) {
			const workshops = await listWorkshops(db, team.id);
			expect(workshops).toHaveLength(4);
			expect(workshops.every((w) => w.status === 'ended')).toBe(true);
			expect(await listPulses(db, team.id)).toHaveLength(12);
		}
		for (const summary of first.history) {
			expect(summary.participants).toBeGreaterThanOrEqual(4 * 12);
			expect(summary.participants).toBeLessThanOrEqual(4 * 30);
		}
	});

	it('writes the workshops and pulses of each team in its language', async () => {
		const language = (table: string, teamId: string) =>
			db.all<{ language: string }>(
				sql`select distinct language from ${sql.identifier(table)} where team_id = ${teamId}`
			);
		for (const team of teams) {
			const expected = team.name === 'Klantenservice' ? 'nl' : 'en';
			expect(await language('workshops', team.id)).toEqual([{ language: expected }]);
			expect(await language('pulses', team.id)).toEqual([{ language: expected }]);
		}
	});

	it('changes nothing when run again', async () => {
		const before = await rowCounts(db);
		const again = await seedDemo(db, { passwordHash: async () => 'x', now: NOW });
		expect(again.created).toBe(false);
		expect(again.history.map((h) => h.skipped)).toEqual([
			['leaders', 'workshops', 'pulses'],
			['leaders', 'workshops', 'pulses']
		]);
		expect(await rowCounts(db)).toEqual(before);
	});

	it('gives the same answers for the same date', async () => {
		const other = await testDatabase();
		try {
			await seedDemo(other.db, { passwordHash: async () => 'x', now: NOW });
			const sums = (d: Database) =>
				d.all(sql`select sum(score) as s, count(*) as n from votes union all
					select sum(score), count(*) from pulse_answers`);
			expect(await sums(other.db)).toEqual(await sums(db));
		} finally {
			other.close();
		}
	}, 120_000);

	it('gives every chart of the team dashboards at least two points', async () => {
		for (const team of teams) {
			const d = await loadTeamDashboard(db, { teamId: team.id, minGroupSize: MIN, now: NOW });
			expect(shaped(d.pulses, (p) => p.favourable)).toBeGreaterThanOrEqual(10);
			expect(shaped(d.pulses, (p) => p.enps)).toBeGreaterThanOrEqual(10);
			// The pulses ask about the strategic values: four in one team, three in the other.
			const asked = d.values.filter((v) => shaped(v.points, (p) => p.favourable) > 0);
			expect(asked.length).toBeGreaterThanOrEqual(3);
			for (const value of asked) {
				expect(shaped(value.points, (p) => p.favourable)).toBeGreaterThanOrEqual(10);
			}
			expect(d.leaders.length).toBe(3);
			for (const leader of d.leaders) {
				expect(shaped(leader.points, (p) => p.favourable)).toBeGreaterThanOrEqual(2);
			}
			expect(shaped(d.gaps, (g) => g.strategic)).toBe(4);
			expect(shaped(d.gaps, (g) => g.sayDo)).toBe(4);
			expect(shaped(d.entropy, (e) => e.entropy.strategic)).toBe(4);
			expect(shaped(d.entropy, (e) => e.entropy.current)).toBe(4);
			expect(shaped(d.commitments, (c) => c.rate)).toBeGreaterThanOrEqual(2);
			expect(d.followThrough.rate).not.toBeNull();
			expect(d.overdue).toBeGreaterThan(0);
			// Something moves: the favourable share is not the same at the start and the end.
			const favourable = d.pulses.map((p) => p.favourable!).filter((f) => f !== null);
			expect(favourable.at(-1)).not.toBe(favourable[0]);
			// Nothing below the minimum is shown.
			for (const p of d.pulses) {
				if (p.favourable !== null) expect(p.respondents).toBeGreaterThanOrEqual(MIN);
			}
		}
	});

	it('has a value improving and one drifting down in each team', async () => {
		for (const team of teams) {
			const d = await loadTeamDashboard(db, { teamId: team.id, minGroupSize: MIN, now: NOW });
			const asked = d.values.filter((v) => v.points.some((p) => p.favourable !== null));
			const change = asked.map((v) => {
				const shown = v.points.map((p) => p.favourable).filter((f) => f !== null);
				const third = Math.max(1, Math.floor(shown.length / 3));
				const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
				return mean(shown.slice(-third)) - mean(shown.slice(0, third));
			});
			expect(Math.max(...change)).toBeGreaterThan(10);
			expect(Math.min(...change)).toBeLessThan(-5);
		}
	});

	it('gives the organisation dashboard months and both teams', async () => {
		const d = await loadOrgDashboard(db, { orgId: first.orgId, minGroupSize: MIN, now: NOW });
		expect(shaped(d.months, (m) => m.favourable)).toBeGreaterThanOrEqual(10);
		expect(shaped(d.commitments, (c) => c.rate)).toBeGreaterThanOrEqual(2);
		expect(d.teams).toHaveLength(2);
		for (const team of d.teams) {
			expect(team.latest?.favourable).toEqual(expect.any(Number));
			expect(team.followThrough).toEqual(expect.any(Number));
			expect(team.entropy).not.toBeNull();
		}
	});

	it('gives each workshop results with ratings and votes, none below the minimum', async () => {
		for (const team of teams) {
			for (const w of await listWorkshops(db, team.id)) {
				const results = await loadResults(db, { id: w.id, teamId: team.id }, MIN);
				expect(results.tooFew).toBeNull();
				expect(results.respondents).toBeGreaterThanOrEqual(12);
				expect(results.ratings[0].lenses).toEqual(['assumed', 'current', 'strategic']);
				for (const value of results.ratings[0].values) {
					for (const item of Object.values(value.byLens)) {
						if (item.stats !== null) expect(item.n).toBeGreaterThanOrEqual(MIN);
					}
				}
				const voted = results.votes.filter((v) => v.values !== null);
				expect(voted.length).toBeGreaterThanOrEqual(1);
				for (const lens of voted) expect(lens.respondents).toBeGreaterThanOrEqual(MIN);
			}
		}
	});

	it('gives every pulse released results from at least the minimum', async () => {
		for (const team of teams) {
			for (const p of await listPulses(db, team.id)) {
				const [items, released] = await Promise.all([
					listItems(db, p.id),
					getReleasedResults(db, p.id)
				]);
				expect(released.respondents).toBeGreaterThanOrEqual(MIN);
				// Answers written in the order they came in: the release is at most min − 1 behind.
				expect(released.respondents).toBeGreaterThan(p.respondents - MIN);
				const results = pulseResults(items, released.counts, released.respondents, MIN);
				expect(Array.isArray(results)).toBe(true);
			}
		}
	});

	it('has commitments done on time, done late, overdue, open and dropped, with check-ins', async () => {
		for (const team of teams) {
			const rows = await listTeamCommitments(db, team.id);
			const today = NOW.toISOString().slice(0, 10);
			const doneOn = (r: (typeof rows)[number]) => new Date(r.doneAt!).toISOString().slice(0, 10);
			const done = rows.filter((r) => r.status === 'done');
			expect(done.some((r) => doneOn(r) <= r.dueOn)).toBe(true);
			expect(done.some((r) => doneOn(r) > r.dueOn)).toBe(true);
			expect(rows.some((r) => r.status === 'open' && r.dueOn < today)).toBe(true);
			expect(rows.some((r) => r.status === 'dropped' && r.dropReason)).toBe(true);
			expect(rows.some((r) => r.workshopId === null)).toBe(true);
			expect(rows.filter((r) => r.checkins > 0).length).toBeGreaterThan(rows.length / 2);
			// Nothing is dated after the seed's now.
			for (const r of rows) {
				expect(new Date(r.createdAt).getTime()).toBeLessThanOrEqual(NOW.getTime());
			}
		}
	});
});
