import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamMember } from '../accounts/queries';
import type { SessionUser } from '../auth/session';
import type { Database } from '../db';
import { commitments, memberships, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { newId } from '../ids';
import { applyPace, getRoom, type Room } from '../live/rooms';
import { installLive, seedWorkshop } from '../live/testing';
import { addActivity, listWorkshopCommitments } from '../workshops/queries';
import { makeCommitment, mayCommit } from './commitments';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let room: Room;
let commitId: string;
const now = new Date('2026-03-15T10:00:00Z');

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
	commitId = await addActivity(db, seeded.workshopId, {
		kind: 'commit',
		title: 'Commit',
		prompt: '',
		config: { kind: 'commit', valueIds: seeded.valueIds }
	});
	installLive(db);
	room = (await getRoom(seeded.workshopId))!;
});
afterEach(() => close());

async function staff(role: 'leader' | 'facilitator' | 'viewer' | 'owner', inTeam: boolean) {
	const id = newId();
	await db.insert(users).values({ id, email: `${id}@example.org`, name: role, passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role });
	if (inTeam) await addTeamMember(db, seeded.orgId, seeded.teamId, id);
	return { id, email: `${id}@example.org`, name: role } as SessionUser;
}

async function atCommit() {
	await applyPace(seeded.workshopId, { type: 'start' });
	await applyPace(seeded.workshopId, { type: 'goto', index: 4 });
}

const fields = {
	valueId: '',
	action: '  Say "I got this wrong"   in every retro ',
	signal: 'Retro notes show my mistakes first',
	dueOn: '2026-06-30'
};

describe('mayCommit', () => {
	it('lets owners and the team’s own leaders commit, nobody else', async () => {
		expect(await mayCommit(null, room)).toBe(false);
		const owner = (await db.select().from(users).where(eq(users.id, seeded.userId)))[0];
		expect(await mayCommit(owner as unknown as SessionUser, room)).toBe(true);
		expect(await mayCommit(await staff('leader', true), room)).toBe(true);
		expect(await mayCommit(await staff('leader', false), room)).toBe(false);
		expect(await mayCommit(await staff('facilitator', true), room)).toBe(false);
		expect(await mayCommit(await staff('viewer', true), room)).toBe(false);
	});
});

describe('makeCommitment', () => {
	it('stores a leader’s commitment for one of the activity’s values', async () => {
		const leader = await staff('leader', true);
		await atCommit();
		const made = await makeCommitment({
			room,
			user: leader,
			activityId: commitId,
			fields: { ...fields, valueId: seeded.valueIds[1] },
			now
		});
		expect(made.ok).toBe(true);
		expect(await listWorkshopCommitments(db, seeded.workshopId, leader.id)).toEqual([
			{
				id: expect.any(String),
				valueId: seeded.valueIds[1],
				action: 'Say "I got this wrong" in every retro',
				signal: 'Retro notes show my mistakes first',
				dueOn: '2026-06-30'
			}
		]);
		const [row] = await db.select().from(commitments);
		expect(row).toMatchObject({ teamId: seeded.teamId, leaderId: leader.id, status: 'open' });
	});

	it('names every field that is wrong and stores nothing', async () => {
		const leader = await staff('leader', true);
		await atCommit();
		const made = await makeCommitment({
			room,
			user: leader,
			activityId: commitId,
			fields: { valueId: 'other', action: ' ', signal: 'x'.repeat(281), dueOn: '2028-01-01' },
			now
		});
		expect(made).toEqual({
			ok: false,
			status: 400,
			problems: {
				valueId: { code: 'value_required' },
				action: { code: 'action_required' },
				signal: { code: 'signal_too_long', limit: 280 },
				dueOn: { code: 'due_invalid' }
			}
		});
		expect(await db.select().from(commitments)).toHaveLength(0);
	});

	it('refuses people who may not commit, and a commit activity that is not open', async () => {
		const facilitator = await staff('facilitator', true);
		const leader = await staff('leader', true);
		const input = {
			room,
			activityId: commitId,
			fields: { ...fields, valueId: seeded.valueIds[0] },
			now
		};
		await atCommit();
		expect(await makeCommitment({ ...input, user: null })).toMatchObject({ status: 403 });
		expect(await makeCommitment({ ...input, user: facilitator })).toMatchObject({
			status: 403,
			problem: { code: 'not_leader' }
		});
		await applyPace(seeded.workshopId, { type: 'close_input' });
		expect(await makeCommitment({ ...input, user: leader })).toMatchObject({
			status: 409,
			problem: { code: 'activity_closed' }
		});
		expect(await db.select().from(commitments)).toHaveLength(0);
	});
});
