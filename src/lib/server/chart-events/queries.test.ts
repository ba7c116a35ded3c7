import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actions as orgActions } from '../../../routes/(app)/o/[orgId]/dashboard/+page.server';
import { actions as teamActions } from '../../../routes/(app)/o/[orgId]/t/[teamId]/dashboard/+page.server';
import { addTeamMember, createTeam } from '../accounts/queries';
import type { Role } from '../../domain/culture';
import { database, type Database } from '../db';
import { chartEvents, memberships, users, workshops } from '../db/schema';
import { seedWorkshop } from '../live/testing';
import { addChartEvent, deleteChartEvent, listChartEvents, listChartMarks } from './queries';

let db: Database;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeAll(async () => {
	// The route guards read the app's database: one in memory for this file.
	process.env.DATABASE_URL = ':memory:';
	db = await database();
});
beforeEach(async () => {
	seeded = await seedWorkshop(db, { values: 1 });
});

async function person(role: Role, inTeam: boolean) {
	const id = `${role}-${seeded.orgId}`;
	await db.insert(users).values({ id, email: `${id}@example.org`, name: role, passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role });
	if (inTeam) await addTeamMember(db, seeded.orgId, seeded.teamId, id);
	return { id, email: `${id}@example.org`, name: role };
}

/** A form posted to a dashboard action by `user`, as SvelteKit hands it over. */
function post(user: { id: string }, fields: Record<string, string>, teamId?: string) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const url = new URL(`http://app.test/o/${seeded.orgId}/dashboard`);
	return {
		params: { orgId: seeded.orgId, teamId },
		url,
		locals: { user, session: null },
		request: new Request(url, { method: 'POST', body: form })
	} as never;
}

describe('notes on the charts', () => {
	it("are kept per team or for the organisation, and a scope's list holds only its own", async () => {
		const sales = await createTeam(db, seeded.orgId, 'Sales');
		const org = { orgId: seeded.orgId, teamId: null };
		const support = { orgId: seeded.orgId, teamId: seeded.teamId };
		await addChartEvent(db, org, {
			onDate: '2026-03-01',
			label: 'New director',
			createdBy: seeded.userId
		});
		await addChartEvent(db, support, {
			onDate: '2026-02-01',
			label: 'Reorganisation',
			createdBy: seeded.userId
		});
		await addChartEvent(
			db,
			{ orgId: seeded.orgId, teamId: sales },
			{ onDate: '2026-02-10', label: 'Sales move', createdBy: seeded.userId }
		);
		expect((await listChartEvents(db, org)).map((e) => e.label)).toEqual(['New director']);
		expect((await listChartEvents(db, support)).map((e) => e.label)).toEqual(['Reorganisation']);

		// A workshop that ran is marked on its team's charts and on the organisation's; one not
		// yet started is not; the organisation's charts show no team's own note.
		await db
			.update(workshops)
			.set({ startedAt: new Date('2026-02-20T09:00:00Z') })
			.where(eq(workshops.id, seeded.workshopId));
		expect(await listChartMarks(db, support)).toEqual([
			{ date: '2026-02-01', label: 'Reorganisation', kind: 'note' },
			{ date: '2026-02-20', label: 'Kick-off', kind: 'workshop' }
		]);
		expect(await listChartMarks(db, org)).toEqual([
			{ date: '2026-02-20', label: 'Kick-off', kind: 'workshop' },
			{ date: '2026-03-01', label: 'New director', kind: 'note' }
		]);
		expect(await listChartMarks(db, { orgId: seeded.orgId, teamId: sales })).toEqual([
			{ date: '2026-02-10', label: 'Sales move', kind: 'note' }
		]);
	});

	it("of one scope cannot be deleted through another (nor another organisation's)", async () => {
		const support = { orgId: seeded.orgId, teamId: seeded.teamId };
		const id = await addChartEvent(db, support, {
			onDate: '2026-02-01',
			label: 'Reorganisation',
			createdBy: seeded.userId
		});
		const theirs = await seedWorkshop(db, { values: 1 });
		expect(await deleteChartEvent(db, { orgId: seeded.orgId, teamId: null }, id)).toBe(false);
		expect(await deleteChartEvent(db, { orgId: theirs.orgId, teamId: theirs.teamId }, id)).toBe(
			false
		);
		expect(await deleteChartEvent(db, support, id)).toBe(true);
		expect(await listChartEvents(db, support)).toEqual([]);
	});

	it('are added by an owner; a leader, a viewer or a facilitator of the team cannot add one', async () => {
		const owner = { id: seeded.userId };
		const note = { onDate: '2026-02-01', label: 'Reorganisation' };
		for (const [role, inTeam] of [
			['leader', true],
			['viewer', false],
			['facilitator', true]
		] as const) {
			const user = await person(role, inTeam);
			await expect(teamActions.addEvent(post(user, note, seeded.teamId))).rejects.toMatchObject({
				status: 403
			});
			await expect(orgActions.addEvent(post(user, note))).rejects.toMatchObject({ status: 403 });
		}
		expect(await db.select().from(chartEvents).where(eq(chartEvents.orgId, seeded.orgId))).toEqual(
			[]
		);

		expect(await teamActions.addEvent(post(owner, note, seeded.teamId))).toEqual({
			eventAdded: 'Reorganisation'
		});
		expect(
			await orgActions.addEvent(post(owner, { onDate: '2026-03-01', label: 'New director' }))
		).toEqual({ eventAdded: 'New director' });
		expect(
			(await listChartEvents(db, { orgId: seeded.orgId, teamId: seeded.teamId })).map(
				(e) => e.label
			)
		).toEqual(['Reorganisation']);
		expect(
			(await listChartEvents(db, { orgId: seeded.orgId, teamId: null })).map((e) => e.label)
		).toEqual(['New director']);
	});

	it('refuse a bad day or an empty or too long label with a message next to the field', async () => {
		const owner = { id: seeded.userId };
		const refused = (await teamActions.addEvent(
			post(owner, { onDate: '2026-02-30', label: ' ' }, seeded.teamId)
		)) as unknown as { status: number; data: { errors: Record<string, { code: string }> } };
		expect(refused.status).toBe(400);
		expect(refused.data.errors).toEqual({
			onDate: { code: 'invalid' },
			label: { code: 'required' }
		});
		const long = (await teamActions.addEvent(
			post(owner, { onDate: '2026-02-03', label: 'x'.repeat(81) }, seeded.teamId)
		)) as unknown as { data: { errors: Record<string, { code: string; limit?: number }> } };
		expect(long.data.errors.label).toEqual({ code: 'too_long', limit: 80 });
	});
});
