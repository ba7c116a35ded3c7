/**
 * Leadership commitments after the workshop: the team's list, one commitment with its
 * check-ins, writing one by hand, completing and dropping. Commitments from a workshop's
 * commit activity are the same rows (room/commitments.ts writes them), so they show up here.
 */
import { and, asc, count, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { isOverdue, type CommitmentRecord, type CommitmentStatus } from '../../domain/commitments';
import type { Database } from '../db';
import {
	commitmentCheckins,
	commitmentExtensions,
	commitments,
	cultureValues,
	memberships,
	teamMembers,
	teams,
	users,
	workshops
} from '../db/schema';
import { DomainError } from '../errors';
import { newId } from '../ids';

export interface CommitmentFilter {
	leaderId?: string;
	status?: CommitmentStatus;
}

export interface CommitmentRow extends CommitmentRecord {
	id: string;
	originalDueOn: string | null;
	leaderId: string;
	leaderName: string;
	valueId: string;
	valueName: string;
	action: string;
	signal: string;
	dropReason: string | null;
	workshopId: string | null;
	workshopTitle: string | null;
	checkins: number;
}

const columns = {
	id: commitments.id,
	leaderId: commitments.leaderId,
	leaderName: users.name,
	valueId: commitments.valueId,
	valueName: cultureValues.name,
	action: commitments.action,
	signal: commitments.signal,
	dueOn: commitments.dueOn,
	originalDueOn: commitments.originalDueOn,
	status: commitments.status,
	doneAt: commitments.doneAt,
	droppedAt: commitments.droppedAt,
	dropReason: commitments.dropReason,
	createdAt: commitments.createdAt,
	workshopId: commitments.workshopId,
	workshopTitle: workshops.title
};

/** The team's commitments, soonest due first (closed ones after the open ones). */
export async function listTeamCommitments(
	db: Database,
	teamId: string,
	filter: CommitmentFilter = {}
): Promise<CommitmentRow[]> {
	const checkins = db
		.select({ commitmentId: commitmentCheckins.commitmentId, n: count().as('n') })
		.from(commitmentCheckins)
		.groupBy(commitmentCheckins.commitmentId)
		.as('checkin_counts');
	const conditions = [eq(commitments.teamId, teamId)];
	if (filter.leaderId) conditions.push(eq(commitments.leaderId, filter.leaderId));
	if (filter.status) conditions.push(eq(commitments.status, filter.status));
	const rows = await db
		.select({ ...columns, checkins: sql<number>`coalesce(${checkins.n}, 0)` })
		.from(commitments)
		.innerJoin(users, eq(users.id, commitments.leaderId))
		.innerJoin(cultureValues, eq(cultureValues.id, commitments.valueId))
		.leftJoin(workshops, eq(workshops.id, commitments.workshopId))
		.leftJoin(checkins, eq(checkins.commitmentId, commitments.id))
		.where(and(...conditions))
		.orderBy(
			sql`case ${commitments.status} when 'open' then 0 else 1 end`,
			asc(commitments.dueOn),
			asc(users.name),
			asc(commitments.createdAt)
		);
	return rows.map((r) => ({ ...r, checkins: Number(r.checkins) }));
}

/** One commitment of the team, or null: an id from another team finds nothing. */
export async function getCommitment(
	db: Database,
	teamId: string,
	commitmentId: string
): Promise<Omit<CommitmentRow, 'checkins'> | null> {
	const [row] = await db
		.select(columns)
		.from(commitments)
		.innerJoin(users, eq(users.id, commitments.leaderId))
		.innerJoin(cultureValues, eq(cultureValues.id, commitments.valueId))
		.leftJoin(workshops, eq(workshops.id, commitments.workshopId))
		.where(and(eq(commitments.id, commitmentId), eq(commitments.teamId, teamId)));
	return row ?? null;
}

export async function listCheckins(db: Database, commitmentId: string) {
	return db
		.select({
			id: commitmentCheckins.id,
			did: commitmentCheckins.did,
			happenedOn: commitmentCheckins.happenedOn,
			authorName: users.name,
			createdAt: commitmentCheckins.createdAt
		})
		.from(commitmentCheckins)
		.leftJoin(users, eq(users.id, commitmentCheckins.authorId))
		.where(eq(commitmentCheckins.commitmentId, commitmentId))
		.orderBy(
			desc(commitmentCheckins.happenedOn),
			desc(commitmentCheckins.createdAt),
			sql`${commitmentCheckins}.rowid desc`
		);
}

/** Who may carry a commitment: the team's leaders (and owners in it), by name. */
export async function listTeamLeaders(db: Database, teamId: string) {
	return db
		.select({ userId: users.id, name: users.name })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.innerJoin(
			memberships,
			and(eq(memberships.orgId, teams.orgId), eq(memberships.userId, teamMembers.userId))
		)
		.where(and(eq(teamMembers.teamId, teamId), inArray(memberships.role, ['leader', 'owner'])))
		.orderBy(asc(users.name), asc(users.email));
}

export interface HandCommitment {
	teamId: string;
	leaderId: string;
	valueId: string;
	action: string;
	signal: string;
	dueOn: string;
}

/**
 * A commitment typed in after the fact. The leader must be one of the team's leaders and the
 * value one of the team's active values: `not_found` names which (`leader` or `value`).
 */
export async function createCommitment(db: Database, input: HandCommitment): Promise<string> {
	const leaders = await listTeamLeaders(db, input.teamId);
	if (!leaders.some((l) => l.userId === input.leaderId)) {
		throw new DomainError('not_found', 'leader');
	}
	const [value] = await db
		.select({ id: cultureValues.id, archivedAt: cultureValues.archivedAt })
		.from(cultureValues)
		.where(and(eq(cultureValues.id, input.valueId), eq(cultureValues.teamId, input.teamId)));
	if (!value || value.archivedAt !== null) throw new DomainError('not_found', 'value');
	const id = newId();
	await db.insert(commitments).values({ id, ...input });
	return id;
}

export async function addCheckin(
	db: Database,
	input: { commitmentId: string; authorId: string; did: string; happenedOn: string }
): Promise<string> {
	const id = newId();
	await db.insert(commitmentCheckins).values({ id, ...input });
	return id;
}

/** Closes an open commitment as done or dropped; false when it was not open (any more). */
export async function closeCommitment(
	db: Database,
	teamId: string,
	commitmentId: string,
	close: { status: 'done' } | { status: 'dropped'; reason: string },
	now = new Date()
): Promise<boolean> {
	const set =
		close.status === 'done'
			? { status: 'done' as const, doneAt: now }
			: { status: 'dropped' as const, droppedAt: now, dropReason: close.reason };
	const result = await db
		.update(commitments)
		.set(set)
		.where(
			and(
				eq(commitments.id, commitmentId),
				eq(commitments.teamId, teamId),
				eq(commitments.status, 'open')
			)
		);
	return result.rowsAffected > 0;
}

/**
 * Moves an open commitment's due date later, keeping the history: the first extension records
 * the original due date on the commitment (follow-through keeps measuring against it). The
 * caller has checked the new date against `fromDueOn` (`extendedDueDate`); false when the
 * commitment is no longer open or its due date changed meanwhile (nothing is written then).
 */
export async function extendCommitment(
	db: Database,
	teamId: string,
	commitmentId: string,
	extension: { fromDueOn: string; toDueOn: string; reason: string; authorId: string }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const result = await tx
			.update(commitments)
			.set({
				dueOn: extension.toDueOn,
				originalDueOn: sql`coalesce(${commitments.originalDueOn}, ${commitments.dueOn})`
			})
			.where(
				and(
					eq(commitments.id, commitmentId),
					eq(commitments.teamId, teamId),
					eq(commitments.status, 'open'),
					eq(commitments.dueOn, extension.fromDueOn)
				)
			);
		if (result.rowsAffected === 0) return false;
		await tx.insert(commitmentExtensions).values({ id: newId(), commitmentId, ...extension });
		return true;
	});
}

