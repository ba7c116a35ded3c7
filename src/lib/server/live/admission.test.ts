import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAccessCodes } from '../access-codes/queries';
import type { Database } from '../db';
import { accessCodes, joinRequests, participants } from '../db/schema';
import { testDatabase } from '../db/testing';
import {
	admitWaiting,
	entryState,
	printAccessCodes,
	refuseWaiting,
	setExpectedHeadCount,
	setVerified,
	voidAccessCodes
} from './admission';
import { joinByCode } from './join';
import { participantByToken } from './participants';
import { applyPace, getRoom, staffSnapshot } from './rooms';
import { installLive, seedWorkshop } from './testing';
import { submitAnswers } from './votes';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let address = 0;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
	installLive(db);
});
afterEach(() => close());

/** A fresh device (no cookie) from its own address. */
const join = (accessCode: string | null = null, nickname: string | null = null) =>
	joinByCode({
		code: seeded.joinCode,
		nickname,
		accessCode,
		address: `10.1.0.${++address % 250}`,
		currentToken: () => undefined
	});

const tokenOf = (result: Awaited<ReturnType<typeof join>>) => (result.ok ? result.token! : '');

async function answer(token: string) {
	return submitAnswers({
		workshopId: seeded.workshopId,
		address: '192.0.2.1',
		participantToken: token,
		activityId: seeded.activities.rate.id,
		answers: { [`${seeded.valueIds[0]}:current`]: 3 }
	}).then(
		(stored) => stored,
		(error: { code: string }) => error.code
	);
}

async function rating() {
	await applyPace(seeded.workshopId, { type: 'start' });
	await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
}

describe('a verified room', () => {
	beforeEach(async () => {
		expect(await setVerified(seeded.workshopId, true)).toBe(true);
	});

	it('refuses a device without a code, or with a code it never printed', async () => {
		expect(await join()).toMatchObject({
			ok: false,
			status: 403,
			body: { error: 'access_code_required' }
		});
		expect(await join('ABCDE-FGHJK')).toMatchObject({
			ok: false,
			status: 403,
			body: { error: 'access_code_invalid' }
		});
		expect(await db.select().from(participants)).toHaveLength(0);
	});

	it('lets a code in once: a second device with the same code is refused', async () => {
		const [code] = (await printAccessCodes(seeded.workshopId, 2))!;
		const first = await join(code.toLowerCase());
		expect(first).toMatchObject({ ok: true, entry: 'joined' });
		expect(await join(code)).toMatchObject({ ok: false, body: { error: 'access_code_invalid' } });
		expect(await db.select().from(participants)).toHaveLength(1);
		expect(await countAccessCodes(db, { workshopId: seeded.workshopId })).toEqual({
			printed: 2,
			used: 1,
			unused: 1,
			voided: 0
		});
	});

	it('lets exactly one of twenty devices in that spend the same code at the same instant', async () => {
		const [code] = (await printAccessCodes(seeded.workshopId, 1))!;
		const results = await Promise.all(Array.from({ length: 20 }, () => join(code)));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await db.select().from(participants)).toHaveLength(1);
	});

	it('stores nothing that links a code to the participant who spent it', async () => {
		const codes = (await printAccessCodes(seeded.workshopId, 3))!;
		const joined = await join(codes[1], 'Ann');
		const [person] = await db.select().from(participants);
		const rows = await db.select().from(accessCodes);
		// Only a hash, the workshop (or pulse) and a state: no participant, no time, not the code.
		expect(Object.keys(rows[0]).sort()).toEqual(['codeHash', 'pulseId', 'state', 'workshopId']);
		const stored = JSON.stringify(rows);
		for (const secret of [person.id, person.tokenHash, tokenOf(joined), ...codes]) {
			expect(stored).not.toContain(secret);
		}
		// Staff see counts only, never which code was used.
		const room = (await getRoom(seeded.workshopId))!;
		const seen = JSON.stringify(staffSnapshot(room));
		expect(staffSnapshot(room).admission.codes).toMatchObject({ printed: 3, used: 1, unused: 2 });
		for (const row of rows) expect(seen).not.toContain(row.codeHash);
		for (const code of codes) expect(seen).not.toContain(code);
	});

	it('voided codes no longer work', async () => {
		const [code] = (await printAccessCodes(seeded.workshopId, 1))!;
		expect(await voidAccessCodes(seeded.workshopId)).toBe(1);
		expect(await join(code)).toMatchObject({ ok: false, body: { error: 'access_code_invalid' } });
	});

	it('is switched on or off only before anyone joined', async () => {
		const [code] = (await printAccessCodes(seeded.workshopId, 1))!;
		expect(await join(code)).toMatchObject({ ok: true });
		expect(await setVerified(seeded.workshopId, false)).toBe(false);
		expect((await getRoom(seeded.workshopId))!.admission.verified).toBe(true);
		expect(await join()).toMatchObject({ ok: false, body: { error: 'access_code_required' } });
	});

	it('cannot be switched on once someone joined an open room', async () => {
		expect(await setVerified(seeded.workshopId, false)).toBe(true);
		expect(await join()).toMatchObject({ ok: true });
		expect(await setVerified(seeded.workshopId, true)).toBe(false);
		expect((await getRoom(seeded.workshopId))!.admission.verified).toBe(false);
	});
});

