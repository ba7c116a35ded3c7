import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { departments, teams } from '../db/schema';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import {
	createDepartment,
	deleteDepartment,
	listDepartments,
	MAX_DEPARTMENTS,
	renameDepartment,
	setTeamDepartment
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 1 });
});
afterEach(() => close());

const departmentOf = async (teamId: string) =>
	(await db.select({ id: teams.departmentId }).from(teams).where(eq(teams.id, teamId)))[0].id;

describe('departments', () => {
	it('are named once per organisation, whatever the case or accents', async () => {
		await createDepartment(db, seeded.orgId, 'Zürich office');
		await expect(createDepartment(db, seeded.orgId, 'ZURICH  Office')).rejects.toMatchObject({
			code: 'duplicate'
		});
		const other = await seedWorkshop(db, { values: 1, email: 'other@example.org' });
		await createDepartment(db, other.orgId, 'Zürich office');
		const north = await createDepartment(db, seeded.orgId, 'North');
		await expect(renameDepartment(db, seeded.orgId, north, 'zürich office')).rejects.toMatchObject({
			code: 'duplicate'
		});
		await expect(renameDepartment(db, other.orgId, north, 'South')).rejects.toMatchObject({
			code: 'not_found'
		});
	});

	it(`stop at ${MAX_DEPARTMENTS} per organisation`, async () => {
		await db.insert(departments).values(
			Array.from({ length: MAX_DEPARTMENTS }, (_, i) => ({
				id: `d${i}`,
				orgId: seeded.orgId,
				name: `D${i}`,
				nameKey: `d${i}`
			}))
		);
		await expect(createDepartment(db, seeded.orgId, 'One more')).rejects.toMatchObject({
			code: 'too_many'
		});
	});

	it("hold the organisation's teams only, and let them go when deleted", async () => {
		const north = await createDepartment(db, seeded.orgId, 'North');
		const other = await seedWorkshop(db, { values: 1, email: 'other@example.org' });
		const theirs = await createDepartment(db, other.orgId, 'Theirs');
		await expect(setTeamDepartment(db, seeded.orgId, seeded.teamId, theirs)).rejects.toMatchObject({
			code: 'not_found'
		});
		await expect(setTeamDepartment(db, other.orgId, seeded.teamId, theirs)).rejects.toMatchObject({
			code: 'not_found'
		});
		await setTeamDepartment(db, seeded.orgId, seeded.teamId, north);
		expect(await departmentOf(seeded.teamId)).toBe(north);
		expect(await listDepartments(db, seeded.orgId)).toEqual([
			{ id: north, name: 'North', teams: 1 }
		]);
		await expect(deleteDepartment(db, other.orgId, north)).rejects.toMatchObject({
			code: 'not_found'
		});
		await deleteDepartment(db, seeded.orgId, north);
		expect(await departmentOf(seeded.teamId)).toBeNull();
		await setTeamDepartment(db, seeded.orgId, seeded.teamId, null);
	});
});
