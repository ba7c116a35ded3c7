/**
 * Verified pulses: a device's first answer spends a printed one-time code, in the transaction
 * that stores the answer; later answers of the same device need none.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_CODE_LIMITS } from '../../domain/access-codes';
import type { Database } from '../db';
import { accessCodes, pulseResponses, pulses } from '../db/schema';
import { countAccessCodes, createAccessCodes, voidUnusedCodes } from '../access-codes/queries';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import {
	countResponses,
	createPulse,
	getReleaseStatus,
	listItems,
	savePulseResponse,
	setPulseVerified
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
});
afterEach(() => close());

async function verifiedPulse(verified = true) {
	const id = await createPulse(db, {
		teamId: seeded.teamId,
		opensOn: '2026-03-02',
		closesOn: '2026-03-08',
		cadenceWeeks: 4,
		openQuestion: 'What would you change?',
		withSafety: false,
		verified,
		createdBy: seeded.userId
	});
	const items = await listItems(db, id);
	const scores = new Map(items.map((i) => [i.id, i.kind === 'enps' ? 8 : 4]));
	const answer = (tokenHash: string, accessCode?: string | null, open = '') =>
		savePulseResponse(db, {
			pulse: { id, teamId: seeded.teamId },
			tokenHash,
			scores,
			open,
			accessCode
		});
	return { id, items, scores, answer };
}

describe('verified pulses', () => {
	it("refuse a device's first answer without a code, or with an unknown one", async () => {
		const pulse = await verifiedPulse();
		const [code] = (await createAccessCodes(db, { pulseId: pulse.id }, 1))!;
		expect(await pulse.answer('a')).toEqual({ refused: 'access_code_required' });
		expect(await pulse.answer('a', '')).toEqual({ refused: 'access_code_required' });
		expect(await pulse.answer('a', 'ABCDE-FGHJK')).toEqual({ refused: 'access_code_invalid' });
		expect(await pulse.answer('a', 'not a code')).toEqual({ refused: 'access_code_invalid' });
		expect(await countResponses(db, pulse.id)).toBe(0);
		// A code of another pulse, or of a workshop, does not open this one.
		const other = await verifiedPulse();
		const [theirs] = (await createAccessCodes(db, { pulseId: other.id }, 1))!;
		const [room] = (await createAccessCodes(db, { workshopId: seeded.workshopId }, 1))!;
		expect(await pulse.answer('a', theirs)).toEqual({ refused: 'access_code_invalid' });
		expect(await pulse.answer('a', room)).toEqual({ refused: 'access_code_invalid' });
		expect(await countAccessCodes(db, { pulseId: pulse.id })).toMatchObject({ unused: 1 });
		// The right code, typed loosely, lets the device answer once and change it freely.
		expect(await pulse.answer('a', code.toLowerCase().replace(/^(.{5})/, '$1-'))).toEqual({
			replaced: false
		});
		expect(await pulse.answer('a')).toEqual({ replaced: true });
		expect(await pulse.answer('a', 'whatever was left in the field')).toEqual({ replaced: true });
		expect(await countResponses(db, pulse.id)).toBe(1);
		expect(await countAccessCodes(db, { pulseId: pulse.id })).toEqual({
			printed: 1,
			used: 1,
			unused: 0,
			voided: 0
		});
	});

	it('let a code in once, however many devices send it at the same time', async () => {
		const pulse = await verifiedPulse();
		const [code, spare] = (await createAccessCodes(db, { pulseId: pulse.id }, 2))!;
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => pulse.answer(`device-${i}`, code))
		);
		expect(results.filter((r) => 'replaced' in r)).toHaveLength(1);
		expect(results.filter((r) => r.refused === 'access_code_invalid')).toHaveLength(19);
		expect(await countResponses(db, pulse.id)).toBe(1);
		// A used code stays used for a second device; the other code still works.
		expect(await pulse.answer('late', code)).toEqual({ refused: 'access_code_invalid' });
		expect(await pulse.answer('late', spare)).toEqual({ replaced: false });
	});

	it('never spend a code on an answer that could not be stored', async () => {
		const pulse = await verifiedPulse();
		const [code] = (await createAccessCodes(db, { pulseId: pulse.id }, 1))!;
		// A score for an item that does not exist breaks a foreign key after the code was spent.
		const broken = savePulseResponse(db, {
			pulse: { id: pulse.id, teamId: seeded.teamId },
			tokenHash: 'a',
			scores: new Map([['no-such-item', 3]]),
			open: '',
			accessCode: code
		});
		await expect(broken).rejects.toThrow();
		expect(await countAccessCodes(db, { pulseId: pulse.id })).toMatchObject({
			used: 0,
			unused: 1
		});
		expect(await countResponses(db, pulse.id)).toBe(0);
		expect(await pulse.answer('a', code)).toEqual({ replaced: false });
	});

	it('refuse voided codes, and count printed, used and unused without saying which', async () => {
		const pulse = await verifiedPulse();
		const codes = (await createAccessCodes(db, { pulseId: pulse.id }, 5))!;
		await pulse.answer('a', codes[0]);
		await pulse.answer('b', codes[1]);
		expect(await voidUnusedCodes(db, { pulseId: pulse.id })).toBe(3);
		expect(await pulse.answer('c', codes[2])).toEqual({ refused: 'access_code_invalid' });
		expect(await countAccessCodes(db, { pulseId: pulse.id })).toEqual({
			printed: 5,
			used: 2,
			unused: 0,
			voided: 3
		});
		// The workshop's codes are counted apart.
		expect(await countAccessCodes(db, { workshopId: seeded.workshopId })).toMatchObject({
			printed: 0
		});
	});

	it('print no more than the limits, also when several batches are made at once', async () => {
		const pulse = await verifiedPulse();
		const { batch, total } = ACCESS_CODE_LIMITS;
		expect(await createAccessCodes(db, { pulseId: pulse.id }, batch + 50)).toHaveLength(batch);
		const batches = await Promise.all(
			Array.from({ length: total / batch + 2 }, () =>
				createAccessCodes(db, { pulseId: pulse.id }, batch)
			)
		);
		expect(batches.filter((b) => b === null)).toHaveLength(3);
		expect((await countAccessCodes(db, { pulseId: pulse.id })).printed).toBe(total);
	});

	it('store nothing that links a code to a response', async () => {
		const pulse = await verifiedPulse();
		const [code] = (await createAccessCodes(db, { pulseId: pulse.id }, 1))!;
		await pulse.answer('a', code);
		const [stored] = await db.select().from(accessCodes);
		expect(Object.keys(stored).sort()).toEqual(['codeHash', 'pulseId', 'state', 'workshopId']);
		const [response] = await db.select().from(pulseResponses);
		expect(Object.values(response)).not.toContain(stored.codeHash);
		expect(JSON.stringify(response)).not.toContain(code);
	});

	it('can be made verified or open only while nobody has answered', async () => {
		const pulse = await verifiedPulse(false);
		expect(await setPulseVerified(db, pulse.id, true)).toBe(true);
		expect(await setPulseVerified(db, pulse.id, false)).toBe(true);
		// Open: anyone answers without a code.
		expect(await pulse.answer('a')).toEqual({ replaced: false });
		expect(await setPulseVerified(db, pulse.id, true)).toBe(false);
		const [row] = await db.select().from(pulses).where(eq(pulses.id, pulse.id));
		expect(row.verified).toBe(false);

		const verified = await verifiedPulse();
		const [code] = (await createAccessCodes(db, { pulseId: verified.id }, 1))!;
		await verified.answer('a', code);
		expect(await setPulseVerified(db, verified.id, false)).toBe(false);
		// Still verified: a new device without a code is refused.
		expect(await verified.answer('b')).toEqual({ refused: 'access_code_required' });
	});

	it('count only people who paid with a code towards the minimum group size', async () => {
		const pulse = await verifiedPulse();
		const codes = (await createAccessCodes(db, { pulseId: pulse.id }, 3))!;
		for (let i = 0; i < 10; i++) await pulse.answer(`script-${i}`);
		for (const [i, code] of codes.entries()) await pulse.answer(`person-${i}`, code);
		expect(await countResponses(db, pulse.id)).toBe(3);
		expect((await getReleaseStatus(db, pulse.id)).responses).toBe(3);
	});
});
