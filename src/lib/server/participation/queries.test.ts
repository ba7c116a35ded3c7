import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamMember, createTeam } from '../accounts/queries';
import type { Database } from '../db';
import { memberships, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { loadOrgDashboard, loadTeamDashboard } from '../dashboard/queries';
import { seedWorkshop } from '../live/testing';
import { createPulse, getPulse, listItems, savePulseResponse } from '../pulses/queries';
import { getTeamSize, setTeamSize, teamSizes } from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
});
afterEach(() => close());

async function member(teamId: string, label: string) {
	const id = `${label}-${teamId}`;
	await db.insert(users).values({ id, email: `${id}@example.org`, name: label, passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role: 'leader' });
	await addTeamMember(db, seeded.orgId, teamId, id);
}

/** A pulse of the team on `opensOn` with `n` respondents (all favourable). */
async function pulseWith(teamId: string, opensOn: string, n: number) {
	const id = await createPulse(db, {
		teamId,
		opensOn,
		closesOn: opensOn,
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId
	});
	const pulse = (await getPulse(db, teamId, id))!;
	const items = await listItems(db, id);
	for (let i = 0; i < n; i++) {
		await savePulseResponse(db, {
			pulse,
			tokenHash: `${id}-${i}`,
			scores: new Map(items.map((item) => [item.id, item.kind === 'enps' ? 9 : 4])),
			open: ''
		});
	}
}

describe('team sizes', () => {
	it('are what an owner sets, never the staff accounts of the team, until cleared', async () => {
		const other = await createTeam(db, seeded.orgId, 'Sales');
		await member(seeded.teamId, 'ann');
		await member(seeded.teamId, 'bob');
		expect(await teamSizes(db, seeded.orgId)).toEqual(
			new Map([
				[seeded.teamId, null],
				[other, null]
			])
		);
		await setTeamSize(db, seeded.orgId, seeded.teamId, 24);
		expect((await teamSizes(db, seeded.orgId)).get(seeded.teamId)).toBe(24);
		expect(await getTeamSize(db, seeded.teamId)).toBe(24);
		await setTeamSize(db, seeded.orgId, seeded.teamId, null);
		expect(await getTeamSize(db, seeded.teamId)).toBeNull();
	});

	it("of another organisation's team cannot be set", async () => {
		const theirs = await seedWorkshop(db, { values: 1 });
		await setTeamSize(db, seeded.orgId, theirs.teamId, 50);
		expect(await getTeamSize(db, theirs.teamId)).toBeNull();
	});
});

describe('participation on the dashboards', () => {
	it("a team's period: respondents of its shown pulses over its size", async () => {
		await setTeamSize(db, seeded.orgId, seeded.teamId, 8);
		await pulseWith(seeded.teamId, '2026-03-02', 6);
		await pulseWith(seeded.teamId, '2026-03-16', 2); // withheld below 3
		const dashboard = await loadTeamDashboard(db, {
			teamId: seeded.teamId,
			minGroupSize: 3,
			now: new Date('2026-03-20T12:00:00Z'),
			period: { kind: 'custom', from: '2026-03-01', to: '2026-03-31' }
		});
		expect(dashboard.participation).toMatchObject({ respondents: 6, size: 8, percent: 75 });
		expect(dashboard.pulseParticipation.map((p) => p?.percent ?? null)).toEqual([75, null]);
	});

	it('the organisation: respondents over the sizes of the teams that had a shown pulse', async () => {
		const sales = await createTeam(db, seeded.orgId, 'Sales');
		const quiet = await createTeam(db, seeded.orgId, 'Quiet');
		await setTeamSize(db, seeded.orgId, seeded.teamId, 10);
		await setTeamSize(db, seeded.orgId, sales, 20);
		await setTeamSize(db, seeded.orgId, quiet, 30); // no pulse: not in the sum
		await pulseWith(seeded.teamId, '2026-03-02', 9);
		await pulseWith(sales, '2026-03-09', 15);
		const dashboard = await loadOrgDashboard(db, {
			orgId: seeded.orgId,
			minGroupSize: 3,
			now: new Date('2026-03-20T12:00:00Z'),
			period: { kind: 'custom', from: '2026-03-01', to: '2026-03-31' }
		});
		expect(dashboard.participation).toMatchObject({ respondents: 24, size: 30, percent: 80 });
		expect(dashboard.monthlyParticipation.map((p) => p?.percent)).toEqual([80]);
	});
});
