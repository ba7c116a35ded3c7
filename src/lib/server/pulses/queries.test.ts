import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import {
	boardPosts,
	cultureElements,
	memberships,
	organisations,
	pulseAnswers,
	pulseResponses,
	pulses,
	pulseTotals,
	teams,
	users,
	valueLenses
} from '../db/schema';
import { addTeamMember } from '../accounts/queries';
import { testDatabase } from '../db/testing';
import { newId } from '../ids';
import { seedWorkshop } from '../live/testing';
import {
	countResponses,
	createPulse,
	findOwnResponse,
	findPulseByCode,
	getPulse,
	getReleasedResults,
	getReleaseStatus,
	listItems,
	listPulses,
	listPulseValues,
	savePulseResponse
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 3 });
});
afterEach(() => close());

const newPulse = () => ({
	teamId: seeded.teamId,
	opensOn: '2026-03-02',
	closesOn: '2026-03-08',
	cadenceWeeks: 4,
	openQuestion: 'What would you change?',
	withSafety: false,
	createdBy: seeded.userId
});

async function behaviour(valueId: string, text: string, lens: 'current' | 'strategic') {
	await db.insert(cultureElements).values({
		id: newId(),
		teamId: seeded.teamId,
		valueId,
		lens,
		kind: 'looks_like',
		text,
		position: 0
	});
}

