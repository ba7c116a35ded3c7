import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamMember } from '../accounts/queries';
import { loadOrgDashboard } from '../dashboard/queries';
import type { Database } from '../db';
import { memberships, shareLinks, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { hashToken, newId } from '../ids';
import { seedWorkshop } from '../live/testing';
import { WRONG_CODES_PER_ADDRESS } from '../live/limits';
import { createPulse, getPulse, listItems, savePulseResponse } from '../pulses/queries';
import { loadSharedDashboard } from './dashboard';
import { openSharedLink } from './open';
import { createShareLink, listShareLinks, openShareLink, revokeShareLink } from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
});
afterEach(() => close());

const TODAY = '2026-03-10';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const org = () => ({ id: seeded.orgId, name: 'Acme', minGroupSize: 3 });

function link(overrides: Partial<Parameters<typeof createShareLink>[1]> = {}) {
	return createShareLink(db, {
		orgId: seeded.orgId,
		label: 'Works council',
		sections: ['figures', 'trends', 'teams', 'leaders'],
		includeLeaderScores: false,
		expiresOn: null,
		createdBy: seeded.userId,
		...overrides
	});
}

/** A pulse on `opensOn` answered once per list of scores: value 1, value 2, leaders, eNPS. */
async function answered(opensOn: string, answers: number[][], withLeaders = false) {
	const id = await createPulse(db, {
		teamId: seeded.teamId,
		opensOn,
		closesOn: opensOn,
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId,
		withLeaders
	});
	const pulse = (await getPulse(db, seeded.teamId, id))!;
	const items = await listItems(db, id);
	for (const [i, scores] of answers.entries()) {
		await savePulseResponse(db, {
			pulse,
			tokenHash: `${id}-${i}`,
			scores: new Map(scores.map((s, k) => [items[k].id, s])),
			open: ''
		});
	}
}

async function leader(name: string) {
	const id = newId();
	await db.insert(users).values({ id, email: `${id}@example.org`, name, passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role: 'leader' });
	await addTeamMember(db, seeded.orgId, seeded.teamId, id);
	return id;
}

describe('share links', () => {
	it('stores only the SHA-256 of the token, which opens the link', async () => {
		const { id, token } = await link();
		const [row] = await db.select().from(shareLinks).where(eq(shareLinks.id, id));
		expect(row.tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);
		expect(await openShareLink(db, token, TODAY)).toMatchObject({
			org: { id: seeded.orgId },
			label: 'Works council',
			sections: ['figures', 'trends', 'teams', 'leaders'],
			includeLeaderScores: false
		});
		expect(await openShareLink(db, hashToken(token), TODAY)).toBeNull();
		// The owner's list never holds the token or its hash.
		expect(JSON.stringify(await listShareLinks(db, seeded.orgId))).not.toMatch(
			new RegExp(`${token}|${row.tokenHash}`)
		);
	});

	it('refuses revoked and expired links alike; a link opens through its last day', async () => {
		const revoked = await link();
		expect(await revokeShareLink(db, 'another-org', revoked.id)).toBe(false);
		expect(await openShareLink(db, revoked.token, TODAY)).not.toBeNull();
		expect(await revokeShareLink(db, seeded.orgId, revoked.id)).toBe(true);
		expect(await openShareLink(db, revoked.token, TODAY)).toBeNull();
		expect(await revokeShareLink(db, seeded.orgId, revoked.id)).toBe(false);

		const lastDay = await link({ expiresOn: TODAY });
		expect(await openShareLink(db, lastDay.token, TODAY)).not.toBeNull();
		expect(await openShareLink(db, lastDay.token, '2026-03-11')).toBeNull();

		const address = '198.51.100.1';
		for (const token of [revoked.token, 'no-such-token']) {
			expect(await openSharedLink(db, { token, address, today: TODAY })).toEqual({
				ok: false,
				status: 404
			});
		}
		expect(
			await openSharedLink(db, { token: lastDay.token, address, today: '2026-03-11' })
		).toEqual({ ok: false, status: 404 });
	});

	it('throttles guesses per address as join codes are; a link that opened before stays open', async () => {
		const good = await link();
		const known = await link({ label: 'Board' });
		const address = '203.0.113.9';
		expect((await openSharedLink(db, { token: known.token, address, today: TODAY })).ok).toBe(true);
		for (let i = 0; i < WRONG_CODES_PER_ADDRESS.burst; i++) {
			const r = await openSharedLink(db, { token: `guess-${i}`, address, today: TODAY });
			expect(r).toEqual({ ok: false, status: 404 });
		}
		const refused = await openSharedLink(db, { token: good.token, address, today: TODAY });
		expect(refused).toMatchObject({ ok: false, status: 429 });
		expect((await openSharedLink(db, { token: known.token, address, today: TODAY })).ok).toBe(true);
		// Another address is not affected.
		const other = await openSharedLink(db, {
			token: good.token,
			address: '203.0.113.10',
			today: TODAY
		});
		expect(other.ok).toBe(true);
	});
});

