import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { cards, upvotes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { applyPace, getRoom, joinWorkshop, type Room } from '../live/rooms';
import { installLive, seedWorkshop } from '../live/testing';
import { listCards, listOwnCards, setCardHidden } from '../workshops/queries';
import { MAX_CARDS_PER_PERSON, cardText, postCard, removeCard, upvote } from './cards';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let room: Room;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	installLive(db);
	room = (await getRoom(seeded.workshopId))!;
});
// The wall is sent a moment after each change (coalesced): let it go before the database does.
afterEach(async () => {
	await new Promise((resolve) => setTimeout(resolve, 300));
	close();
});

const collectId = () => seeded.activities.collect.id;
const outsiderId = () => seeded.activities.outsider.id;

async function at(index: number) {
	await applyPace(seeded.workshopId, { type: 'start' });
	expect((await applyPace(seeded.workshopId, { type: 'goto', index })).ok).toBe(true);
}

const post = (participantId: string, activityId: string, text: unknown) =>
	postCard({ room, participantId, activityId, text, address: '192.0.2.1' });

describe('cardText', () => {
	it('tidies whitespace and keeps cards between 1 and 280 characters', () => {
		expect(cardText('  Own   it \n ')).toEqual({ ok: true, text: 'Own it' });
		expect(cardText('   ')).toMatchObject({ ok: false, problem: { code: 'card_empty' } });
		expect(cardText(undefined)).toMatchObject({ ok: false, problem: { code: 'card_empty' } });
		expect(cardText('x'.repeat(280))).toMatchObject({ ok: true });
		expect(cardText('x'.repeat(281))).toMatchObject({
			ok: false,
			status: 400,
			problem: { code: 'card_too_long', limit: 280 }
		});
	});

	it('drops NUL and bidi overrides, on the form and the JSON path alike', () => {
		expect(cardText('Own\u0000 it\u202e\u2066')).toEqual({ ok: true, text: 'Own it' });
		expect(cardText('\u202e\u0000')).toMatchObject({ ok: false, problem: { code: 'card_empty' } });
	});
});

describe('postCard', () => {
	it('stores a card of the current, open collect activity as its author wrote it', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		const posted = await post(p.participantId, collectId(), '<b>Ownership</b> & more');
		expect(posted.ok).toBe(true);
		expect(await listOwnCards(db, collectId(), p.participantId)).toEqual([
			{
				id: posted.ok ? posted.cardId : '',
				text: '<b>Ownership</b> & more',
				hidden: false,
				held: false
			}
		]);
	});

	it('refuses a closed activity, another activity, a locked and an ended workshop', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		expect(await post(p.participantId, collectId(), 'early')).toMatchObject({
			ok: false,
			status: 409,
			problem: { code: 'activity_closed' }
		});
		await at(0);
		expect(await post(p.participantId, outsiderId(), 'not now')).toMatchObject({
			status: 409,
			problem: { code: 'activity_closed' }
		});
		expect(await post(p.participantId, seeded.activities.rate.id, 'no')).toMatchObject({
			status: 404,
			problem: { code: 'unknown_activity' }
		});
		await applyPace(seeded.workshopId, { type: 'close_input' });
		expect(await post(p.participantId, collectId(), 'closed')).toMatchObject({
			problem: { code: 'activity_closed' }
		});
		await applyPace(seeded.workshopId, { type: 'lock' });
		expect(await post(p.participantId, collectId(), 'locked')).toMatchObject({
			status: 409,
			problem: { code: 'workshop_locked' }
		});
		await applyPace(seeded.workshopId, { type: 'end' });
		expect(await post(p.participantId, collectId(), 'ended')).toMatchObject({
			status: 410,
			problem: { code: 'workshop_ended' }
		});
		expect(await db.select().from(cards)).toHaveLength(0);
	});

	it('stores nothing for an empty or oversized card', async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		expect(await post(p.participantId, collectId(), ' ')).toMatchObject({ status: 400 });
		expect(await post(p.participantId, collectId(), 'y'.repeat(281))).toMatchObject({
			status: 400
		});
		expect(await db.select().from(cards)).toHaveLength(0);
	});

	it('stops a flood from one participant, not from the next', async () => {
		const flooder = await joinWorkshop(seeded.workshopId, null);
		const other = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		const answers = [];
		for (let i = 0; i < 12; i++) {
			answers.push(await post(flooder.participantId, collectId(), `c${i}`));
		}
		expect(answers.filter((a) => a.ok)).toHaveLength(10);
		expect(answers.at(-1)).toMatchObject({ status: 429, problem: { code: 'rate_limited' } });
		expect((await post(other.participantId, collectId(), 'mine')).ok).toBe(true);
	});

	it(`caps one person's cards per activity at ${MAX_CARDS_PER_PERSON}`, async () => {
		const p = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		await db.insert(cards).values(
			Array.from({ length: MAX_CARDS_PER_PERSON }, (_, i) => ({
				id: `card${i}`,
				activityId: collectId(),
				participantId: p.participantId,
				text: `c${i}`
			}))
		);
		expect(await post(p.participantId, collectId(), 'one more')).toMatchObject({
			status: 409,
			problem: { code: 'too_many_cards' }
		});
	});
});

