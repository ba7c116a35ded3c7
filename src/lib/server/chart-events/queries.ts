/**
 * Dated notes on the dashboards' charts (chart_events), of a team or of the whole organisation,
 * and the workshops that are marked beside them (the day each started).
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ChartEvent } from '../../domain/chart-events';
import { isoDate } from '../../room/dates';
import type { Database } from '../db';
import { chartEvents, teams, users, workshops } from '../db/schema';
import { newId } from '../ids';

/** Whose notes: one team's, or the organisation's own (not its teams'). */
export type EventScope = { orgId: string; teamId: string } | { orgId: string; teamId: null };

const ofScope = (scope: EventScope) =>
	and(
		eq(chartEvents.orgId, scope.orgId),
		scope.teamId === null ? isNull(chartEvents.teamId) : eq(chartEvents.teamId, scope.teamId)
	);

export async function addChartEvent(
	db: Database,
	scope: EventScope,
	input: { onDate: string; label: string; createdBy: string }
): Promise<string> {
	const id = newId();
	await db.insert(chartEvents).values({ id, orgId: scope.orgId, teamId: scope.teamId, ...input });
	return id;
}

/** The notes of a scope, oldest first, with who added them. */
export async function listChartEvents(db: Database, scope: EventScope) {
	return db
		.select({
			id: chartEvents.id,
			onDate: chartEvents.onDate,
			label: chartEvents.label,
			createdByName: users.name
		})
		.from(chartEvents)
		.leftJoin(users, eq(users.id, chartEvents.createdBy))
		.where(ofScope(scope))
		.orderBy(asc(chartEvents.onDate), asc(chartEvents.createdAt));
}

/** Deletes a note of the scope; false when the scope has no such note. */
export async function deleteChartEvent(
	db: Database,
	scope: EventScope,
	eventId: string
): Promise<boolean> {
	const deleted = await db
		.delete(chartEvents)
		.where(and(eq(chartEvents.id, eventId), ofScope(scope)))
		.returning({ id: chartEvents.id });
	return deleted.length > 0;
}

/**
 * What the dashboards' time axes mark: the scope's notes and the workshops that were held (the
 * day each started), of one team or of every team of the organisation.
 */
export async function listChartMarks(db: Database, scope: EventScope): Promise<ChartEvent[]> {
	const [notes, held] = await Promise.all([
		listChartEvents(db, scope),
		db
			.select({ title: workshops.title, startedAt: workshops.startedAt })
			.from(workshops)
			.innerJoin(teams, eq(teams.id, workshops.teamId))
			.where(
				and(
					isNotNull(workshops.startedAt),
					scope.teamId === null
						? eq(teams.orgId, scope.orgId)
						: and(eq(teams.orgId, scope.orgId), eq(workshops.teamId, scope.teamId))
				)
			)
	]);
	return [
		...notes.map((n) => ({ date: n.onDate, label: n.label, kind: 'note' as const })),
		...held.map((w) => ({ date: isoDate(w.startedAt!), label: w.title, kind: 'workshop' as const }))
	].sort((a, b) => a.date.localeCompare(b.date));
}
