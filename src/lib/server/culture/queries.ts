import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
	LENSES,
	kindHasName,
	kindNeedsValue,
	nameKey,
	removalFor,
	type ElementKind,
	type Lens
} from '../../domain/culture';
import {
	buildLensMap,
	compareLensMaps,
	groupByKind,
	moveAmong,
	type ElementsByKind,
	type LensComparison,
	type LensMap,
	type MapElement,
	type MapValue
} from '../../domain/culture-map';
import type { Database } from '../db';
import {
	commitments,
	cultureElements,
	cultureValues,
	users,
	valueLenses,
	votes,
	workshops
} from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../ids';

/*
 * Writes run as single statements or as one batch, never as an interactive transaction, so no
 * request holds SQLite's write lock across an `await`. A value never moves to another team,
 * so checking `(id, team)` first and writing after is safe: a value deleted in between makes
 * the write touch nothing or break a foreign key, which reads as `not_found`.
 */

/** What every staff edit records about who made it. */
const staffProvenance = (authorUserId: string) =>
	({ authorKind: 'staff', authorUserId, source: 'staff' }) as const;

const valueOf = (teamId: string, valueId: string) =>
	and(eq(cultureValues.id, valueId), eq(cultureValues.teamId, teamId));

const elementOf = (teamId: string, elementId: string) =>
	and(eq(cultureElements.id, elementId), eq(cultureElements.teamId, teamId));

function isForeignKeyViolation(error: unknown): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (/FOREIGN KEY constraint failed/i.test(e.message)) return true;
	}
	return false;
}

/** A name the team already uses is a duplicate; a value deleted meanwhile is not found. */
function domainErrorOf(error: unknown): unknown {
	if (isUniqueViolation(error)) return new DomainError('duplicate');
	if (isForeignKeyViolation(error)) return new DomainError('not_found');
	return error;
}

// ------------------------------------------------------------------ reading

async function listValues(
	db: Database,
	teamId: string,
	options: { includeArchived?: boolean; valueId?: string } = {}
): Promise<MapValue[]> {
	const conditions: SQL[] = [eq(cultureValues.teamId, teamId)];
	if (!options.includeArchived) conditions.push(isNull(cultureValues.archivedAt));
	if (options.valueId) conditions.push(eq(cultureValues.id, options.valueId));
	const rows = await db
		.select({
			id: cultureValues.id,
			name: cultureValues.name,
			meaning: cultureValues.meaning,
			position: cultureValues.position,
			limiting: cultureValues.limiting,
			archivedAt: cultureValues.archivedAt,
			cardCount: cultureValues.cardCount,
			workshopTitle: workshops.title
		})
		.from(cultureValues)
		.leftJoin(workshops, eq(workshops.id, cultureValues.workshopId))
		.where(and(...conditions))
		.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey));
	if (rows.length === 0) return [];
	const memberships = await db
		.select({ valueId: valueLenses.valueId, lens: valueLenses.lens })
		.from(valueLenses)
		.innerJoin(cultureValues, eq(valueLenses.valueId, cultureValues.id))
		.where(and(...conditions));
	return rows.map(({ cardCount, workshopTitle, ...row }) => ({
		...row,
		origin: originOf(cardCount, workshopTitle),
		lenses: LENSES.filter((lens) =>
			memberships.some((m) => m.valueId === row.id && m.lens === lens)
		)
	}));
}

/** A workshop review's origin: the workshop still there, and the card count it stored. */
const originOf = (cards: number | null, workshopTitle: string | null) =>
	cards !== null && workshopTitle !== null ? { workshopTitle, cards } : null;