describe('removeCard', () => {
	it("removes one's own card while input is open, never someone else's", async () => {
		const ann = await joinWorkshop(seeded.workshopId, null);
		const bob = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		const posted = await post(ann.participantId, collectId(), 'mine');
		const cardId = posted.ok ? posted.cardId : '';
		const remove = (participantId: string) =>
			removeCard({ room, participantId, activityId: collectId(), cardId, address: '192.0.2.1' });

		expect(await remove(bob.participantId)).toMatchObject({ status: 404 });
		await applyPace(seeded.workshopId, { type: 'close_input' });
		expect(await remove(ann.participantId)).toMatchObject({ problem: { code: 'activity_closed' } });
		expect(await listCards(db, collectId())).toHaveLength(1);
		await applyPace(seeded.workshopId, { type: 'open_input' });
		expect(await remove(ann.participantId)).toEqual({ ok: true });
		expect(await listCards(db, collectId())).toHaveLength(0);
	});
});

describe('upvote', () => {
	it('counts one upvote per person per post and refuses one on your own post', async () => {
		const ann = await joinWorkshop(seeded.workshopId, null);
		const bob = await joinWorkshop(seeded.workshopId, null);
		await at(3);
		const posted = await post(ann.participantId, outsiderId(), 'Publish the minutes');
		const cardId = posted.ok ? posted.cardId : '';
		const vote = (participantId: string, id = cardId) =>
			upvote({ room, participantId, activityId: outsiderId(), cardId: id, address: '192.0.2.1' });

		expect(await vote(bob.participantId)).toEqual({ ok: true });
		expect(await vote(bob.participantId)).toEqual({ ok: true });
		expect(await vote(ann.participantId)).toMatchObject({
			status: 400,
			problem: { code: 'own_card' }
		});
		expect(await vote(bob.participantId, 'nope')).toMatchObject({ status: 404 });
		expect((await listCards(db, outsiderId()))[0].upvotes).toBe(1);

		await setCardHidden(db, outsiderId(), cardId, true);
		const carl = await joinWorkshop(seeded.workshopId, null);
		expect(await vote(carl.participantId)).toMatchObject({ problem: { code: 'unknown_card' } });
		expect(await db.select().from(upvotes)).toHaveLength(1);
	});

	it('only works on the outsider board', async () => {
		const ann = await joinWorkshop(seeded.workshopId, null);
		await at(0);
		const posted = await post(ann.participantId, collectId(), 'a value');
		const bob = await joinWorkshop(seeded.workshopId, null);
		expect(
			await upvote({
				room,
				participantId: bob.participantId,
				address: '192.0.2.1',
				activityId: collectId(),
				cardId: posted.ok ? posted.cardId : ''
			})
		).toMatchObject({ status: 404, problem: { code: 'unknown_activity' } });
	});
});
