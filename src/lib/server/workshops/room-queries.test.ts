/** The data functions the participant room added to this module. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import {
	addCard,
	addCommitment,
	addParticipant,
	findCard,
	listOwnCards,
	listOwnUpvotes,
	listWorkshopCommitments,
	mergeCards,
	removeOwnCard,
	setCardHidden,
	upvoteCard
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
});
afterEach(() => close());

describe('own cards', () => {
	it('lists only this participant’s cards of this activity, hidden ones too', async () => {
		const ann = await addParticipant(db, seeded.workshopId, null);
		const bob = await addParticipant(db, seeded.workshopId, null);
		const { collect, outsider } = seeded.activities;
		const first = await addCard(db, collect.id, ann.id, 'one');
		const second = await addCard(db, collect.id, ann.id, 'two');
		await addCard(db, collect.id, bob.id, 'bob');
		await addCard(db, outsider.id, ann.id, 'elsewhere');
		await setCardHidden(db, collect.id, second, true);
		expect(await listOwnCards(db, collect.id, ann.id)).toEqual([
			{ id: first, text: 'one', hidden: false, held: false },
			{ id: second, text: 'two', hidden: true, held: false }
		]);
	});

	it('removes a card only for its author, within its activity', async () => {
		const ann = await addParticipant(db, seeded.workshopId, null);
		const bob = await addParticipant(db, seeded.workshopId, null);
		const { collect, outsider } = seeded.activities;
		const card = await addCard(db, collect.id, ann.id, 'mine');
		expect(await removeOwnCard(db, collect.id, bob.id, card)).toBe(false);
		expect(await removeOwnCard(db, outsider.id, ann.id, card)).toBe(false);
		expect(await removeOwnCard(db, collect.id, ann.id, card)).toBe(true);
		expect(await findCard(db, collect.id, card)).toBeNull();
	});

	it('finds a card with its author and merge target, inside its activity only', async () => {
		const ann = await addParticipant(db, seeded.workshopId, null);
		const { collect, outsider } = seeded.activities;
		const target = await addCard(db, collect.id, ann.id, 'Ownership');
		const copy = await addCard(db, collect.id, null, 'ownership');
		await mergeCards(db, collect.id, target, [target, copy]);
		expect(await findCard(db, collect.id, copy)).toEqual({
			id: copy,
			participantId: null,
			hidden: false,
			mergedInto: target
		});
		expect(await findCard(db, outsider.id, copy)).toBeNull();
	});
});

describe('listOwnUpvotes', () => {
	it('gives the posts of this activity this participant upvoted', async () => {
		const ann = await addParticipant(db, seeded.workshopId, null);
		const bob = await addParticipant(db, seeded.workshopId, null);
		const { outsider, collect } = seeded.activities;
		const a = await addCard(db, outsider.id, bob.id, 'a');
		const b = await addCard(db, outsider.id, bob.id, 'b');
		const c = await addCard(db, collect.id, bob.id, 'c');
		await upvoteCard(db, a, ann.id);
		await upvoteCard(db, c, ann.id);
		await upvoteCard(db, b, bob.id);
		expect(await listOwnUpvotes(db, outsider.id, ann.id)).toEqual([a]);
	});
});

describe('commitments', () => {
	it('lists one leader’s commitments of one workshop, oldest first', async () => {
		const base = {
			teamId: seeded.teamId,
			workshopId: seeded.workshopId,
			leaderId: seeded.userId,
			signal: 's',
			dueOn: '2026-06-30'
		};
		const first = await addCommitment(db, { ...base, valueId: seeded.valueIds[0], action: 'a1' });
		const second = await addCommitment(db, { ...base, valueId: seeded.valueIds[1], action: 'a2' });
		const rows = await listWorkshopCommitments(db, seeded.workshopId, seeded.userId);
		expect(rows.map((r) => [r.id, r.action])).toEqual([
			[first, 'a1'],
			[second, 'a2']
		]);
		expect(await listWorkshopCommitments(db, seeded.workshopId, 'someone else')).toEqual([]);
	});
});