describe('pulses', () => {
	it('asks about the strategic values with their behaviours, then eNPS and safety', async () => {
		const [first, second] = seeded.valueIds;
		await db.insert(valueLenses).values([
			{ valueId: second, lens: 'strategic' },
			{ valueId: first, lens: 'strategic' }
		]);
		await behaviour(first, 'Now: speaks up', 'current');
		await behaviour(first, 'Target: asks first', 'strategic');
		expect(await listPulseValues(db, seeded.teamId)).toEqual([
			{ id: first, name: 'Value 1', behaviours: ['Target: asks first', 'Now: speaks up'] },
			{ id: second, name: 'Value 2', behaviours: [] }
		]);
		const id = await createPulse(db, { ...newPulse(), withSafety: true });
		const items = await listItems(db, id);
		expect(items.map((i) => [i.kind, i.valueName, i.statement])).toEqual([
			['value', 'Value 1', 'Target: asks first · Now: speaks up'],
			['value', 'Value 2', ''],
			['enps', null, ''],
			['safety', null, 'speak_up'],
			['safety', null, 'mistakes'],
			['safety', null, 'ask_help']
		]);
	});

	it('asks about each of the team’s leaders by name when wanted, after the values', async () => {
		const lena = newId();
		await db
			.insert(users)
			.values({ id: lena, email: 'l@example.org', name: 'Lena', passwordHash: 'x' });
		await db.insert(memberships).values({ orgId: seeded.orgId, userId: lena, role: 'leader' });
		await addTeamMember(db, seeded.orgId, seeded.teamId, lena);
		const without = await listItems(db, await createPulse(db, newPulse()));
		expect(without.map((i) => i.kind)).toEqual(['value', 'value', 'value', 'enps']);
		const id = await createPulse(db, { ...newPulse(), withLeaders: true });
		const items = await listItems(db, id);
		expect(items.map((i) => i.kind)).toEqual(['value', 'value', 'value', 'leader', 'enps']);
		expect(items[3]).toMatchObject({
			leaderId: lena,
			leaderName: 'Lena',
			statement: 'Value 1 · Value 2 · Value 3'
		});
		// Should the leader's account go, the statement stays without a name.
		await db.delete(users).where(eq(users.id, lena));
		expect((await listItems(db, id))[3]).toMatchObject({
			kind: 'leader',
			leaderId: null,
			leaderName: null
		});
	});

	it('takes every active value while none is strategic', async () => {
		expect((await listPulseValues(db, seeded.teamId)).map((v) => v.name)).toEqual([
			'Value 1',
			'Value 2',
			'Value 3'
		]);
	});

	it('keeps one answer per device, replacing it, and releases counts per item and score', async () => {
		await db.update(organisations).set({ minGroupSize: 2 });
		const id = await createPulse(db, newPulse());
		const pulse = (await getPulse(db, seeded.teamId, id))!;
		expect(await findPulseByCode(db, pulse.code)).toMatchObject({ id });
		const [v1, , , enps] = await listItems(db, id);
		const answer = (token: string, value: number, open = '') =>
			savePulseResponse(db, {
				pulse,
				tokenHash: token,
				scores: new Map([
					[v1.id, value],
					[enps.id, 9]
				]),
				open
			});
		const v1Counts = async () =>
			(await getReleasedResults(db, id)).counts
				.filter((r) => r.itemId === v1.id)
				.sort((a, b) => a.score - b.score)
				.map((r) => [r.score, r.n]);
		expect(await answer('device-a', 2, 'More focus')).toEqual({ replaced: false });
		// One response is fewer than the minimum of 2: nothing is released yet.
		expect(await getReleasedResults(db, id)).toEqual({ respondents: 0, counts: [] });
		await answer('device-b', 5);
		expect(await v1Counts()).toEqual([
			[2, 1],
			[5, 1]
		]);
		// Device A changes its 2 into a 4: one change, held back until another person changes.
		expect(await answer('device-a', 4, 'Fewer meetings')).toEqual({ replaced: true });
		expect(await countResponses(db, id)).toBe(2);
		expect(await v1Counts()).toEqual([
			[2, 1],
			[5, 1]
		]);
		expect(await getReleaseStatus(db, id)).toEqual({
			responses: 2,
			released: 2,
			release: 1,
			changes: 1
		});
		// Sending the same answers again is no change.
		await answer('device-b', 5);
		expect((await getReleaseStatus(db, id)).changes).toBe(1);
		await answer('device-c', 5);
		expect(await v1Counts()).toEqual([
			[4, 1],
			[5, 2]
		]);
		const [enpsCount] = (await getReleasedResults(db, id)).counts.filter(
			(r) => r.itemId === enps.id
		);
		expect(enpsCount).toEqual({ itemId: enps.id, score: 9, n: 3 });
		expect(await findOwnResponse(db, id, 'device-a')).toEqual({
			scores: { [v1.id]: 4, [enps.id]: 9 },
			open: 'Fewer meetings'
		});
		expect(await findOwnResponse(db, id, 'device-d')).toBeNull();
		// The pulse's sums are the release's.
		expect(await db.select().from(pulseTotals)).toEqual([
			{
				pulseId: id,
				respondents: 3,
				valueAnswers: 3,
				valueFavourable: 3,
				enpsAnswers: 3,
				promoters: 3,
				detractors: 0,
				release: 2,
				releasedAt: expect.any(Date)
			}
		]);
		// The open answer is one post on the board, replaced, and gone when emptied.
		expect((await db.select().from(boardPosts)).map((p) => p.text)).toEqual(['Fewer meetings']);
		await answer('device-a', 4);
		expect(await db.select().from(boardPosts)).toHaveLength(0);
		expect((await listPulses(db, seeded.teamId))[0]).toMatchObject({ id, respondents: 3 });
	});

	it('goes with its team', async () => {
		const id = await createPulse(db, newPulse());
		const pulse = (await getPulse(db, seeded.teamId, id))!;
		const [item] = await listItems(db, id);
		await savePulseResponse(db, {
			pulse,
			tokenHash: 'd',
			scores: new Map([[item.id, 3]]),
			open: 'x'
		});
		await db.delete(teams).where(eq(teams.id, seeded.teamId));
		for (const table of [pulses, pulseResponses, pulseAnswers, pulseTotals, boardPosts]) {
			expect(await db.select().from(table)).toHaveLength(0);
		}
	});
});
