/**
 * Departments (or sites) of an organisation: an owner names them and puts each team in at most
 * one. The organisation's dashboard groups its teams by them.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { nameKey } from '../../domain/culture';
import type { Database } from '../db';
import { departments, teams } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../ids';

/** At most this many departments per organisation (a dashboard groups by them, a form lists them). */
export const MAX_DEPARTMENTS = 100;

async function unlessDuplicate<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError('duplicate');
		throw error;
	}
}

/** The organisation's departments by name, each with how many teams it holds. */
export async function listDepartments(db: Database, orgId: string) {
	return db
		.select({ id: departments.id, name: departments.name, teams: count(teams.id) })
		.from(departments)
		.leftJoin(teams, eq(teams.departmentId, departments.id))
		.where(eq(departments.orgId, orgId))
		.groupBy(departments.id)
		.orderBy(asc(departments.nameKey));
}

/**
 * A new department; refused as `duplicate` when the organisation has one of that name, and as
 * `too_many` at MAX_DEPARTMENTS (checked in the insert itself, so two requests cannot pass it).
 */
export async function createDepartment(db: Database, orgId: string, name: string) {
	const id = newId();
	const inserted = await unlessDuplicate(
		db.run(
			sql`insert into ${departments} (id, org_id, name, name_key)
				select ${id}, ${orgId}, ${name}, ${nameKey(name)}
				where (select count(*) from ${departments} where org_id = ${orgId}) < ${MAX_DEPARTMENTS}`
		)
	);
	if (inserted.rowsAffected === 0) throw new DomainError('too_many');
	return id;
}

export async function renameDepartment(
	db: Database,
	orgId: string,
	departmentId: string,
	name: string
) {
	const result = await unlessDuplicate(
		db
			.update(departments)
			.set({ name, nameKey: nameKey(name) })
			.where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)))
	);
	if (result.rowsAffected === 0) throw new DomainError('not_found');
}

/** Removes the department; its teams stay, without a department. */
export async function deleteDepartment(db: Database, orgId: string, departmentId: string) {
	const result = await db
		.delete(departments)
		.where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)));
	if (result.rowsAffected === 0) throw new DomainError('not_found');
}

/**
 * Puts a team of the organisation in one of its departments (or in none, with null); a
 * department of another organisation is `not_found`.
 */
export async function setTeamDepartment(
	db: Database,
	orgId: string,
	teamId: string,
	departmentId: string | null
) {
	const result = await db
		.update(teams)
		.set({ departmentId })
		.where(
			and(
				eq(teams.id, teamId),
				eq(teams.orgId, orgId),
				departmentId === null
					? undefined
					: sql`exists (select 1 from ${departments} where ${departments.id} = ${departmentId} and ${departments.orgId} = ${orgId})`
			)
		);
	if (result.rowsAffected === 0) throw new DomainError('not_found');
}
