import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReceipts, roomPostOrder } from '../../domain/moderation';
import { addPost, landWorkshopPosts, listPosts, triagePost } from '../board/queries';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { hashToken } from '../ids';
import type { Delivery } from '../live/bus';
import type { CardWall, StaffCardWall } from '../live/events';
import {
	applyPace,
	getRoom,
	joinWorkshop,
	roomSnapshot,
	staffSnapshot,
	type Room
} from '../live/rooms';
import { installLive, listenTo, seedWorkshop } from '../live/testing';
import { postCard, upvote } from '../room/cards';
import { listOwnCards } from '../workshops/queries';
import { answeredAction, holdAction, reviewAction, starAction } from './actions';
import { newReceipt } from './receipts';
import { listOwnAnsweredPosts, listPostsByReceipts } from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let room: Room;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 1 });
	installLive(db);
	room = (await getRoom(seeded.workshopId))!;
	await applyPace(seeded.workshopId, { type: 'start' });
	await applyPace(seeded.workshopId, { type: 'goto', index: 3 });
});
// The wall is sent a moment after each change (coalesced): let it go before the database does.
afterEach(async () => {
	await settle();
	close();
});

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const outsiderId = () => seeded.activities.outsider.id;

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

const listen = <A extends 'room' | 'staff'>(audience: A) => listenTo(seeded.workshopId, audience);

const lastWall = <A extends 'room' | 'staff'>(seen: Delivery<A>[]) =>
	seen.filter((d) => d.type === 'cards').at(-1)?.data as
		(A extends 'room' ? CardWall : StaffCardWall) | undefined;

async function postAs(text: string) {
	const p = await joinWorkshop(seeded.workshopId, null);
	const posted = await postCard({
		room,
		participantId: p.participantId,
		activityId: outsiderId(),
		text,
		address: '192.0.2.1'
	});
	if (!posted.ok) throw new Error(`not posted: ${JSON.stringify(posted)}`);
	await settle();
	return { ...p, cardId: posted.cardId };
}

const roomTexts = () => (roomSnapshot(room).cards?.cards ?? []).map((c) => c.text);

