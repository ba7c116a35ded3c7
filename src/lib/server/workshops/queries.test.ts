import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { cultureValues, votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { newId } from '../ids';
import {
	addCard,
	addParticipant,
	countRespondents,
	createWorkshop,
	findParticipant,
	findWorkshopByCode,
	getWorkshop,
	listActivities,
	listCards,
	listOwnVotes,
	mergeCards,
	upvoteCard,
	voteDistribution,
	withdrawParticipant,
	writeVotes,
	type VoteEntry
} from './queries';

let db: Database;
let close: () => void;
let teamId: string;
let workshopId: string;
let rateId: string;
let collectId: string;
const valueIds = [newId(), newId()];

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: 'f@example.org', name: 'F', passwordHash: 'x' },
		'Acme'
	);
	teamId = await createTeam(db, orgId, 'Support');
	await db.insert(cultureValues).values(
		valueIds.map((id, position) => ({
			id,
			teamId,
			name: `V${position}`,
			nameKey: `v${position}`,
			position
		}))
	);
	const created = await createWorkshop(db, {
		teamId,
		title: 'Kick-off',
		createdBy: user.id,
		agenda: [
			{
				kind: 'collect',
				title: 'Values',
				prompt: '',
				config: { kind: 'collect', lens: 'current', target: 'value' }
			},
			{
				kind: 'rate',
				title: 'Rate',
				prompt: '',
				config: { kind: 'rate', lenses: ['current'], scale: '1-5', valueIds }
			}
		]
	});
	workshopId = created.id;
	[collectId, rateId] = (await listActivities(db, workshopId)).map((a) => a.id);
});
afterEach(() => close());

const rating = (participantId: string, valueIndex: number, score: number): VoteEntry => ({
	activityId: rateId,
	participantId,
	replaceAll: false,
	answers: [
		{
			itemId: `${valueIds[valueIndex]}:current`,
			valueId: valueIds[valueIndex],
			cardId: null,
			lens: 'current',
			score
		}
	]
});

describe('workshops', () => {
	it('get a join code and stay within their team', async () => {
		const row = await getWorkshop(db, teamId, workshopId);
		expect(row?.joinCode).toMatch(/^[A-Z2-9]{6}$/);
		expect((await findWorkshopByCode(db, row!.joinCode))?.id).toBe(workshopId);
		expect(await getWorkshop(db, 'another-team', workshopId)).toBeNull();
	});
});

describe('participants', () => {
	it('are found by their device token only within their workshop', async () => {
		const { id, token } = await addParticipant(db, workshopId, null);
		expect((await findParticipant(db, workshopId, token))?.id).toBe(id);
		expect(await findParticipant(db, 'other', token)).toBeNull();
		expect(await findParticipant(db, workshopId, 'forged')).toBeNull();
	});
});

describe('votes', () => {
	it('count once per participant and item, however often they are sent', async () => {
		const a = await addParticipant(db, workshopId, null);
		const b = await addParticipant(db, workshopId, null);
		await writeVotes(db, [rating(a.id, 0, 4), rating(a.id, 0, 4), rating(b.id, 0, 2)]);
		await writeVotes(db, [rating(a.id, 0, 5)]);
		expect(await db.select().from(votes)).toHaveLength(2);
		expect(await listOwnVotes(db, rateId, a.id)).toEqual([
			{ itemId: `${valueIds[0]}:current`, score: 5 }
		]);
		const distribution = await voteDistribution(db, rateId);
		expect(distribution.sort((x, y) => x.score - y.score)).toEqual([
			{ itemId: `${valueIds[0]}:current`, score: 2, n: 1 },
			{ itemId: `${valueIds[0]}:current`, score: 5, n: 1 }
		]);
		expect(await countRespondents(db, rateId)).toBe(2);
	});

	it('replace a whole set when asked (dots, allocations)', async () => {
		const a = await addParticipant(db, workshopId, null);
		await writeVotes(db, [rating(a.id, 0, 3), rating(a.id, 1, 3)]);
		await writeVotes(db, [{ ...rating(a.id, 1, 1), replaceAll: true }]);
		expect(await listOwnVotes(db, rateId, a.id)).toEqual([
			{ itemId: `${valueIds[1]}:current`, score: 1 }
		]);
	});

	it('write nothing of a batch when one entry is invalid', async () => {
		const a = await addParticipant(db, workshopId, null);
		await expect(
			writeVotes(db, [rating(a.id, 0, 3), rating('no-such-participant', 1, 3)])
		).rejects.toThrow();
		expect(await db.select().from(votes)).toHaveLength(0);
	});

	it('leave with a participant who withdraws', async () => {
		const a = await addParticipant(db, workshopId, null);
		const card = await addCard(db, collectId, a.id, 'Ownership');
		await upvoteCard(db, card, a.id);
		await writeVotes(db, [rating(a.id, 0, 3)]);
		await withdrawParticipant(db, a.id);
		expect(await db.select().from(votes)).toHaveLength(0);
		expect(await listCards(db, collectId)).toEqual([]);
	});
});

describe('cards', () => {
	it('never carry their author, fold merged duplicates and count upvotes', async () => {
		const a = await addParticipant(db, workshopId, null);
		const b = await addParticipant(db, workshopId, null);
		const first = await addCard(db, collectId, a.id, 'Ownership');
		const second = await addCard(db, collectId, b.id, 'ownership!');
		await mergeCards(db, collectId, first, [second]);
		await upvoteCard(db, first, a.id);
		await upvoteCard(db, first, a.id);
		await upvoteCard(db, first, b.id);
		const listed = await listCards(db, collectId);
		expect(listed.map((c) => Object.keys(c))).not.toContainEqual(
			expect.arrayContaining(['participantId'])
		);
		expect(listed.find((c) => c.id === first)?.upvotes).toBe(2);
		expect(listed.find((c) => c.id === second)?.mergedInto).toBe(first);
	});
});

describe('whole sets in one batch', () => {
	it('keep only the later set of a participant', async () => {
		const a = await addParticipant(db, workshopId, null);
		await writeVotes(db, [
			{ ...rating(a.id, 0, 2), replaceAll: true },
			{ ...rating(a.id, 1, 3), replaceAll: true }
		]);
		expect(await listOwnVotes(db, rateId, a.id)).toEqual([
			{ itemId: `${valueIds[1]}:current`, score: 3 }
		]);
	});
});
