/**
 * The alignment matrix: a team's touchpoints, and every judgement of a touchpoint × value
 * cell (kept as history; the newest is the cell's state).
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { nameKey } from '../../domain/culture';
import type { AlignmentRating } from '../../domain/alignment';
import type { Database } from '../db';
import { alignmentJudgements, cultureValues, touchpoints, users } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../ids';

export async function listTouchpoints(db: Database, teamId: string) {
	return db
		.select({ id: touchpoints.id, name: touchpoints.name })
		.from(touchpoints)
		.where(and(eq(touchpoints.teamId, teamId), isNull(touchpoints.archivedAt)))
		.orderBy(asc(touchpoints.position), asc(touchpoints.nameKey));
}

/** Adds touchpoints by name, skipping any the team has already (archived ones come back). */
export async function addTouchpoints(db: Database, teamId: string, names: string[]) {
	await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${touchpoints.position}) + 1, 0)` })
			.from(touchpoints)
			.where(eq(touchpoints.teamId, teamId));
		let position = Number(next);
		for (const name of names) {
			await tx
				.insert(touchpoints)
				.values({ id: newId(), teamId, name, nameKey: nameKey(name), position: position++ })
				.onConflictDoUpdate({
					target: [touchpoints.teamId, touchpoints.nameKey],
					set: { archivedAt: null }
				});
		}
	});
}

/** One new touchpoint; `duplicate` when the team has an active one of that name. */
export async function addTouchpoint(db: Database, teamId: string, name: string) {
	const existing = (await listTouchpoints(db, teamId)).find(
		(t) => nameKey(t.name) === nameKey(name)
	);
	if (existing) throw new DomainError('duplicate');
	try {
		await addTouchpoints(db, teamId, [name]);
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError('duplicate');
		throw error;
	}
}

/** Takes a touchpoint off the matrix; its judgements stay in the history. */
export async function archiveTouchpoint(db: Database, teamId: string, touchpointId: string) {
	const result = await db
		.update(touchpoints)
		.set({ archivedAt: new Date() })
		.where(and(eq(touchpoints.id, touchpointId), eq(touchpoints.teamId, teamId)));
	return result.rowsAffected > 0;
}

/** Records a judgement of a cell; `not_found` unless touchpoint and value are the team's. */
export async function judgeCell(
	db: Database,
	input: {
		teamId: string;
		touchpointId: string;
		valueId: string;
		rating: AlignmentRating;
		note: string;
		authorId: string;
	}
) {
	const [touchpoint] = await db
		.select({ id: touchpoints.id })
		.from(touchpoints)
		.where(
			and(
				eq(touchpoints.id, input.touchpointId),
				eq(touchpoints.teamId, input.teamId),
				isNull(touchpoints.archivedAt)
			)
		);
	const [value] = await db
		.select({ id: cultureValues.id })
		.from(cultureValues)
		.where(
			and(
				eq(cultureValues.id, input.valueId),
				eq(cultureValues.teamId, input.teamId),
				isNull(cultureValues.archivedAt)
			)
		);
	if (!touchpoint) throw new DomainError('not_found', 'touchpoint');
	if (!value) throw new DomainError('not_found', 'value');
	await db.insert(alignmentJudgements).values({ id: newId(), ...input });
}

/** The latest judgement of every judged cell of the team. */
export async function listCells(db: Database, teamId: string) {
	const rows = await db.all<{
		touchpoint_id: string;
		value_id: string;
		rating: AlignmentRating;
		note: string;
		created_at: number;
	}>(sql`
		select touchpoint_id, value_id, rating, note, created_at from (
			select j.*, row_number() over (
				partition by j.touchpoint_id, j.value_id order by j.created_at desc, j.rowid desc
			) as latest
			from ${alignmentJudgements} j where j.team_id = ${teamId}
		) where latest = 1`);
	return rows.map((r) => ({
		touchpointId: r.touchpoint_id,
		valueId: r.value_id,
		rating: r.rating,
		note: r.note,
		judgedAt: new Date(r.created_at)
	}));
}

/** The newest judgements first, with names, for the history under the matrix. */
export async function listJudgements(db: Database, teamId: string, limit: number) {
	return db
		.select({
			id: alignmentJudgements.id,
			touchpoint: touchpoints.name,
			value: cultureValues.name,
			rating: alignmentJudgements.rating,
			note: alignmentJudgements.note,
			author: users.name,
			createdAt: alignmentJudgements.createdAt
		})
		.from(alignmentJudgements)
		.innerJoin(touchpoints, eq(touchpoints.id, alignmentJudgements.touchpointId))
		.innerJoin(cultureValues, eq(cultureValues.id, alignmentJudgements.valueId))
		.leftJoin(users, eq(users.id, alignmentJudgements.authorId))
		.where(eq(alignmentJudgements.teamId, teamId))
		.orderBy(desc(alignmentJudgements.createdAt), sql`${alignmentJudgements}.rowid desc`)
		.limit(limit);
}
