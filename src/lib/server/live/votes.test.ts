import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db';
import { votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { withdrawParticipant } from '../workshops/queries';
import { LiveError } from './errors';
import { forgetParticipant } from './participants';
import { applyPace, countsOf, getRoom, joinWorkshop } from './rooms';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 3, lenses: ['current', 'strategic'], dots: 3 });
	installLive(db);
});
afterEach(() => close());

const rateId = () => seeded.activities.rate.id;
const dotsId = () => seeded.activities.dots.id;
const item = (value: number, lens = 'current') => `${seeded.valueIds[value]}:${lens}`;

async function at(index: number) {
	await applyPace(seeded.workshopId, { type: 'start' });
	expect((await applyPace(seeded.workshopId, { type: 'goto', index })).ok).toBe(true);
}

function submit(token: string, activityId: string, answers: Record<string, number>) {
	return submitAnswers({
		workshopId: seeded.workshopId,
		participantToken: token,
		activityId,
		answers,
		address: '192.0.2.1'
	});
}

async function refused(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(LiveError);
	return error as LiveError;
}

const storedFor = (activityId: string, participantId: string) =>
	db
		.select({ itemId: votes.itemId, score: votes.score })
		.from(votes)
		.where(and(eq(votes.activityId, activityId), eq(votes.participantId, participantId)));

describe('submitAnswers', () => {
	it('stores answers to the current, open activity and counts the participant', async () => {
		const p = await joinWorkshop(seeded.workshopId, 'Ann');
		await at(1);
		await expect(submit(p.token, rateId(), { [item(0)]: 7, [item(1)]: 3 })).resolves.toEqual({
			stored: 2
		});
		expect(await storedFor(rateId(), p.participantId)).toHaveLength(2);
		const room = (await getRoom(seeded.workshopId))!;
		expect(countsOf(room)).toMatchObject({ joined: 1, answered: 1, activityId: rateId() });
	});

	it('is idempotent: a retried request counts once, a re-vote replaces', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(1);
		await submit(p.token, rateId(), { [item(0)]: 7 });
		await submit(p.token, rateId(), { [item(0)]: 7 });
		await submit(p.token, rateId(), { [item(0)]: 9, [item(1, 'strategic')]: 2 });
		expect(
			(await storedFor(rateId(), p.participantId)).sort((a, b) => a.itemId.localeCompare(b.itemId))
		).toEqual(
			[
				{ itemId: item(0), score: 9 },
				{ itemId: item(1, 'strategic'), score: 2 }
			].sort((a, b) => a.itemId.localeCompare(b.itemId))
		);
	});

	it('replaces a dot vote as a whole', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(2);
		await submit(p.token, dotsId(), { [item(0, 'strategic')]: 2, [item(1, 'strategic')]: 1 });
		await submit(p.token, dotsId(), { [item(2, 'strategic')]: 3 });
		expect(await storedFor(dotsId(), p.participantId)).toEqual([
			{ itemId: item(2, 'strategic'), score: 3 }
		]);
	});

	it('refuses dots over budget and ratings out of range with the limit, storing nothing', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(2);
		const overBudget = await refused(
			submit(p.token, dotsId(), { [item(0, 'strategic')]: 2, [item(1, 'strategic')]: 2 })
		);
		expect(overBudget.body).toEqual({ error: 'over_budget', limit: 3 });
		expect(overBudget.status).toBe(400);
		await applyPace(seeded.workshopId, { type: 'previous' });
		const outOfRange = await refused(submit(p.token, rateId(), { [item(0)]: 11 }));
		expect(outOfRange.body).toEqual({ error: 'out_of_range', limit: 10 });
		expect((await refused(submit(p.token, rateId(), { 'v:x': 1 }))).code).toBe('unknown_item');
		expect(await db.select().from(votes)).toHaveLength(0);
	});

	it('refuses activities that are not current or not open', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(2);
		expect((await refused(submit(p.token, rateId(), { [item(0)]: 5 }))).body).toEqual({
			error: 'activity_closed'
		});
		await applyPace(seeded.workshopId, { type: 'close_input' });
		expect((await refused(submit(p.token, dotsId(), { [item(0, 'strategic')]: 1 }))).status).toBe(
			409
		);
		await applyPace(seeded.workshopId, { type: 'previous' });
		await applyPace(seeded.workshopId, { type: 'lock' });
		expect((await refused(submit(p.token, rateId(), { [item(0)]: 5 }))).code).toBe(
			'workshop_locked'
		);
		await applyPace(seeded.workshopId, { type: 'end' });
		expect((await refused(submit(p.token, rateId(), { [item(0)]: 5 }))).status).toBe(410);
		expect((await refused(submit(p.token, 'nope', { x: 1 }))).code).toBe('unknown_activity');
		const collect = seeded.activities.collect.id;
		expect((await refused(submit(p.token, collect, { x: 1 }))).code).toBe('not_voting');
	});

	it('refuses unknown workshops, missing tokens and tokens of another workshop', async () => {
		const other = await seedWorkshop(db);
		const stranger = await joinWorkshop(other.workshopId, null);
		await at(1);
		const unknown = await refused(
			submitAnswers({
				workshopId: 'nope',
				participantToken: stranger.token,
				activityId: rateId(),
				answers: {},
				address: '192.0.2.1'
			})
		);
		expect([unknown.code, unknown.status]).toEqual(['unknown_workshop', 404]);
		expect((await refused(submit('', rateId(), { [item(0)]: 5 }))).code).toBe('not_joined');
		expect((await refused(submit('forged', rateId(), { [item(0)]: 5 }))).code).toBe('not_joined');
		expect((await refused(submit(stranger.token, rateId(), { [item(0)]: 5 }))).status).toBe(403);
	});

	it('stops a participant who withdrew', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(1);
		await withdrawParticipant(db, p.participantId);
		forgetParticipant(p.participantId);
		expect((await refused(submit(p.token, rateId(), { [item(0)]: 5 }))).code).toBe('not_joined');
	});

	it('answers a flood from one device with 429 and a time to wait', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(1);
		const sent = await Promise.allSettled(
			Array.from({ length: 60 }, () => submit(p.token, rateId(), { [item(0)]: 5 }))
		);
		const limited = sent.filter((r) => r.status === 'rejected');
		expect(sent.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(40);
		expect(limited.length).toBeGreaterThan(0);
		const error = (limited[0] as PromiseRejectedResult).reason as LiveError;
		expect(error.body).toMatchObject({ error: 'rate_limited' });
		expect(error.body.retryAfter).toBeGreaterThanOrEqual(1);
	});

	it('says not_stored (503), never a crash, when the database fails', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(1);
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		close();
		expect((await refused(submit(p.token, rateId(), { [item(0)]: 5 }))).status).toBe(503);
		error.mockRestore();
		({ db, close } = await testDatabase());
	});
});