describe('hold for approval', () => {
	it('is off by default: a post reaches the room at once', async () => {
		expect(roomSnapshot(room).workshop.holdPosts).toBe(false);
		const seen = listen('room');
		await postAs('Your invoices are unreadable');
		expect(roomTexts()).toEqual(['Your invoices are unreadable']);
		expect(lastWall(seen)?.cards.map((c) => c.text)).toEqual(['Your invoices are unreadable']);
	});

	it('keeps a new post from the room until approved, and shows it to staff as held', async () => {
		expect(await holdAction(seeded.workshopId, form({ hold: 'on' }))).toEqual({
			moderationSaved: 'hold'
		});
		expect(roomSnapshot(room).workshop.holdPosts).toBe(true);
		const roomSeen = listen('room');
		const staffSeen = listen('staff');
		const poster = await postAs('You never call back');

		expect(roomTexts()).toEqual([]);
		expect(JSON.stringify(roomSeen)).not.toContain('You never call back');
		expect(lastWall(staffSeen)?.cards).toMatchObject([
			{ id: poster.cardId, text: 'You never call back', held: true, hidden: true }
		]);
		// The poster's own phone knows it waits.
		expect(await listOwnCards(db, outsiderId(), poster.participantId)).toMatchObject([
			{ id: poster.cardId, held: true }
		]);
		// Nobody can upvote what the room has not seen.
		const other = await joinWorkshop(seeded.workshopId, null);
		expect(
			await upvote({
				room,
				participantId: other.participantId,
				activityId: outsiderId(),
				cardId: poster.cardId,
				address: '192.0.2.2'
			})
		).toMatchObject({ ok: false, status: 404 });

		expect(
			await reviewAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: poster.cardId, decision: 'approve' })
			)
		).toEqual({ moderationSaved: 'approved' });
		await settle();
		expect(roomTexts()).toEqual(['You never call back']);
		expect(lastWall(roomSeen)?.cards.map((c) => c.text)).toEqual(['You never call back']);
		expect(lastWall(staffSeen)?.cards[0]).toMatchObject({ held: false, hidden: false });
	});

	it('never lets a rejected post reach the room, nor the board after the end', async () => {
		await holdAction(seeded.workshopId, form({ hold: 'on' }));
		const roomSeen = listen('room');
		const poster = await postAs('Rude words about Kim');
		await postAs('Slow replies');
		const review = (cardId: string, decision: string) =>
			reviewAction(seeded.workshopId, form({ activityId: outsiderId(), cardId, decision }));
		expect(await review(poster.cardId, 'reject')).toEqual({ moderationSaved: 'rejected' });
		// Decided already: a second decision is refused, so a late "approve" cannot undo it.
		expect(await review(poster.cardId, 'approve')).toMatchObject({
			status: 409,
			data: { moderation: 'not_held' }
		});
		await settle();
		expect(roomTexts()).toEqual([]);
		expect(JSON.stringify(roomSeen)).not.toContain('Rude words');
		expect(staffSnapshot(room).cards?.cards.find((c) => c.id === poster.cardId)).toMatchObject({
			held: false,
			hidden: true
		});

		await applyPace(seeded.workshopId, { type: 'end' });
		await landWorkshopPosts(db, seeded.workshopId, 1);
		const board = await listPosts(db, seeded.teamId, { includeHidden: false });
		expect(board.map((p) => p.text)).toEqual([]);
	});

	it('refuses bad input with a reason, and cards of other activities or workshops', async () => {
		expect(await holdAction(seeded.workshopId, form({ hold: 'maybe' }))).toMatchObject({
			status: 400,
			data: { moderation: 'invalid' }
		});
		expect(
			await reviewAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: 'x', decision: 'delete' })
			)
		).toMatchObject({ status: 400 });
		expect(
			await reviewAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: 'y'.repeat(65), decision: 'approve' })
			)
		).toMatchObject({ status: 400 });
		expect(
			await reviewAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: 'nope', decision: 'approve' })
			)
		).toMatchObject({ status: 404, data: { moderation: 'unknown_card' } });
		// The collect activity is not moderated here; another workshop's activity is unknown.
		const poster = await postAs('A post');
		expect(
			await reviewAction(
				seeded.workshopId,
				form({
					activityId: seeded.activities.collect.id,
					cardId: poster.cardId,
					decision: 'approve'
				})
			)
		).toMatchObject({ status: 404, data: { moderation: 'unknown_activity' } });
		expect(
			await starAction(
				'another-workshop',
				form({ activityId: outsiderId(), cardId: poster.cardId })
			)
		).toMatchObject({ status: 404, data: { moderation: 'unknown_activity' } });
	});
});

describe('star and answered', () => {
	it('stars one post at a time, and unstars', async () => {
		const a = await postAs('First');
		const b = await postAs('Second');
		const star = (cardId: string) =>
			starAction(seeded.workshopId, form({ activityId: outsiderId(), cardId }));
		const starred = () =>
			(roomSnapshot(room).cards?.cards ?? []).filter((c) => c.starred).map((c) => c.text);

		expect(await star(a.cardId)).toEqual({ moderationSaved: 'starred' });
		await settle();
		expect(starred()).toEqual(['First']);
		expect(await star(b.cardId)).toEqual({ moderationSaved: 'starred' });
		await settle();
		expect(starred()).toEqual(['Second']);
		expect(await star('')).toEqual({ moderationSaved: 'unstarred' });
		await settle();
		expect(starred()).toEqual([]);
	});

	it('cannot star a post the room does not see, and keeps the star there was', async () => {
		const shown = await postAs('Shown');
		await starAction(seeded.workshopId, form({ activityId: outsiderId(), cardId: shown.cardId }));
		await holdAction(seeded.workshopId, form({ hold: 'on' }));
		const held = await postAs('Held');
		expect(
			await starAction(seeded.workshopId, form({ activityId: outsiderId(), cardId: held.cardId }))
		).toMatchObject({ status: 404, data: { moderation: 'unknown_card' } });
		await settle();
		expect((roomSnapshot(room).cards?.cards ?? []).filter((c) => c.starred)).toMatchObject([
			{ text: 'Shown' }
		]);
	});

	it('shows the room which posts were answered, after the open ones', async () => {
		const a = await postAs('Answered one');
		await postAs('Open one');
		const seen = listen('room');
		expect(
			await answeredAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: a.cardId, answered: 'on' })
			)
		).toEqual({ moderationSaved: 'answered' });
		await settle();
		const wall = lastWall(seen)!;
		expect(wall.cards.find((c) => c.id === a.cardId)).toMatchObject({ answered: true });
		expect(roomPostOrder(wall.cards).map((c) => c.text)).toEqual(['Open one', 'Answered one']);
		expect(
			await answeredAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: a.cardId, answered: 'off' })
			)
		).toEqual({ moderationSaved: 'reopened' });
		expect(
			await answeredAction(
				seeded.workshopId,
				form({ activityId: outsiderId(), cardId: a.cardId, answered: 'yes' })
			)
		).toMatchObject({ status: 400 });
	});
});

