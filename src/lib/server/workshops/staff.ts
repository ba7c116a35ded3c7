/**
 * Reads and writes the facilitator's pages need beyond the workshop data module (queries.ts):
 * the team's values to choose from, the commitments a workshop produced, undoing a merge.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { LENSES, type Lens } from '../../domain/culture';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { mergeCards } from './queries';
import {
	cards,
	commitments,
	cultureValues,
	participants,
	users,
	valueLenses,
	workshops
} from '../db/schema';

export interface TeamValueOption {
	id: string;
	name: string;
	lenses: Lens[];
	archived: boolean;
}

/** The team's values in the map's order, archived ones included (and marked). */
export async function listTeamValueOptions(
	db: Database,
	teamId: string
): Promise<TeamValueOption[]> {
	const [rows, memberships] = await Promise.all([
		db
			.select({
				id: cultureValues.id,
				name: cultureValues.name,
				archivedAt: cultureValues.archivedAt
			})
			.from(cultureValues)
			.where(eq(cultureValues.teamId, teamId))
			.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey)),
		db
			.select({ valueId: valueLenses.valueId, lens: valueLenses.lens })
			.from(valueLenses)
			.innerJoin(cultureValues, eq(cultureValues.id, valueLenses.valueId))
			.where(eq(cultureValues.teamId, teamId))
	]);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		archived: row.archivedAt !== null,
		lenses: LENSES.filter((lens) =>
			memberships.some((m) => m.valueId === row.id && m.lens === lens)
		)
	}));
}

/** The commitments leaders made in a workshop, with the value and the leader's name. */
export async function listWorkshopCommitments(db: Database, workshopId: string) {
	return db
		.select({
			id: commitments.id,
			valueName: cultureValues.name,
			leaderName: users.name,
			action: commitments.action,
			signal: commitments.signal,
			dueOn: commitments.dueOn,
			status: commitments.status
		})
		.from(commitments)
		.innerJoin(cultureValues, eq(cultureValues.id, commitments.valueId))
		.innerJoin(users, eq(users.id, commitments.leaderId))
		.where(eq(commitments.workshopId, workshopId))
		.orderBy(asc(cultureValues.position), asc(commitments.createdAt));
}

/** Takes a card back out of the card it was merged into. */
export async function unmergeCard(db: Database, activityId: string, cardId: string) {
	await db
		.update(cards)
		.set({ mergedInto: null })
		.where(and(eq(cards.id, cardId), eq(cards.activityId, activityId)));
}

/**
 * Folds the selected cards into the first of them that stands on its own. Cards merged into
 * one of the folded cards earlier move along, so a wall never holds chains of merges.
 */
export async function mergeSelectedCards(db: Database, activityId: string, cardIds: string[]) {
	const standalone = await db
		.select({ id: cards.id })
		.from(cards)
		.where(
			and(eq(cards.activityId, activityId), inArray(cards.id, cardIds), isNull(cards.mergedInto))
		);
	const open = new Set(standalone.map((c) => c.id));
	const intoId = cardIds.find((id) => open.has(id));
	if (!intoId) throw new DomainError('not_found');
	const others = cardIds.filter((id) => id !== intoId);
	await db
		.update(cards)
		.set({ mergedInto: intoId })
		.where(and(eq(cards.activityId, activityId), inArray(cards.mergedInto, others)));
	await mergeCards(db, activityId, intoId, others);
	return intoId;
}

export async function renameWorkshop(
	db: Database,
	teamId: string,
	workshopId: string,
	title: string
) {
	await db
		.update(workshops)
		.set({ title })
		.where(and(eq(workshops.id, workshopId), eq(workshops.teamId, teamId)));
}

/** The nicknames people chose when joining, first come first, for the projector. */
export async function listNicknames(db: Database, workshopId: string, limit: number) {
	const rows = await db
		.select({ nickname: participants.nickname })
		.from(participants)
		.where(and(eq(participants.workshopId, workshopId), isNotNull(participants.nickname)))
		.orderBy(asc(participants.joinedAt))
		.limit(limit);
	return rows.map((r) => r.nickname ?? '');
}
