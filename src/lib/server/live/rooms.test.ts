import type { Client, InStatement } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db';
import { organisations, workshops } from '../db/schema';
import { testDatabase } from '../db/testing';
import { hashToken } from '../ids';
import { addCard, findParticipant, setCardHidden } from '../workshops/queries';
import { liveStore } from './context';
import { LiveError } from './errors';
import { tokenHash } from './participants';
import { voteStatements, type AnswerEntry } from './queries';
import {
	answersCommitted,
	answersStored,
	applyPace,
	cardsChanged,
	countsOf,
	KEPT_TALLIES,
	getRoom,
	joinWorkshop,
	changeOrganisation,
	changeWorkshop,
	roomSnapshot,
	staffSnapshot
} from './rooms';
import { installLive, listenTo, seedWorkshop } from './testing';
import { submitAnswers } from './votes';
import type { Results } from './events';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	installLive(db);
});
afterEach(() => close());

const listen = <A extends 'room' | 'staff'>(audience: A) => listenTo(seeded.workshopId, audience);

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('joining', () => {
	it('stores a participant the data module finds by the same token', async () => {
		const staff = listen('staff');
		const p = await joinWorkshop(seeded.workshopId, '  Ann  ');
		expect(tokenHash(p.token)).toBe(hashToken(p.token));
		expect(await findParticipant(db, seeded.workshopId, p.token)).toEqual({
			id: p.participantId,
			nickname: 'Ann'
		});
		// Nicknames are hidden from the room, so staff do not hear them either.
		expect(staff.find((d) => d.type === 'joined')?.data).toEqual({ nickname: null });
		await settle();
		expect(staff.filter((d) => d.type === 'counts').at(-1)?.data).toMatchObject({ joined: 1 });
	});

	it('tells staff a nickname only while the room sees nicknames too', async () => {
		await changeWorkshop(seeded.workshopId, (db) =>
			db.update(workshops).set({ showNicknames: true })
		);
		const staff = listen('staff');
		await joinWorkshop(seeded.workshopId, 'Bob');
		expect(staff.find((d) => d.type === 'joined')?.data).toEqual({ nickname: 'Bob' });
	});

	it('commits many joins together and refuses ended workshops and long nicknames', async () => {
		const many = await Promise.all(
			Array.from({ length: 50 }, () => joinWorkshop(seeded.workshopId, null))
		);
		expect(new Set(many.map((p) => p.participantId)).size).toBe(50);
		await expect(joinWorkshop(seeded.workshopId, 'x'.repeat(41))).rejects.toMatchObject({
			code: 'invalid_nickname',
			details: { limit: 40 }
		});
		await applyPace(seeded.workshopId, { type: 'end' });
		const ended = await joinWorkshop(seeded.workshopId, null).catch((e: LiveError) => e);
		expect(ended).toMatchObject({ code: 'workshop_ended', status: 410 });
		await expect(joinWorkshop('nope', null)).rejects.toMatchObject({ code: 'unknown_workshop' });
	});
});

describe('pace', () => {
	it('stores the step, then sends a fresh snapshot to the room and to staff', async () => {
		const room = listen('room');
		const staff = listen('staff');
		await applyPace(seeded.workshopId, { type: 'start' });
		const result = await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		expect(result.ok).toBe(true);
		const last = room.at(-1)!;
		expect(last.type).toBe('snapshot');
		expect(last.type === 'snapshot' && last.data.activity?.id).toBe(seeded.activities.rate.id);
		expect(last.type === 'snapshot' && last.data.activity?.values.map((v) => v.name)).toEqual([
			'Value 1',
			'Value 2'
		]);
		expect(JSON.stringify(room)).not.toContain(seeded.joinCode);
		expect(staff.at(-1)).toMatchObject({ type: 'snapshot', data: { joinCode: seeded.joinCode } });

		// A fresh room (another process, a restart) reads the same pace back.
		installLive(db);
		expect((await getRoom(seeded.workshopId))!.pace).toMatchObject({ status: 'live', current: 1 });
	});

	it('passes on what the state machine refuses without storing or sending', async () => {
		const room = listen('room');
		expect(await applyPace(seeded.workshopId, { type: 'next' })).toEqual({
			ok: false,
			problem: 'not_allowed'
		});
		expect(room).toHaveLength(0);
	});

	it('shows results to the room only after the reveal, but to staff at once', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 2 });
		const current = (await getRoom(seeded.workshopId))!;
		expect(roomSnapshot(current).results).toBeNull();
		expect(staffSnapshot(current).results).toMatchObject({ respondents: 0, withheld: true });
		await applyPace(seeded.workshopId, { type: 'reveal' });
		expect(roomSnapshot(current).results).toMatchObject({ respondents: 0 });
	});
});

