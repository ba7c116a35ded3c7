import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db';
import { participants } from '../db/schema';
import { testDatabase } from '../db/testing';
import { applyPace } from '../live/rooms';
import { installLive, seedWorkshop } from '../live/testing';
import { joinByCode } from '../live/join';
import { JOINS_PER_ADDRESS } from '../live/limits';
import { joinFromForm } from './join';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let address = 0;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db);
	installLive(db);
	address++;
});
afterEach(() => close());

const join = (code: unknown, nickname: unknown = '', held: Record<string, string> = {}) =>
	joinFromForm({ code, nickname, address: `10.0.0.${address}`, currentToken: (id) => held[id] });

describe('joinFromForm', () => {
	it('forgives case, spaces and dashes, and joins', async () => {
		const typed = `${seeded.joinCode.slice(0, 3).toLowerCase()} - ${seeded.joinCode.slice(3)}`;
		const joined = await join(typed, '  Ann ');
		expect(joined).toMatchObject({ ok: true, workshopId: seeded.workshopId });
		expect(joined.ok && joined.token).toBeTruthy();
		expect((await db.select().from(participants))[0].nickname).toBe('Ann');
	});

	it('stores a nickname without NUL or bidi overrides, from the form and the JSON endpoint', async () => {
		expect(await join(seeded.joinCode, '\u0000An\u202en\u2066')).toMatchObject({ ok: true });
		const viaJson = await joinByCode({
			code: seeded.joinCode,
			nickname: 'B\u0000e\u202ea\u2069',
			address: `10.0.1.${address}`,
			currentToken: () => undefined
		});
		expect(viaJson).toMatchObject({ ok: true });
		const stored = (await db.select().from(participants)).map((p) => p.nickname).sort();
		expect(stored).toEqual(['Ann', 'Bea']);
	});

	it('lets a device that already joined back in as the same participant', async () => {
		const first = await join(seeded.joinCode);
		const token = first.ok ? first.token! : '';
		expect(await join(seeded.joinCode, '', { [seeded.workshopId]: token })).toEqual({
			ok: true,
			workshopId: seeded.workshopId,
			entry: 'joined',
			token: null
		});
		expect(await db.select().from(participants)).toHaveLength(1);
	});

	it('says what is wrong with the code, next to the code', async () => {
		expect(await join('ABC')).toEqual({
			ok: false,
			status: 400,
			field: 'code',
			problem: { code: 'malformed_code' }
		});
		expect(await join('OOOOOO')).toMatchObject({
			status: 400,
			problem: { code: 'malformed_code' }
		});
		expect(await join(seeded.joinCode === 'ACDEFG' ? 'ACDEFH' : 'ACDEFG')).toMatchObject({
			status: 404,
			field: 'code',
			problem: { code: 'unknown_code' }
		});
		await applyPace(seeded.workshopId, { type: 'end' });
		expect(await join(seeded.joinCode)).toMatchObject({
			status: 410,
			field: 'code',
			problem: { code: 'workshop_ended' }
		});
		expect(await db.select().from(participants)).toHaveLength(0);
	});

	it('refuses a nickname over 40 characters, next to the nickname', async () => {
		expect(await join(seeded.joinCode, 'n'.repeat(41))).toMatchObject({
			status: 400,
			field: 'nickname',
			problem: { code: 'invalid_nickname', limit: 40 }
		});
		expect(await db.select().from(participants)).toHaveLength(0);
	});

	it('stops one address creating participants by the thousand', async () => {
		// The clock stands still, so no tokens flow back in while the loop runs.
		vi.spyOn(performance, 'now').mockReturnValue(performance.now());
		for (let i = 0; i < JOINS_PER_ADDRESS.burst; i++) {
			const joined = await join(seeded.joinCode);
			if (!joined.ok) throw new Error(`join ${i} refused: ${joined.problem.code}`);
		}
		expect(await join(seeded.joinCode)).toMatchObject({
			status: 429,
			problem: { code: 'rate_limited' }
		});
		vi.restoreAllMocks();
	});
});