describe('the expected head count', () => {
	it('makes joins beyond it wait: they cannot answer until admitted', async () => {
		await setExpectedHeadCount(seeded.workshopId, 2);
		await rating();
		const [a, b] = [await join(), await join()];
		expect([a, b].map((r) => r.ok && r.entry)).toEqual(['joined', 'joined']);
		const late = await join(null, 'Carl');
		expect(late).toMatchObject({ ok: true, entry: 'waiting' });
		const token = tokenOf(late);

		expect(await participantByToken(seeded.workshopId, token)).toBeNull();
		expect(await answer(token)).toBe('not_joined');
		expect(await entryState(seeded.workshopId, token)).toBe('waiting');
		const room = (await getRoom(seeded.workshopId))!;
		expect(room.joined).toBe(2);
		// Nicknames are hidden from the room, so staff do not see the waiting one's either.
		expect(staffSnapshot(room).admission.waiting).toEqual([
			{ id: expect.any(String), nickname: null }
		]);

		expect(await admitWaiting(seeded.workshopId, 'all')).toBe(1);
		expect(await answer(token)).toEqual({ stored: 1 });
		expect(room.joined).toBe(3);
		expect(staffSnapshot(room).admission.waiting).toEqual([]);
		expect(await db.select().from(joinRequests)).toHaveLength(0);
	});

	it('keeps a refused device out, and tells it so', async () => {
		await setExpectedHeadCount(seeded.workshopId, 1);
		await rating();
		await join();
		const late = await join();
		const [request] = await db.select().from(joinRequests);
		expect(await refuseWaiting(seeded.workshopId, [request.id])).toBe(1);
		expect(await entryState(seeded.workshopId, tokenOf(late))).toBe('refused');
		expect(await answer(tokenOf(late))).toBe('not_joined');
		expect(await admitWaiting(seeded.workshopId, 'all')).toBe(0);
	});

	it('holds in a rush: twenty devices at once against a head count of five', async () => {
		await setExpectedHeadCount(seeded.workshopId, 5);
		const results = await Promise.all(Array.from({ length: 20 }, () => join()));
		expect(results.filter((r) => r.ok && r.entry === 'joined')).toHaveLength(5);
		expect(results.filter((r) => r.ok && r.entry === 'waiting')).toHaveLength(15);
		expect(await db.select().from(participants)).toHaveLength(5);
	});

	it('a waiting device that joins again is not counted twice', async () => {
		await setExpectedHeadCount(seeded.workshopId, 1);
		await join();
		const late = await join();
		const again = await joinByCode({
			code: seeded.joinCode,
			nickname: null,
			address: '10.2.0.1',
			currentToken: () => tokenOf(late)
		});
		expect(again).toEqual({
			ok: true,
			workshopId: seeded.workshopId,
			entry: 'waiting',
			token: null
		});
		expect(await db.select().from(joinRequests)).toHaveLength(1);
	});
});
