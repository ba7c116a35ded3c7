/**
 * Reminders by e-mail, the data side: which reminders are owed and not yet claimed, claiming
 * one (the insert that makes it at most once), recording how a send went, and what a mail
 * needs to say. Nothing here reads an answer or a result of a pulse.
 */
import {
	and,
	asc,
	eq,
	gte,
	inArray,
	isNotNull,
	lte,
	sql,
	type SQL,
	type SQLWrapper
} from 'drizzle-orm';
import {
	commitmentReminder,
	pulseAnnouncementOwed,
	reminderWindow,
	type ReminderKind
} from '../../domain/reminders';
import type { Database } from '../db';
import {
	commitments,
	cultureValues,
	pulses,
	reminders,
	teamMembers,
	teams,
	users
} from '../db/schema';
import { newId } from '../ids';

/** One reminder owed: what it is about, to whom, for which day. */
export interface OwedReminder {
	kind: ReminderKind;
	subjectId: string;
	recipientId: string;
	occasion: string;
	teamId: string;
}

/** No reminder of this kind, subject, recipient and occasion is recorded yet (in any state). */
const notClaimed = (kind: SQL, subject: SQLWrapper, recipient: SQLWrapper, occasion: SQLWrapper) =>
	sql`not exists (select 1 from ${reminders} r where r.kind = ${kind} and r.subject_id = ${subject} and r.recipient_id = ${recipient} and r.occasion = ${occasion})`;

/**
 * The reminders owed on `today` that no process has claimed yet: commitments due today or
 * lately overdue (to their leader), pulses open and lately opened (to each member of the team).
 * `pulseId` narrows it to one pulse's announcement (right after it was created).
 */
export async function listOwedReminders(
	db: Database,
	today: string,
	{ pulseId }: { pulseId?: string } = {}
): Promise<OwedReminder[]> {
	const { from, to } = reminderWindow(today);
	const owed: OwedReminder[] = [];
	if (!pulseId) {
		const open = await db
			.select({
				id: commitments.id,
				leaderId: commitments.leaderId,
				teamId: commitments.teamId,
				status: commitments.status,
				dueOn: commitments.dueOn
			})
			.from(commitments)
			.where(
				and(
					eq(commitments.status, 'open'),
					gte(commitments.dueOn, from),
					lte(commitments.dueOn, to),
					notClaimed(
						sql`case when ${commitments.dueOn} = ${today} then 'commitment_due' else 'commitment_overdue' end`,
						commitments.id,
						commitments.leaderId,
						commitments.dueOn
					)
				)
			)
			.orderBy(asc(commitments.dueOn), asc(commitments.id));
		for (const c of open) {
			const kind = commitmentReminder(c, today);
			if (kind) {
				owed.push({
					kind,
					subjectId: c.id,
					recipientId: c.leaderId,
					occasion: c.dueOn,
					teamId: c.teamId
				});
			}
		}
	}
	const opened = await db
		.select({
			id: pulses.id,
			teamId: pulses.teamId,
			opensOn: pulses.opensOn,
			closesOn: pulses.closesOn,
			recipientId: teamMembers.userId
		})
		.from(pulses)
		.innerJoin(teamMembers, eq(teamMembers.teamId, pulses.teamId))
		.where(
			and(
				pulseId ? eq(pulses.id, pulseId) : undefined,
				gte(pulses.opensOn, from),
				lte(pulses.opensOn, to),
				gte(pulses.closesOn, today),
				notClaimed(sql`'pulse_open'`, pulses.id, teamMembers.userId, pulses.opensOn)
			)
		)
		.orderBy(asc(pulses.opensOn), asc(pulses.id), asc(teamMembers.userId));
	for (const p of opened) {
		if (!pulseAnnouncementOwed(p, today)) continue;
		owed.push({
			kind: 'pulse_open',
			subjectId: p.id,
			recipientId: p.recipientId,
			occasion: p.opensOn,
			teamId: p.teamId
		});
	}
	return owed;
}

/**
 * Claims a reminder before it is sent: one insert that does nothing when the same reminder
 * (kind, subject, recipient, occasion) is already there. Returns its id when this call took it,
 * null when another run had. Of two processes racing, exactly one gets the id and sends.
 */