describe('the shared dashboard', () => {
	it('shows leader scores only when the link says so, and never leader ids', async () => {
		const ann = await leader('Ann');
		const bo = await leader('Bo');
		// [value 1, value 2, Ann, Bo, eNPS]: Ann 2 of 3 favourable, Bo 2 of 3.
		await answered(
			'2026-01-05',
			[
				[5, 2, 5, 2, 10],
				[4, 4, 4, 4, 9],
				[1, 3, 2, 5, 3]
			],
			true
		);
		const shown = { sections: ['leaders'] as const, org: org() };
		const without = await loadSharedDashboard(
			db,
			{ ...shown, includeLeaderScores: false },
			{ now: NOW, period: { kind: 'pulse' } }
		);
		expect(without.leaders?.withScores).toBe(false);
		expect(without.leaders?.rows.map((r) => [r.name, r.seen])).toEqual([
			['Ann', null],
			['Bo', null]
		]);
		const text = JSON.stringify(without);
		expect(text).not.toMatch(/favourable|answers|asOf/);
		expect(text).not.toContain(ann);
		expect(text).not.toContain(bo);
		// Sections not chosen are not loaded into the page at all.
		expect([without.figures, without.trends, without.teams]).toEqual([null, null, null]);

		const withScores = await loadSharedDashboard(
			db,
			{ ...shown, includeLeaderScores: true },
			{ now: NOW, period: { kind: 'pulse' } }
		);
		expect(withScores.leaders?.rows.map((r) => [r.name, r.seen?.favourable])).toEqual([
			['Ann', (2 * 100) / 3],
			['Bo', (2 * 100) / 3]
		]);
		expect(JSON.stringify(withScores)).not.toContain(ann);
	});

	it('obeys the minimum group size exactly as the organisation dashboard does', async () => {
		await answered('2026-01-05', [
			[5, 2, 10],
			[4, 4, 9],
			[1, 3, 3]
		]);
		// February: two answered, fewer than the minimum of 3.
		await answered('2026-02-02', [
			[5, 5, 10],
			[5, 5, 10]
		]);
		const shared = await loadSharedDashboard(
			db,
			{ org: org(), sections: ['figures', 'trends', 'teams'], includeLeaderScores: false },
			{ now: NOW, period: { kind: 'pulse' } }
		);
		const dashboard = await loadOrgDashboard(db, {
			orgId: seeded.orgId,
			minGroupSize: 3,
			now: NOW,
			period: { kind: 'pulse' }
		});
		expect(shared.trends?.months).toEqual(dashboard.months);
		expect(shared.trends?.months.map((p) => [p.date, p.favourable, p.hidden?.n ?? null])).toEqual([
			['2026-01', 50, null],
			['2026-02', null, 2]
		]);
		expect(shared.figures?.comparison).toEqual(dashboard.comparison);
		expect(shared.teams?.map((t) => t.inPeriod)).toEqual(dashboard.teams.map((t) => t.inPeriod));
		// The team falls back to January's pulse and says February's was withheld.
		const support = shared.teams![0].inPeriod;
		expect(support.favourable).toBe(50);
		expect(support.withheld).toEqual([{ date: '2026-02-02', n: 2 }]);
		// Nothing of February's two answers is anywhere in what the page receives.
		const text = JSON.stringify(shared);
		expect(text).not.toMatch(/"favourable":100/);
	});
});