async function listElements(
	db: Database,
	teamId: string,
	options: { includeArchived?: boolean; lens?: Lens; valueId?: string } = {}
): Promise<MapElement[]> {
	const conditions: SQL[] = [eq(cultureElements.teamId, teamId)];
	if (!options.includeArchived) conditions.push(isNull(cultureElements.archivedAt));
	if (options.lens) conditions.push(eq(cultureElements.lens, options.lens));
	if (options.valueId) conditions.push(eq(cultureElements.valueId, options.valueId));
	const rows = await db
		.select({
			id: cultureElements.id,
			valueId: cultureElements.valueId,
			lens: cultureElements.lens,
			kind: cultureElements.kind,
			name: cultureElements.name,
			text: cultureElements.text,
			limiting: cultureElements.limiting,
			archivedAt: cultureElements.archivedAt,
			authorKind: cultureElements.authorKind,
			authorName: users.name,
			source: cultureElements.source,
			cardCount: cultureElements.cardCount,
			workshopTitle: workshops.title,
			createdAt: cultureElements.createdAt,
			updatedAt: cultureElements.updatedAt
		})
		.from(cultureElements)
		.leftJoin(users, eq(cultureElements.authorUserId, users.id))
		.leftJoin(workshops, eq(workshops.id, cultureElements.workshopId))
		.where(and(...conditions))
		.orderBy(asc(cultureElements.position), asc(cultureElements.createdAt));
	return rows.map(({ cardCount, workshopTitle, ...row }) => ({
		...row,
		origin: originOf(cardCount, workshopTitle)
	}));
}

/**
 * The team's map under one lens: its values in order, each with that lens's elements grouped
 * by kind, plus the lens's standalone rituals, heroes and signals. Archived values and
 * elements appear only with `includeArchived`.
 */
export async function listLensMap(
	db: Database,
	teamId: string,
	lens: Lens,
	options: { includeArchived?: boolean } = {}
): Promise<LensMap> {
	const [values, elements] = await Promise.all([
		listValues(db, teamId, options),
		listElements(db, teamId, { ...options, lens })
	]);
	return buildLensMap(lens, values, elements);
}

/** Two lenses side by side for every value present in either (archived ones left out). */
export async function compareLenses(
	db: Database,
	teamId: string,
	a: Lens,
	b: Lens
): Promise<LensComparison> {
	const [values, elements] = await Promise.all([listValues(db, teamId), listElements(db, teamId)]);
	return compareLensMaps(buildLensMap(a, values, elements), buildLensMap(b, values, elements));
}

/**
 * One value (archived or not) with its elements under every lens; null when the value does
 * not exist in this team. Archived elements appear only with `includeArchived`.
 */
export async function getValue(
	db: Database,
	teamId: string,
	valueId: string,
	options: { includeArchived?: boolean } = {}
): Promise<(MapValue & { elements: Record<Lens, ElementsByKind> }) | null> {
	const [value] = await listValues(db, teamId, { includeArchived: true, valueId });
	if (!value) return null;
	const elements = await listElements(db, teamId, { ...options, valueId });
	const byLens = Object.fromEntries(
		LENSES.map((lens) => [lens, groupByKind(elements.filter((e) => e.lens === lens))])
	) as Record<Lens, ElementsByKind>;
	return { ...value, elements: byLens };
}

// ------------------------------------------------------------------ values

export interface ValueInput {
	name: string;
	meaning: string;
	limiting?: boolean;
	lenses: readonly Lens[];
}

type Batch = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

async function requireValue(db: Database, teamId: string, valueId: string) {
	const [row] = await db
		.select({ id: cultureValues.id })
		.from(cultureValues)
		.where(valueOf(teamId, valueId));
	if (!row) throw new DomainError('not_found');
}

/** The statement that adds `lenses` to a value, each lens once (none for no lenses). */
function insertLenses(db: Database, valueId: string, lenses: readonly Lens[]) {
	const rows = LENSES.filter((lens) => lenses.includes(lens)).map((lens) => ({ valueId, lens }));
	return rows.length ? [db.insert(valueLenses).values(rows)] : [];
}

/** The statements that make `lenses` the value's lenses. */
function replaceLenses(db: Database, valueId: string, lenses: readonly Lens[]): Batch {
	return [
		db.delete(valueLenses).where(eq(valueLenses.valueId, valueId)),
		...insertLenses(db, valueId, lenses)
	];
}

/** The position after the last one in use, worked out inside the insert itself. */
const nextPosition = (table: 'culture_values' | 'culture_elements', where: SQL) =>
	sql<number>`(select coalesce(max(position), -1) + 1 from ${sql.identifier(table)} where ${where})`;

