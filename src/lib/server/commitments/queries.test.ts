import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamMember, createTeam } from '../accounts/queries';
import type { Database } from '../db';
import {
	commitmentCheckins,
	commitments,
	cultureValues,
	memberships,
	organisations,
	teams,
	users,
	workshops
} from '../db/schema';
import { testDatabase } from '../db/testing';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { seedWorkshop } from '../live/testing';
import { addCommitment } from '../workshops/queries';
import {
	addCheckin,
	closeCommitment,
	createCommitment,
	extendCommitment,
	getCommitment,
	listCheckins,
	listCommitmentRecords,
	listExtensions,
	listReviewItems,
	listTeamCommitments,
	listTeamLeaders
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let leaderId: string;

async function person(role: 'leader' | 'viewer', name: string, inTeam = true) {
	const id = newId();
	await db.insert(users).values({ id, email: `${id}@example.org`, name, passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role });
	if (inTeam) await addTeamMember(db, seeded.orgId, seeded.teamId, id);
	return id;
}

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	leaderId = await person('leader', 'Lena');
});
afterEach(() => close());

const fields = () => ({
	teamId: seeded.teamId,
	leaderId,
	valueId: seeded.valueIds[0],
	action: 'Open every retro with my own mistake',
	signal: 'Retro notes start with mine',
	dueOn: '2026-06-30'
});

describe('commitments', () => {
	it('lists hand-written and workshop commitments together, open ones first', async () => {
		const byHand = await createCommitment(db, { ...fields(), dueOn: '2026-07-01' });
		const fromWorkshop = await addCommitment(db, {
			...fields(),
			workshopId: seeded.workshopId,
			dueOn: '2026-05-01'
		});
		expect(await closeCommitment(db, seeded.teamId, byHand, { status: 'done' })).toBe(true);
		await addCheckin(db, {
			commitmentId: fromWorkshop,
			authorId: leaderId,
			did: 'Did it on Monday',
			happenedOn: '2026-04-06'
		});
		const list = await listTeamCommitments(db, seeded.teamId);
		expect(list.map((c) => [c.id, c.status, c.checkins, c.workshopTitle])).toEqual([
			[fromWorkshop, 'open', 1, 'Kick-off'],
			[byHand, 'done', 0, null]
		]);
		expect(list[0]).toMatchObject({ leaderName: 'Lena', valueName: 'Value 1' });
		expect(await listTeamCommitments(db, seeded.teamId, { status: 'done' })).toHaveLength(1);
		expect(await listTeamCommitments(db, seeded.teamId, { leaderId: 'nobody' })).toHaveLength(0);
		expect(await listCheckins(db, fromWorkshop)).toEqual([
			expect.objectContaining({ did: 'Did it on Monday', authorName: 'Lena' })
		]);
	});

	it('only takes the team’s own leaders and active values', async () => {
		const viewer = await person('viewer', 'Vic');
		const outsider = await person('leader', 'Out', false);
		expect((await listTeamLeaders(db, seeded.teamId)).map((l) => l.name)).toEqual(['Lena']);
		for (const leader of [viewer, outsider]) {
			await expect(createCommitment(db, { ...fields(), leaderId: leader })).rejects.toEqual(
				new DomainError('not_found', 'leader')
			);
		}
		const otherTeam = await createTeam(db, seeded.orgId, 'Other');
		const foreign = newId();
		await db
			.insert(cultureValues)
			.values({ id: foreign, teamId: otherTeam, name: 'X', nameKey: 'x', position: 0 });
		await db
			.update(cultureValues)
			.set({ archivedAt: new Date() })
			.where(eq(cultureValues.id, seeded.valueIds[1]));
		for (const valueId of [foreign, seeded.valueIds[1]]) {
			await expect(createCommitment(db, { ...fields(), valueId })).rejects.toEqual(
				new DomainError('not_found', 'value')
			);
		}
		expect(await db.select().from(commitments)).toHaveLength(0);
	});

	it('closes an open commitment once, within its own team only', async () => {
		const id = await createCommitment(db, fields());
		const otherTeam = await createTeam(db, seeded.orgId, 'Other');
		expect(await closeCommitment(db, otherTeam, id, { status: 'done' })).toBe(false);
		const at = new Date('2026-04-01T10:00:00Z');
		expect(
			await closeCommitment(db, seeded.teamId, id, { status: 'dropped', reason: 'Reorg' }, at)
		).toBe(true);
		expect(await closeCommitment(db, seeded.teamId, id, { status: 'done' })).toBe(false);
		expect(await getCommitment(db, seeded.teamId, id)).toMatchObject({
			status: 'dropped',
			droppedAt: at,
			dropReason: 'Reorg',
			doneAt: null
		});
		expect(await getCommitment(db, otherTeam, id)).toBeNull();
		expect(await listCommitmentRecords(db, [seeded.teamId])).toEqual([
			expect.objectContaining({ status: 'dropped', droppedAt: +at, leaderId })
		]);
	});

	it('goes with its team and organisation', async () => {
		const id = await createCommitment(db, fields());
		await addCheckin(db, {
			commitmentId: id,
			authorId: leaderId,
			did: 'x',
			happenedOn: '2026-04-01'
		});
		await db.delete(teams).where(eq(teams.id, seeded.teamId));
		expect(await db.select().from(commitments)).toHaveLength(0);
		expect(await db.select().from(commitmentCheckins)).toHaveLength(0);
		await db.delete(organisations).where(eq(organisations.id, seeded.orgId));
	});
});