describe('pace at full size', () => {
	/** The statements that read a workshop's answers, counted on the database's own client. */
	function countAnswerReads() {
		// drizzle's libsql database carries its client, though its type does not say so.
		const { $client } = db as unknown as { $client: Client };
		const execute = vi.spyOn($client, 'execute');
		return () =>
			execute.mock.calls.filter(([statement]: unknown[]) => {
				const sql =
					typeof statement === 'string'
						? statement
						: (statement as InStatement & { sql: string }).sql;
				return /^select .* from "votes"/i.test(sql);
			}).length;
	}

	async function rateAsEveryone(people: { token: string }[], score: (i: number) => number) {
		for (const [i, p] of people.entries()) {
			await submitAnswers({
				workshopId: seeded.workshopId,
				address: '192.0.2.1',
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers: { [`${seeded.valueIds[0]}:current`]: score(i) }
			});
		}
	}

	it('goes back to a voting activity without reading its answers again', async () => {
		await db.update(organisations).set({ minGroupSize: 3 });
		installLive(db);
		const people = await Promise.all([1, 2, 3].map(() => joinWorkshop(seeded.workshopId, null)));
		await applyPace(seeded.workshopId, { type: 'start' });
		// Each voting activity read once, when first visited (nobody had answered yet).
		await applyPace(seeded.workshopId, { type: 'goto', index: 2 });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		await rateAsEveryone(people, (i) => 4 + i);
		const before = staffSnapshot((await getRoom(seeded.workshopId))!).results;

		const reads = countAnswerReads();
		await applyPace(seeded.workshopId, { type: 'next' });
		await applyPace(seeded.workshopId, { type: 'previous' });
		const room = (await getRoom(seeded.workshopId))!;
		expect(room.pace.current).toBe(1);
		expect(reads()).toBe(0);
		expect(staffSnapshot(room).results).toEqual(before);
		expect(countsOf(room).answered).toBe(3);
	});

	it('keeps following answers committed after the facilitator moved on', async () => {
		await db.update(organisations).set({ minGroupSize: 3 });
		installLive(db);
		const people = await Promise.all([1, 2, 3].map(() => joinWorkshop(seeded.workshopId, null)));
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		await rateAsEveryone(people, () => 2);
		await applyPace(seeded.workshopId, { type: 'next' });
		// A commit of answers sent before the move lands now (the writer's turn came late).
		const room = (await getRoom(seeded.workshopId))!;
		const itemId = `${seeded.valueIds[0]}:current`;
		const late: AnswerEntry[] = [];
		for (const p of people) {
			const participantId = (await findParticipant(db, seeded.workshopId, p.token))!.id;
			const answers = [
				{ itemId, valueId: seeded.valueIds[0], cardId: null, lens: 'current', score: 9 }
			];
			late.push({
				activityId: seeded.activities.rate.id,
				participantId,
				replaceAll: false,
				answers,
				minGroupSize: 3
			});
		}
		await (await liveStore()).write(voteStatements(late));
		for (const e of late) answersStored(room, e.activityId, e.participantId, e.answers, false);
		answersCommitted(room, seeded.activities.rate.id, 3);
		await applyPace(seeded.workshopId, { type: 'previous' });
		const kept = staffSnapshot(room).results;
		expect(kept?.counts[itemId]?.[9]).toBe(3);
		expect(kept?.counts[itemId]?.[2]).toBe(0);

		// What the room would read from scratch (another process) is the same.
		installLive(db);
		const fresh = (await getRoom(seeded.workshopId))!;
		expect(staffSnapshot(fresh).results?.counts[itemId]).toEqual(kept?.counts[itemId]);
	});

	it('keeps a tally per voting activity visited, the most recent last, none for the others', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		for (const index of [1, 2, 1, 2, 0, 3]) {
			await applyPace(seeded.workshopId, { type: 'goto', index });
		}
		const room = (await getRoom(seeded.workshopId))!;
		expect([...room.tallies.keys()]).toEqual([
			seeded.activities.rate.id,
			seeded.activities.dots.id
		]);
		expect(room.tallies.size).toBeLessThanOrEqual(KEPT_TALLIES);
	});

	it('reads the tallies again after a change to the workshop (a withdrawal removes answers)', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		await applyPace(seeded.workshopId, { type: 'goto', index: 2 });
		const room = (await getRoom(seeded.workshopId))!;
		expect(room.tallies.size).toBe(2);
		await changeWorkshop(seeded.workshopId, (db) =>
			db.update(workshops).set({ title: 'Kick-off, day two' })
		);
		expect([...room.tallies.keys()]).toEqual([seeded.activities.dots.id]);
	});
});

