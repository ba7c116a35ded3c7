/**
 * Differencing (docs/security.md): what staff can read of a pulse is published in releases, and
 * any two results they can obtain are identical or differ by the responses of at least the
 * minimum group size of people. Checked at the query level, one response at a time, against
 * everything staff read of a pulse: the pulse page's counts, the dashboards' sums and
 * statements, and the organisation's export.
 */
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pulseResults } from '../../domain/pulse';
import { isHidden } from '../../domain/metrics';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { organisations, pulseAnswers, pulseResponses, pulseTotals } from '../db/schema';
import { exportOrganisation } from '../data/export';
import {
	listPulseAggregates,
	listStatementAggregates,
	loadOrgDashboard,
	loadTeamDashboard
} from '../dashboard/queries';
import { seedWorkshop } from '../live/testing';
import {
	createPulse,
	getPulse,
	getReleasedResults,
	getReleaseStatus,
	listItems,
	savePulseResponse
} from './queries';

type Scores = readonly number[];
type State = ReadonlyMap<string, Scores>;

const NOW = new Date('2026-03-05T12:00:00Z');

async function setUp(db: Database, min: number) {
	const seeded = await seedWorkshop(db, { values: 2, minGroupSize: min });
	const id = await createPulse(db, {
		teamId: seeded.teamId,
		opensOn: '2026-03-02',
		closesOn: '2026-03-08',
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId
	});
	const pulse = (await getPulse(db, seeded.teamId, id))!;
	const items = await listItems(db, id); // value 1, value 2, eNPS
	// Each answer a second after the one before, as time goes by.
	let clock = NOW.getTime();
	const answer = (token: string, scores: Scores) =>
		savePulseResponse(db, {
			pulse,
			tokenHash: token,
			scores: new Map(scores.map((s, k) => [items[k].id, s])),
			open: '',
			now: new Date((clock += 1000))
		});
	return { ...seeded, pulse, items, answer };
}

/** Everything staff can read of the pulse's answers (not the count of responses, a public count). */
async function staffView(db: Database, f: Awaited<ReturnType<typeof setUp>>, min: number) {
	const released = await getReleasedResults(db, f.pulse.id);
	const byKey = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
	const aggregates = (await listPulseAggregates(db, { teamId: f.teamId })).map(
		({ responses: _, ...sums }) => sums
	);
	const team = await loadTeamDashboard(db, { teamId: f.teamId, minGroupSize: min, now: NOW });
	const org = await loadOrgDashboard(db, { orgId: f.orgId, minGroupSize: min, now: NOW });
	const exported = await exportOrganisation(
		db,
		{ id: f.orgId, name: 'Org', minGroupSize: min },
		NOW
	);
	const shown = <T extends { hidden: unknown }>(points: T[]) => points.filter((p) => !p.hidden);
	return JSON.stringify({
		respondents: released.respondents,
		counts: byKey(released.counts),
		page: pulseResults(f.items, released.counts, released.respondents, min),
		aggregates,
		statements: byKey(await listStatementAggregates(db, { teamId: f.teamId })),
		team: [shown(team.pulses), team.values.map((v) => shown(v.points))],
		org: [shown(org.months), org.teams.map((t) => (t.latest?.hidden ? null : t.latest))],
		exported: [
			exported.tables.pulse_totals.map(({ released_at: _, ...row }) => row),
			byKey(exported.tables.pulse_release_counts)
		]
	});
}

/** Counts per item and score of a state, as a release of it would hold them. */
function countsOf(state: State, itemIds: string[]) {
	const counts = new Map<string, number>();
	for (const scores of state.values()) {
		scores.forEach((score, k) => {
			const key = JSON.stringify({ itemId: itemIds[k], score });
			counts.set(key, (counts.get(key) ?? 0) + 1);
		});
	}
	return [...counts].map(([key, n]) => ({ ...JSON.parse(key), n }));
}

/** People whose responses differ between two states: added, changed or removed. */
function peopleBetween(a: State, b: State): number {
	let n = 0;
	for (const token of new Set([...a.keys(), ...b.keys()])) {
		if (JSON.stringify(a.get(token)) !== JSON.stringify(b.get(token))) n++;
	}
	return n;
}

const scores = fc.tuple(
	fc.integer({ min: 3, max: 5 }),
	fc.integer({ min: 3, max: 5 }),
	fc.integer({ min: 8, max: 10 })
);
/** One step: a new respondent, or respondent `who` (modulo those so far) answers again. */
const step = fc.oneof(
	fc.record({ kind: fc.constant('new' as const), scores }),
	fc.record({ kind: fc.constant('again' as const), who: fc.nat(), scores }),
	fc.record({ kind: fc.constant('same' as const), who: fc.nat() })
);