describe('extendCommitment', () => {
	it('moves the due date, keeps the original and every extension, and only for an open one of its team', async () => {
		const id = await createCommitment(db, fields());
		const move = (fromDueOn: string, toDueOn: string, teamId = seeded.teamId) =>
			extendCommitment(db, teamId, id, {
				fromDueOn,
				toDueOn,
				reason: 'Launch moved',
				authorId: leaderId
			});
		expect(await move('2026-06-30', '2026-07-31')).toBe(true);
		expect(await move('2026-07-31', '2026-09-30')).toBe(true);
		// A stale form (the date moved meanwhile) or another team's id changes nothing.
		expect(await move('2026-07-31', '2026-12-31')).toBe(false);
		const other = await createTeam(db, seeded.orgId, 'Other');
		expect(await move('2026-09-30', '2026-12-31', other)).toBe(false);

		const stored = await getCommitment(db, seeded.teamId, id);
		expect(stored).toMatchObject({ dueOn: '2026-09-30', originalDueOn: '2026-06-30' });
		expect(
			(await listExtensions(db, id)).map((e) => [e.fromDueOn, e.toDueOn, e.authorName])
		).toEqual([
			['2026-06-30', '2026-07-31', 'Lena'],
			['2026-07-31', '2026-09-30', 'Lena']
		]);
		const [record] = await listCommitmentRecords(db, [seeded.teamId]);
		expect(record).toMatchObject({ dueOn: '2026-09-30', originalDueOn: '2026-06-30' });

		expect(await closeCommitment(db, seeded.teamId, id, { status: 'done' })).toBe(true);
		expect(await move('2026-09-30', '2026-12-31')).toBe(false);
		expect(await listExtensions(db, id)).toHaveLength(2);
	});
});

describe('listReviewItems', () => {
	it('looks back on what was made since the last workshop, and on what is still open', async () => {
		const now = new Date('2026-05-15T10:00:00Z');
		const old = await createCommitment(db, { ...fields(), action: 'Old, done' });
		const stillOpen = await createCommitment(db, {
			...fields(),
			action: 'Old, open',
			dueOn: '2026-05-01'
		});
		await closeCommitment(db, seeded.teamId, old, { status: 'done' });
		await db
			.update(commitments)
			.set({ createdAt: new Date('2026-01-01T00:00:00Z') })
			.where(inArray(commitments.id, [old, stillOpen]));
		await db
			.update(workshops)
			.set({ startedAt: new Date('2026-03-01T00:00:00Z') })
			.where(eq(workshops.id, seeded.workshopId));
		const recent = await createCommitment(db, { ...fields(), action: 'Recent, dropped' });
		await closeCommitment(db, seeded.teamId, recent, { status: 'dropped', reason: 'x' });
		expect(await listReviewItems(db, seeded.teamId, now)).toEqual([
			{ leaderName: 'Lena', action: 'Old, open', status: 'open', overdue: true },
			{ leaderName: 'Lena', action: 'Recent, dropped', status: 'dropped', overdue: false }
		]);
	});
});