describe('card walls', () => {
	it('show the outsider board to the room, hidden cards never, a collect wall once revealed', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 3 });
		const outsider = seeded.activities.outsider.id;
		const kept = await addCard(db, outsider, null, 'Meetings run late');
		const abusive = await addCard(db, outsider, null, 'something abusive');
		await setCardHidden(db, outsider, abusive, true);
		const room = listen('room');
		const staff = listen('staff');
		await cardsChanged(seeded.workshopId, outsider);
		await settle();
		expect(room.find((d) => d.type === 'cards')?.data).toEqual({
			activityId: outsider,
			cards: [
				{
					id: kept,
					text: 'Meetings run late',
					upvotes: 0,
					valueId: null,
					answered: false,
					starred: false
				}
			]
		});
		const staffWall = staff.find((d) => d.type === 'cards')?.data as { cards: unknown[] };
		expect(staffWall.cards).toHaveLength(2);

		const collect = seeded.activities.collect.id;
		await addCard(db, collect, null, 'Ownership');
		await applyPace(seeded.workshopId, { type: 'goto', index: 0 });
		const current = (await getRoom(seeded.workshopId))!;
		expect(roomSnapshot(current).cards).toBeNull();
		expect(staffSnapshot(current).cards?.cards).toHaveLength(1);
		await applyPace(seeded.workshopId, { type: 'reveal' });
		expect(roomSnapshot(current).cards?.cards.map((c) => c.text)).toEqual(['Ownership']);
	});

	it('stores a change, then reloads the running room and tells everyone', async () => {
		await getRoom(seeded.workshopId);
		const room = listen('room');
		await changeWorkshop(seeded.workshopId, (db) =>
			db.update(workshops).set({ title: 'Kick-off, day two' })
		);
		expect(room.at(-1)).toMatchObject({
			type: 'snapshot',
			data: { workshop: { title: 'Kick-off, day two' } }
		});
	});
});

describe('the minimum group size', () => {
	it('reaches a running workshop the moment it is raised, on every screen', async () => {
		await db.update(organisations).set({ minGroupSize: 3 });
		installLive(db);
		const people = await Promise.all([1, 2, 3].map(() => joinWorkshop(seeded.workshopId, null)));
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const itemId = `${seeded.valueIds[0]}:current`;
		for (const [i, p] of people.entries()) {
			await submitAnswers({
				workshopId: seeded.workshopId,
				address: '192.0.2.1',
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers: { [itemId]: 4 + i }
			});
		}
		await applyPace(seeded.workshopId, { type: 'reveal' });
		const room = (await getRoom(seeded.workshopId))!;
		expect(roomSnapshot(room).results?.counts[itemId]).toBeDefined();

		const staff = listen('staff');
		const everyone = listen('room');
		await changeOrganisation(seeded.orgId, (db) =>
			db.update(organisations).set({ minGroupSize: 5 })
		);
		const lastSnapshot = (seen: { type: string }[]) =>
			seen.findLast((d) => d.type === 'snapshot') as unknown as {
				data: { results: Results | null };
			};
		expect(lastSnapshot(staff).data.results).toMatchObject({ withheld: true, counts: {} });
		expect(lastSnapshot(everyone).data.results).toMatchObject({ withheld: true, counts: {} });
		expect(roomSnapshot((await getRoom(seeded.workshopId))!).results?.withheld).toBe(true);
	});

	it('releases at once what a lowered minimum allows', async () => {
		const people = await Promise.all([1, 2, 3].map(() => joinWorkshop(seeded.workshopId, null)));
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		const itemId = `${seeded.valueIds[0]}:current`;
		for (const p of people) {
			await submitAnswers({
				workshopId: seeded.workshopId,
				address: '192.0.2.1',
				participantToken: p.token,
				activityId: seeded.activities.rate.id,
				answers: { [itemId]: 6 }
			});
		}
		const room = (await getRoom(seeded.workshopId))!;
		// Three of the default five: nothing released.
		expect(staffSnapshot(room).results?.withheld).toBe(true);
		await changeOrganisation(seeded.orgId, (db) =>
			db.update(organisations).set({ minGroupSize: 3 })
		);
		const after = staffSnapshot((await getRoom(seeded.workshopId))!).results;
		expect(after?.counts[itemId]?.[6]).toBe(3);
	});
});