/** Adds a value at the end of the team's order; a name the team already uses is a duplicate. */
export async function createValue(
	db: Database,
	teamId: string,
	authorUserId: string,
	input: ValueInput
): Promise<string> {
	const id = newId();
	try {
		await db.batch([
			db.insert(cultureValues).values({
				id,
				teamId,
				name: input.name,
				nameKey: nameKey(input.name),
				meaning: input.meaning,
				limiting: input.limiting ?? false,
				position: nextPosition('culture_values', sql`team_id = ${teamId}`),
				...staffProvenance(authorUserId)
			}),
			...insertLenses(db, id, input.lenses)
		]);
	} catch (error) {
		throw domainErrorOf(error);
	}
	return id;
}

/** Renames and redescribes a value; with `lenses`, also sets the lenses it belongs to. */
export async function updateValue(
	db: Database,
	teamId: string,
	valueId: string,
	input: Omit<ValueInput, 'lenses'> & { lenses?: readonly Lens[] }
): Promise<void> {
	await requireValue(db, teamId, valueId);
	try {
		await db.batch([
			db
				.update(cultureValues)
				.set({
					name: input.name,
					nameKey: nameKey(input.name),
					meaning: input.meaning,
					...(input.limiting === undefined ? {} : { limiting: input.limiting }),
					updatedAt: new Date()
				})
				.where(valueOf(teamId, valueId)),
			...(input.lenses ? replaceLenses(db, valueId, input.lenses) : [])
		]);
	} catch (error) {
		throw domainErrorOf(error);
	}
}

export async function setValueLenses(
	db: Database,
	teamId: string,
	valueId: string,
	lenses: readonly Lens[]
): Promise<void> {
	await requireValue(db, teamId, valueId);
	try {
		await db.batch(replaceLenses(db, valueId, lenses));
	} catch (error) {
		throw domainErrorOf(error);
	}
}

/**
 * Moves a value one place up or down. With `lens`, the step skips values outside that lens
 * (and archived ones), so it moves past the neighbour the person can see. Every position is
 * rewritten, so the team's order is always 0, 1, 2, ...
 */
export async function moveValue(
	db: Database,
	teamId: string,
	valueId: string,
	direction: 'up' | 'down',
	lens?: Lens
): Promise<void> {
	const all = await listValues(db, teamId, { includeArchived: true });
	const byId = new Map(all.map((v) => [v.id, v]));
	if (!byId.has(valueId)) throw new DomainError('not_found');
	const shown = (v: MapValue) => !v.archivedAt && (!lens || v.lenses.includes(lens));
	const order = moveAmong([...byId.keys()], valueId, direction, (id) => shown(byId.get(id)!));
	const [first, ...rest] = order.map((id, position) =>
		db.update(cultureValues).set({ position }).where(valueOf(teamId, id))
	);
	await db.batch([first, ...rest]);
}

async function changeValue(
	db: Database,
	teamId: string,
	valueId: string,
	changes: Partial<typeof cultureValues.$inferInsert>
) {
	const changed = await db
		.update(cultureValues)
		.set(changes)
		.where(valueOf(teamId, valueId))
		.returning({ id: cultureValues.id });
	if (changed.length === 0) throw new DomainError('not_found');
}

export const markValueLimiting = (
	db: Database,
	teamId: string,
	valueId: string,
	limiting: boolean
) => changeValue(db, teamId, valueId, { limiting, updatedAt: new Date() });

export const archiveValue = (db: Database, teamId: string, valueId: string) =>
	changeValue(db, teamId, valueId, { archivedAt: new Date() });

export const restoreValue = (db: Database, teamId: string, valueId: string) =>
	changeValue(db, teamId, valueId, { archivedAt: null });

/** Deletes a value with its lenses and every element linked to it. */
/** How many votes and commitments hold on to a value: once any do, it can only be archived. */
export async function countValueUses(db: Database, valueId: string): Promise<number> {
	const [row] = await db
		.select({
			n: sql<number>`(select count(*) from ${votes} where ${votes.valueId} = ${valueId})
				+ (select count(*) from ${commitments} where ${commitments.valueId} = ${valueId})`
		})
		.from(sql`(select 1)`);
	return Number(row.n);
}