/** A commitment's extensions, oldest first: each with the due date before and after. */
export async function listExtensions(db: Database, commitmentId: string) {
	return db
		.select({
			id: commitmentExtensions.id,
			fromDueOn: commitmentExtensions.fromDueOn,
			toDueOn: commitmentExtensions.toDueOn,
			reason: commitmentExtensions.reason,
			authorName: users.name,
			createdAt: commitmentExtensions.createdAt
		})
		.from(commitmentExtensions)
		.leftJoin(users, eq(users.id, commitmentExtensions.authorId))
		.where(eq(commitmentExtensions.commitmentId, commitmentId))
		.orderBy(asc(commitmentExtensions.toDueOn), asc(commitmentExtensions.createdAt));
}

/** What follow-through needs of every commitment of some teams (or an organisation's). */
export async function listCommitmentRecords(db: Database, scope: string[] | { orgId: string }) {
	if (Array.isArray(scope) && scope.length === 0) return [];
	const query = db
		.select({
			teamId: commitments.teamId,
			leaderId: commitments.leaderId,
			valueId: commitments.valueId,
			status: commitments.status,
			dueOn: commitments.dueOn,
			originalDueOn: commitments.originalDueOn,
			// Milliseconds as stored, not Dates: at 500 teams this reads 30,000 rows per request.
			doneAt: sql<number | null>`${commitments.doneAt}`,
			droppedAt: sql<number | null>`${commitments.droppedAt}`,
			createdAt: sql<number>`${commitments.createdAt}`
		})
		.from(commitments);
	return Array.isArray(scope)
		? query.where(inArray(commitments.teamId, scope))
		: query.innerJoin(teams, eq(teams.id, commitments.teamId)).where(eq(teams.orgId, scope.orgId));
}

/**
 * What a new workshop's review looks back on: every commitment made since the team's last
 * workshop began (done, dropped or open), and every older one still open.
 */
export async function listReviewItems(db: Database, teamId: string, now = new Date()) {
	const [last] = await db
		.select({ startedAt: workshops.startedAt, createdAt: workshops.createdAt })
		.from(workshops)
		.where(eq(workshops.teamId, teamId))
		.orderBy(desc(workshops.createdAt))
		.limit(1);
	const since = last ? (last.startedAt ?? last.createdAt) : new Date(0);
	const rows = await db
		.select({
			leaderName: users.name,
			action: commitments.action,
			status: commitments.status,
			dueOn: commitments.dueOn
		})
		.from(commitments)
		.innerJoin(users, eq(users.id, commitments.leaderId))
		.where(
			and(
				eq(commitments.teamId, teamId),
				or(gte(commitments.createdAt, since), eq(commitments.status, 'open'))
			)
		)
		.orderBy(asc(users.name), asc(commitments.dueOn), asc(commitments.createdAt));
	return rows.map((r) => ({
		leaderName: r.leaderName,
		action: r.action,
		status: r.status,
		overdue: isOverdue(r, now)
	}));
}