export async function claimReminder(db: Database, owed: OwedReminder): Promise<string | null> {
	const [row] = await db
		.insert(reminders)
		.values({ id: newId(), ...owed, state: 'sending', attempts: 1 })
		.onConflictDoNothing()
		.returning({ id: reminders.id });
	return row?.id ?? null;
}

export async function recordSent(db: Database, id: string, now: Date) {
	await db
		.update(reminders)
		.set({ state: 'sent', sentAt: now, nextAttemptAt: null, lastError: null })
		.where(eq(reminders.id, id));
}

/** A failed send: tried again at `nextAttemptAt`, or never again when that is null. */
export async function recordFailure(
	db: Database,
	id: string,
	error: string,
	nextAttemptAt: Date | null
) {
	await db
		.update(reminders)
		.set({ state: 'failed', lastError: error.slice(0, 500), nextAttemptAt })
		.where(eq(reminders.id, id));
}

/** A retry that found the reminder no longer owed (the commitment closed, the pulse closed). */
export async function recordSkipped(db: Database, id: string) {
	await db
		.update(reminders)
		.set({ state: 'skipped', nextAttemptAt: null })
		.where(eq(reminders.id, id));
}

export type ReminderRow = typeof reminders.$inferSelect;

/** Failed reminders whose next try is due. */
export async function listRetries(db: Database, now: Date): Promise<ReminderRow[]> {
	return db
		.select()
		.from(reminders)
		.where(
			and(
				eq(reminders.state, 'failed'),
				isNotNull(reminders.nextAttemptAt),
				lte(reminders.nextAttemptAt, now)
			)
		)
		.orderBy(asc(reminders.nextAttemptAt));
}

/**
 * Claims the next try of a failed reminder: one conditional update on the attempts seen, so of
 * two processes only one tries again. The row with its new count of attempts, or null.
 */
export async function claimRetry(db: Database, row: ReminderRow): Promise<ReminderRow | null> {
	const [claimed] = await db
		.update(reminders)
		.set({ state: 'sending', attempts: row.attempts + 1 })
		.where(
			and(
				eq(reminders.id, row.id),
				eq(reminders.state, 'failed'),
				eq(reminders.attempts, row.attempts)
			)
		)
		.returning();
	return claimed ?? null;
}

/** What a commitment reminder says: the commitment, its team, and where it goes. */
export async function getCommitmentMail(db: Database, commitmentId: string) {
	const [row] = await db
		.select({
			status: commitments.status,
			dueOn: commitments.dueOn,
			action: commitments.action,
			valueName: cultureValues.name,
			teamId: teams.id,
			teamName: teams.name,
			teamLanguage: teams.language,
			orgId: teams.orgId
		})
		.from(commitments)
		.innerJoin(teams, eq(teams.id, commitments.teamId))
		.innerJoin(cultureValues, eq(cultureValues.id, commitments.valueId))
		.where(eq(commitments.id, commitmentId));
	return row ?? null;
}

/** What a pulse's announcement says: its dates, its team, and its one link (by code). */
export async function getPulseMail(db: Database, pulseId: string) {
	const [row] = await db
		.select({
			opensOn: pulses.opensOn,
			closesOn: pulses.closesOn,
			code: pulses.code,
			verified: pulses.verified,
			teamId: teams.id,
			teamName: teams.name,
			teamLanguage: teams.language
		})
		.from(pulses)
		.innerJoin(teams, eq(teams.id, pulses.teamId))
		.where(eq(pulses.id, pulseId));
	return row ?? null;
}

/** The addresses and names of the recipients, by account id. */
export async function getRecipients(db: Database, ids: string[]) {
	if (ids.length === 0) return new Map<string, { email: string; name: string }>();
	const rows = await db
		.select({ id: users.id, email: users.email, name: users.name })
		.from(users)
		.where(inArray(users.id, [...new Set(ids)]));
	return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

/** Whether the account is (still) a member of the team. */
export async function isTeamMember(db: Database, teamId: string, userId: string) {
	const [row] = await db
		.select({ userId: teamMembers.userId })
		.from(teamMembers)
		.where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
	return row !== undefined;
}