/** Deletes a value with its lenses and elements; refused (`has_votes`) once it has been voted on. */
export async function deleteValue(db: Database, teamId: string, valueId: string): Promise<void> {
	await requireValue(db, teamId, valueId);
	if (removalFor(await countValueUses(db, valueId)) === 'archive') {
		throw new DomainError('has_votes');
	}
	const deleted = await db
		.delete(cultureValues)
		.where(valueOf(teamId, valueId))
		.returning({ id: cultureValues.id });
	if (deleted.length === 0) throw new DomainError('not_found');
}

// ---------------------------------------------------------------- elements

export interface ElementInput {
	lens: Lens;
	kind: ElementKind;
	/** Required for behaviours and boundaries; optional for rituals, heroes and signals. */
	valueId: string | null;
	/** The short name of a ritual, hero or signal; ignored for other kinds. */
	name: string | null;
	text: string;
	limiting?: boolean;
}

/**
 * Adds an element at the end of its group. Behaviours and boundaries need a value of this
 * team (`value_required`); a value of another team is `not_found`.
 */
export async function createElement(
	db: Database,
	teamId: string,
	authorUserId: string,
	input: ElementInput
): Promise<string> {
	if (kindNeedsValue(input.kind) && !input.valueId) throw new DomainError('value_required');
	if (input.valueId) await requireValue(db, teamId, input.valueId);
	const id = newId();
	const group = sql`team_id = ${teamId} and lens = ${input.lens} and kind = ${input.kind} and ${
		input.valueId ? sql`value_id = ${input.valueId}` : sql`value_id is null`
	}`;
	try {
		await db.insert(cultureElements).values({
			id,
			teamId,
			valueId: input.valueId,
			lens: input.lens,
			kind: input.kind,
			name: kindHasName(input.kind) ? input.name : null,
			text: input.text,
			limiting: input.limiting ?? false,
			position: nextPosition('culture_elements', group),
			...staffProvenance(authorUserId)
		});
	} catch (error) {
		throw domainErrorOf(error);
	}
	return id;
}

/**
 * Changes an element's words (and, if given, its limiting mark); its lens, kind and value
 * stay. A ritual, hero or signal keeps its name when none is given.
 */
export async function updateElement(
	db: Database,
	teamId: string,
	elementId: string,
	input: Pick<ElementInput, 'name' | 'text' | 'limiting'>
): Promise<void> {
	const [element] = await db
		.select({ kind: cultureElements.kind })
		.from(cultureElements)
		.where(elementOf(teamId, elementId));
	if (!element) throw new DomainError('not_found');
	await changeElement(db, teamId, elementId, {
		...(kindHasName(element.kind) && input.name ? { name: input.name } : {}),
		text: input.text,
		...(input.limiting === undefined ? {} : { limiting: input.limiting }),
		updatedAt: new Date()
	});
}

async function changeElement(
	db: Database,
	teamId: string,
	elementId: string,
	changes: Partial<typeof cultureElements.$inferInsert>
) {
	const changed = await db
		.update(cultureElements)
		.set(changes)
		.where(elementOf(teamId, elementId))
		.returning({ id: cultureElements.id });
	if (changed.length === 0) throw new DomainError('not_found');
}

export const markElementLimiting = (
	db: Database,
	teamId: string,
	elementId: string,
	limiting: boolean
) => changeElement(db, teamId, elementId, { limiting, updatedAt: new Date() });

export const archiveElement = (db: Database, teamId: string, elementId: string) =>
	changeElement(db, teamId, elementId, { archivedAt: new Date() });

export const restoreElement = (db: Database, teamId: string, elementId: string) =>
	changeElement(db, teamId, elementId, { archivedAt: null });

export async function deleteElement(db: Database, teamId: string, elementId: string) {
	const deleted = await db
		.delete(cultureElements)
		.where(elementOf(teamId, elementId))
		.returning({ id: cultureElements.id });
	if (deleted.length === 0) throw new DomainError('not_found');
}
