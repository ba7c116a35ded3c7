/**
 * One run of the reminders: claims each reminder owed (the insert before the send, so at most
 * once across processes), sends it, records the outcome; then tries again the failed ones whose
 * time has come, while they are still owed. A failure is logged and recorded, never thrown: the
 * caller (the scheduler, or an action that created a pulse) goes on whatever the mail server does.
 */
import {
	commitmentReminder,
	mailLanguage,
	pulseAnnouncementOwed,
	retryAt,
	type ReminderKind
} from '../../domain/reminders';
import { isoDate } from '../../room/dates';
import type { Database } from '../db';
import { commitmentMail, pulseMail, type ComposedMail } from './compose';
import type { Mailer } from './mailer';
import {
	claimReminder,
	claimRetry,
	getCommitmentMail,
	getPulseMail,
	getRecipients,
	isTeamMember,
	listOwedReminders,
	listRetries,
	recordFailure,
	recordSent,
	recordSkipped
} from './queries';

export interface ReminderRun {
	sent: number;
	failed: number;
	skipped: number;
}

interface Claimed {
	id: string;
	kind: ReminderKind;
	subjectId: string;
	recipientId: string;
	occasion: string;
	attempts: number;
}

export interface RunOptions {
	now?: Date;
	/** Where the links point (the app's public URL). */
	origin: string;
	/** Only this pulse's announcement (right after it was created); no retries. */
	pulseId?: string;
	log?: Pick<Console, 'error'>;
}

/** The mail a claimed reminder sends, or null when it is no longer owed. */
async function compose(
	db: Database,
	reminder: Claimed,
	today: string,
	origin: string
): Promise<{ to: string; language: string; mail: ComposedMail } | null> {
	const recipient = (await getRecipients(db, [reminder.recipientId])).get(reminder.recipientId);
	if (!recipient) return null;
	if (reminder.kind === 'pulse_open') {
		const pulse = await getPulseMail(db, reminder.subjectId);
		if (
			!pulse ||
			pulse.opensOn !== reminder.occasion ||
			!pulseAnnouncementOwed(pulse, today) ||
			!(await isTeamMember(db, pulse.teamId, reminder.recipientId))
		) {
			return null;
		}
		const language = mailLanguage(null, pulse.teamLanguage);
		const mail = pulseMail(
			{
				recipientName: recipient.name,
				teamName: pulse.teamName,
				opensOn: pulse.opensOn,
				closesOn: pulse.closesOn,
				verified: pulse.verified,
				link: `${origin}/pulse/${pulse.code}`
			},
			language
		);
		return { to: recipient.email, language, mail };
	}
	const commitment = await getCommitmentMail(db, reminder.subjectId);
	if (
		!commitment ||
		commitment.dueOn !== reminder.occasion ||
		commitmentReminder(commitment, today) !== reminder.kind
	) {
		return null;
	}
	const language = mailLanguage(null, commitment.teamLanguage);
	const mail = commitmentMail(
		reminder.kind,
		{
			recipientName: recipient.name,
			teamName: commitment.teamName,
			action: commitment.action,
			valueName: commitment.valueName,
			dueOn: commitment.dueOn,
			link: `${origin}/o/${commitment.orgId}/t/${commitment.teamId}/commitments/${reminder.subjectId}`
		},
		language
	);
	return { to: recipient.email, language, mail };
}

async function deliver(
	db: Database,
	mailer: Mailer,
	reminder: Claimed,
	now: Date,
	origin: string,
	log: Pick<Console, 'error'>
): Promise<keyof ReminderRun> {
	try {
		const composed = await compose(db, reminder, isoDate(now), origin);
		if (!composed) {
			await recordSkipped(db, reminder.id);
			return 'skipped';
		}
		await mailer.send({ to: composed.to, language: composed.language, ...composed.mail });
		await recordSent(db, reminder.id, now);
		return 'sent';
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const next = retryAt(reminder.attempts, now);
		log.error(
			`reminder ${reminder.kind} ${reminder.subjectId} not sent (try ${reminder.attempts}${next ? `, again at ${next.toISOString()}` : ', the last'}): ${message}`
		);
		await recordFailure(db, reminder.id, message, next).catch((e: unknown) =>
			log.error(`reminder ${reminder.id}: could not record the failure`, e)
		);
		return 'failed';
	}
}

export async function sendReminders(
	db: Database,
	mailer: Mailer,
	{ now = new Date(), origin, pulseId, log = console }: RunOptions
): Promise<ReminderRun> {
	const run: ReminderRun = { sent: 0, failed: 0, skipped: 0 };
	const owed = await listOwedReminders(db, isoDate(now), { pulseId });
	for (const reminder of owed) {
		const id = await claimReminder(db, reminder);
		if (!id) continue; // another run has it
		run[await deliver(db, mailer, { ...reminder, id, attempts: 1 }, now, origin, log)]++;
	}
	if (pulseId) return run;
	for (const failed of await listRetries(db, now)) {
		const claimed = await claimRetry(db, failed);
		if (!claimed) continue;
		run[await deliver(db, mailer, claimed, now, origin, log)]++;
	}
	return run;
}