describe('receipts: answers to the poster only', () => {
	it('a device finds its own posts with its receipts; a wrong or another one finds nothing', async () => {
		const mine = newReceipt();
		const theirs = newReceipt();
		const ownPost = await addPost(db, {
			teamId: seeded.teamId,
			text: 'Parking is impossible',
			authorHash: null,
			receiptHash: hashToken(mine)
		});
		await addPost(db, {
			teamId: seeded.teamId,
			text: 'Coffee is cold',
			authorHash: null,
			receiptHash: hashToken(theirs)
		});
		await triagePost(db, seeded.teamId, ownPost, {
			status: 'acting',
			answer: 'We are renting ten more places',
			hidden: true
		});

		expect(await listPostsByReceipts(db, seeded.teamId, [hashToken(mine)])).toMatchObject([
			{ text: 'Parking is impossible', answer: 'We are renting ten more places' }
		]);
		const other = await listPostsByReceipts(db, seeded.teamId, [hashToken(theirs)]);
		expect(other.map((p) => p.text)).toEqual(['Coffee is cold']);
		expect(JSON.stringify(other)).not.toContain('renting');
		expect(await listPostsByReceipts(db, seeded.teamId, [hashToken(newReceipt())])).toEqual([]);
		// The receipt itself (not its hash) finds nothing: only hashes are stored.
		expect(await listPostsByReceipts(db, seeded.teamId, [mine])).toEqual([]);
		// Another team's board does not answer to this team's receipts.
		expect(await listPostsByReceipts(db, 'other-team', [hashToken(mine)])).toEqual([]);
	});

	it('receipts are 128 random bits, and a cookie keeps only well-formed ones', () => {
		const receipts = Array.from({ length: 1000 }, () => newReceipt());
		expect(new Set(receipts).size).toBe(1000);
		expect(receipts.every((r) => /^[a-z2-7]{26}$/.test(r))).toBe(true);
		expect(parseReceipts(`${receipts[0]}.junk.${receipts[1]}.${receipts[0]}`)).toEqual([
			receipts[0],
			receipts[1]
		]);
		expect(parseReceipts(receipts.join('.'))).toEqual([]);
		expect(parseReceipts(receipts.slice(0, 50).join('.'))).toEqual(receipts.slice(10, 50));
	});

	it("a workshop post's answer reaches its writer's device only", async () => {
		const writer = await postAs('Your forms ask twice for the same');
		const other = await postAs('Good coffee');
		await applyPace(seeded.workshopId, { type: 'end' });
		await landWorkshopPosts(db, seeded.workshopId, 1);
		const posts = await listPosts(db, seeded.teamId, { includeHidden: true });
		const post = posts.find((p) => p.text.startsWith('Your forms'))!;
		await triagePost(db, seeded.teamId, post.id, {
			status: 'done',
			answer: 'Fixed in the new form',
			hidden: false
		});
		expect(await listOwnAnsweredPosts(db, seeded.workshopId, writer.participantId)).toEqual([
			{ id: post.id, text: 'Your forms ask twice for the same', answer: 'Fixed in the new form' }
		]);
		expect(await listOwnAnsweredPosts(db, seeded.workshopId, other.participantId)).toEqual([]);
	});
});