describe('pulse releases', () => {
	it('any two results staff can read are identical or differ by at least the minimum of people', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 5 }),
				fc.array(step, { minLength: 1, maxLength: 24 }),
				async (min, steps) => {
					const { db, close } = await testDatabase();
					try {
						const f = await setUp(db, min);
						const itemIds = f.items.map((i) => i.id);
						const live = new Map<string, Scores>();
						let released: State = new Map();
						let release = 0;
						let view = await staffView(db, f, min);
						for (const s of steps) {
							const tokens = [...live.keys()];
							if (s.kind === 'new' || tokens.length === 0) {
								const token = `device-${live.size}`;
								const given = s.kind === 'same' ? [4, 4, 9] : s.scores;
								live.set(token, given);
								await f.answer(token, given);
							} else {
								const token = tokens[s.who % tokens.length];
								const given = s.kind === 'again' ? s.scores : live.get(token)!;
								live.set(token, given);
								await f.answer(token, given);
							}
							const [totals] = await db.select().from(pulseTotals);
							const next = await staffView(db, f, min);
							const changed = peopleBetween(released, live);
							if (totals.release > release) {
								// A new release: at least `min` people apart from the previous one, and a
								// snapshot of the answers as they are right now.
								expect(totals.release).toBe(release + 1);
								expect(changed).toBeGreaterThanOrEqual(min);
								const { counts } = await getReleasedResults(db, f.pulse.id);
								expect(byJson(counts)).toEqual(byJson(countsOf(live, itemIds)));
								released = new Map(live);
								release = totals.release;
							} else {
								// No release: staff read exactly what they read before, and the rule says why.
								expect(next).toBe(view);
								expect(changed).toBeLessThan(min);
							}
							expect((await getReleaseStatus(db, f.pulse.id)).changes).toBe(
								peopleBetween(released, live)
							);
							view = next;
						}
					} finally {
						close();
					}
				}
			),
			{ numRuns: 25 }
		);
	});
});

const byJson = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('what staff are shown of a release', () => {
	let db: Database;
	let close: () => void;
	beforeEach(async () => ({ db, close } = await testDatabase()));
	afterEach(() => close());

	it('shows it only while its respondents reach the current minimum', async () => {
		const f = await setUp(db, 3);
		for (const [i, s] of [5, 4, 2].entries()) await f.answer(`d${i}`, [s, s, 9]);
		const page = async (min: number) => {
			const { counts, respondents } = await getReleasedResults(db, f.pulse.id);
			return pulseResults(f.items, counts, respondents, min);
		};
		expect(isHidden(await page(3))).toBe(false);
		// Raising the minimum to 4 hides the release of 3, everywhere.
		await db.update(organisations).set({ minGroupSize: 4 });
		expect(await page(4)).toEqual({ hidden: true, reason: 'below_minimum', n: 3, min: 4 });
		const team = await loadTeamDashboard(db, { teamId: f.teamId, minGroupSize: 4, now: NOW });
		expect(team.pulses[0]).toMatchObject({ favourable: null, hidden: { n: 3, min: 4 } });
		const exported = await exportOrganisation(db, { id: f.orgId, name: 'O', minGroupSize: 4 });
		expect(exported.tables.pulse_totals[0]).toMatchObject({ withheld: expect.any(String) });
		expect(exported.tables.pulse_release_counts).toEqual([
			{ pulse_id: f.pulse.id, respondents: 3, withheld: 'fewer than 4 answered' }
		]);
		// A fourth person alone is not 4 changes: still the release of 3, still hidden.
		await f.answer('d3', [1, 1, 0]);
		expect(await page(4)).toMatchObject({ hidden: true, n: 3 });
	});

	it('never shows answers a write path stored without releasing them: they only come later', async () => {
		const f = await setUp(db, 2);
		await f.answer('a', [5, 5, 10]);
		await f.answer('b', [5, 5, 10]);
		const before = await staffView(db, f, 2);
		// A path that forgot the release (and the time of the change): every answer rewritten.
		await db.update(pulseAnswers).set({ score: 1 });
		expect(await staffView(db, f, 2)).toBe(before);
		// Not counted as two changes either (only what the write path marked as written since
		// the release is compared): such changes can only make the next release later.
		expect((await getReleaseStatus(db, f.pulse.id)).changes).toBeLessThan(2);
		// With one more person through the write path there are two counted changes: released,
		// and the rewritten answers, which nobody counted, come out with them.
		await f.answer('c', [1, 1, 0]);
		const { respondents, counts } = await getReleasedResults(db, f.pulse.id);
		expect(respondents).toBe(3);
		expect(counts.find((c) => c.itemId === f.items[0].id && c.score === 1)?.n).toBe(3);
	});

	it('counts a removed response as a change', async () => {
		const f = await setUp(db, 2);
		await f.answer('a', [5, 5, 10]);
		await f.answer('b', [4, 4, 9]);
		await f.answer('c', [3, 3, 8]);
		expect((await getReleaseStatus(db, f.pulse.id)).changes).toBe(1);
		await db.delete(pulseResponses).where(eq(pulseResponses.tokenHash, 'a'));
		expect((await getReleaseStatus(db, f.pulse.id)).changes).toBe(2);
		await f.answer('d', [1, 1, 0]);
		expect((await getReleasedResults(db, f.pulse.id)).respondents).toBe(3);
	});

	it('keeps the export of a pulse to its release', async () => {
		const f = await setUp(db, 2);
		await f.answer('a', [5, 4, 10]);
		let exported = await exportOrganisation(db, { id: f.orgId, name: 'O', minGroupSize: 2 });
		expect(exported.tables.pulse_release_counts).toEqual([]);
		expect(exported.tables.pulse_totals[0]).toMatchObject({
			respondents: 0,
			withheld: expect.any(String)
		});
		await f.answer('b', [2, 4, 10]);
		exported = await exportOrganisation(db, { id: f.orgId, name: 'O', minGroupSize: 2 });
		expect(exported.tables.pulse_totals[0]).toMatchObject({ respondents: 2, release: 1 });
		expect(byJson(exported.tables.pulse_release_counts)).toEqual(
			byJson([
				{ pulse_id: f.pulse.id, item_id: f.items[0].id, score: 2, n: 1 },
				{ pulse_id: f.pulse.id, item_id: f.items[0].id, score: 5, n: 1 },
				{ pulse_id: f.pulse.id, item_id: f.items[1].id, score: 4, n: 2 },
				{ pulse_id: f.pulse.id, item_id: f.items[2].id, score: 10, n: 2 }
			])
		);
	});
});
