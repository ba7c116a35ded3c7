/**
 * Differencing (docs/security.md): two looks at an activity's results, whatever staff use to
 * look (the live console, the results page, the export), are identical or differ by the
 * answers of at least the minimum number of people. Random sessions of answers, re-votes,
 * re-sent answers, dots replaced as a whole and withdrawals, checked after every step against
 * a model of who answered what.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { organisations, voteReleases } from '../db/schema';
import { testDatabase } from '../db/testing';
import { aggregateTable } from '../analytics/exports';
import { countRatings, sumVotes } from '../analytics/queries';
import { loadResults } from '../analytics/report';
import { withdraw } from '../room/withdraw';
import { applyPace, getRoom, joinWorkshop, staffSnapshot } from './rooms';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';

const MIN = 3;
const PEOPLE = 7;

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, lenses: ['current'], dots: 3, minGroupSize: MIN });
	installLive(db);
});
afterEach(() => close());

type Step =
	| { kind: 'answer'; who: number; item: number; score: number }
	| { kind: 'dots'; who: number; item: number; dots: number }
	| { kind: 'withdraw'; who: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('answer' as const),
			who: fc.nat(PEOPLE - 1),
			item: fc.nat(1),
			score: fc.integer({ min: 2, max: 4 })
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('dots' as const),
			who: fc.nat(PEOPLE - 1),
			item: fc.nat(1),
			dots: fc.integer({ min: 1, max: 3 })
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(PEOPLE - 1) })
	}
);

/** Per item, each person's answer (absent: none), as the model says it is stored. */
type Model = Map<string, Map<number, number>>;

function differing(a: Map<number, number> | undefined, b: Map<number, number> | undefined) {
	const people = new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])]);
	return [...people].filter((p) => a?.get(p) !== b?.get(p)).length;
}

describe('releases', () => {
	it('never let two readings differ by fewer people than the minimum', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60 }), async (steps) => {
				({ db, close } = await testDatabase().then((fresh) => (close(), fresh)));
				seeded = await seedWorkshop(db, {
					values: 2,
					lenses: ['current'],
					dots: 3,
					minGroupSize: MIN
				});
				await db.update(organisations).set({ minGroupSize: MIN });
				installLive(db);
				const people = await Promise.all(
					Array.from({ length: PEOPLE }, () => joinWorkshop(seeded.workshopId, null))
				);
				await applyPace(seeded.workshopId, { type: 'start' });
				const rate = seeded.activities.rate.id;
				const dots = seeded.activities.dots.id;
				const rateItem = (i: number) => `${seeded.valueIds[i]}:current`;
				const dotItem = (i: number) => `${seeded.valueIds[i]}:strategic`;
				const model: Model = new Map();
				const gone = new Set<number>();
				/** Per item: what was last read, its release, and the model at that release. */
				const seen = new Map<
					string,
					{ reading: string; mark: string | null; model: Map<number, number> }
				>();

				const set = (item: string, who: number, score: number | undefined) => {
					const answers = model.get(item) ?? new Map<number, number>();
					model.set(item, answers);
					if (score === undefined) answers.delete(who);
					else answers.set(who, score);
				};

				async function read() {
					const room = (await getRoom(seeded.workshopId))!;
					const live = staffSnapshot(room).results;
					const released = await countRatings(db, [rate]);
					const totals = await sumVotes(db, [dots], MIN);
					const readings = new Map<string, string>();
					if (live?.activityId === rate) {
						for (const i of [0, 1]) {
							const fromDb = released
								.filter((r) => `${r.valueId}:current` === rateItem(i) && r.people >= MIN)
								.map((r) => `${r.score}×${r.n}`)
								.sort()
								.join(' ');
							const counts = live.counts[rateItem(i)];
							const fromLive = counts
								? counts
										.flatMap((n, s) => (n > 0 ? [`${s + live.min}×${n}`] : []))
										.sort()
										.join(' ')
								: '';
							// The console (memory) and the results page (database) agree.
							expect(fromLive).toBe(fromDb);
							readings.set(rateItem(i), fromDb);
						}
					}
					for (const i of [0, 1]) {
						const total = totals.find((t) => `${t.valueId}:strategic` === dotItem(i));
						readings.set(dotItem(i), String(total?.total ?? ''));
					}
					const marks = new Map(
						(await db.select().from(voteReleases)).map((r) => [r.itemId, r.mark])
					);
					for (const [item, reading] of readings) {
						const before = seen.get(item) ?? { reading: '', mark: null, model: new Map() };
						const mark = marks.get(item) ?? null;
						const now = new Map(model.get(item) ?? []);
						if (mark !== before.mark) {
							// A release: what changed since the last one, changed for enough people.
							expect(
								differing(before.model, now),
								`${item}: ${before.reading} → ${reading}`
							).toBeGreaterThanOrEqual(MIN);
							seen.set(item, { reading, mark, model: now });
						} else {
							// No release, no change: whatever happened since is invisible.
							expect(reading, item).toBe(before.reading);
						}
					}
				}

				let at = -1;
				for (const s of steps) {
					if (gone.has(s.who)) continue;
					const token = people[s.who].token;
					if (s.kind === 'withdraw') {
						await withdraw(seeded.workshopId, people[s.who].participantId);
						gone.add(s.who);
						for (const answers of model.values()) answers.delete(s.who);
					} else {
						const index = s.kind === 'answer' ? 1 : 2;
						if (at !== index) {
							await applyPace(seeded.workshopId, { type: 'goto', index });
							at = index;
						}
						if (s.kind === 'answer') {
							const item = rateItem(s.item);
							await submitAnswers({
								workshopId: seeded.workshopId,
								address: '192.0.2.1',
								participantToken: token,
								activityId: rate,
								answers: { [item]: s.score }
							});
							set(item, s.who, s.score);
						} else {
							// A whole set: the other value's dots are gone.
							const item = dotItem(s.item);
							await submitAnswers({
								workshopId: seeded.workshopId,
								address: '192.0.2.1',
								participantToken: token,
								activityId: dots,
								answers: { [item]: s.dots }
							});
							set(item, s.who, s.dots);
							set(dotItem(1 - s.item), s.who, undefined);
						}
					}
					await read();
				}
			}),
			{ numRuns: 25, seed: Number(process.env.FUZZ_SEED ?? 20261207) }
		);
	}, 120_000);

	it('keep the results page, the report and the export on the same release', async () => {
		const people = await Promise.all([0, 1, 2, 3].map(() => joinWorkshop(seeded.workshopId, null)));
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const item = `${seeded.valueIds[0]}:current`;
		const answer = (i: number, score: number) =>
			submitAnswers({
				workshopId: seeded.workshopId,
				address: '192.0.2.1',
				participantToken: people[i].token,
				activityId: seeded.activities.rate.id,
				answers: { [item]: score }
			});
		for (const i of [0, 1, 2]) await answer(i, 5);
		const workshop = { id: seeded.workshopId, teamId: seeded.teamId };
		const table = async () => aggregateTable(await loadResults(db, workshop, MIN)).rows;
		const first = await table();
		expect(first.length).toBeGreaterThan(0);
		// One more answer: the page and the export stay as they were, so their difference says
		// nothing about that person.
		await answer(3, 0);
		expect(await table()).toEqual(first);
		// Two more changes make three: the new numbers come out together.
		await answer(0, 7);
		await answer(1, 8);
		expect(await table()).not.toEqual(first);
	});
});