describe('the live tally', () => {
	it('follows every commit, so revealed results equal what is stored', async () => {
		await db.update((await import('../db/schema')).organisations).set({ minGroupSize: 2 });
		installLive(db);
		const a = await joinWorkshop(seeded.workshopId, null);
		const b = await joinWorkshop(seeded.workshopId, null);
		await at(2);
		const room = (await getRoom(seeded.workshopId))!;
		await submit(a.token, dotsId(), { [item(0, 'strategic')]: 3 });
		expect(room.tally?.results(room.minGroupSize)).toMatchObject({ withheld: true, counts: {} });
		await submit(b.token, dotsId(), { [item(0, 'strategic')]: 1, [item(1, 'strategic')]: 2 });
		await submit(a.token, dotsId(), { [item(1, 'strategic')]: 3 });
		const results = room.tally!.results(room.minGroupSize);
		expect(results.respondents).toBe(2);
		// Value 0 was released when both had voted on it; a's move away is one change of one
		// person, so it waits. Value 1 was released when its second voter (a) came.
		expect(results.counts[item(0, 'strategic')]).toEqual([0, 1, 0, 1]);
		expect(results.counts[item(1, 'strategic')]).toEqual([0, 0, 1, 1]);
		expect(results.waiting).toBe(true);

		// A fresh room rebuilds the same tally from the database.
		installLive(db);
		await applyPace(seeded.workshopId, { type: 'reveal' });
		const reloaded = (await getRoom(seeded.workshopId))!;
		expect(reloaded.tally!.results(reloaded.minGroupSize)).toEqual(results);
	});
});
