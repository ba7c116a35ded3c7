/**
 * Reminders by e-mail: which reminder is owed when, and when a failed send is tried again.
 * A leader hears about a commitment on its due day and once when it has become overdue; a
 * team's members hear when a pulse opens. Days are UTC days, as a commitment's due instant is.
 * Pure TypeScript; sending and recording live in src/lib/server/reminders/.
 */
import { addDays, pulseState } from './pulse';
import type { ContentLanguage } from './templates';

export const REMINDER_KINDS = ['commitment_due', 'commitment_overdue', 'pulse_open'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * `sending`: claimed by a process that is sending it (a process that stopped mid-send leaves it
 * so: at most once, never twice); `sent`; `failed`: the last try failed, tried again at
 * `next_attempt_at` unless that is null (out of tries); `skipped`: no longer owed when its
 * retry came (the commitment was closed, the pulse closed).
 */
export const REMINDER_STATES = ['sending', 'sent', 'failed', 'skipped'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export const REMINDER_RULES = {
	/** How often the server looks for reminders owed. */
	checkEveryMinutes: 5,
	/**
	 * How late a reminder may still go out: a server that was down, or a first start with old
	 * data, does not send a backlog of months.
	 */
	catchUpDays: 7,
	/** Tries in all, the first one included. */
	maxAttempts: 4,
	/** Minutes to wait before the 2nd, 3rd, 4th try. */
	retryMinutes: [5, 30, 120]
} as const;

/** The reminder a commitment is owed on `today` (its due day, or just overdue), if any. */
export function commitmentReminder(
	commitment: { status: string; dueOn: string },
	today: string
): Extract<ReminderKind, 'commitment_due' | 'commitment_overdue'> | null {
	if (commitment.status !== 'open') return null;
	if (commitment.dueOn === today) return 'commitment_due';
	const { from } = reminderWindow(today);
	if (commitment.dueOn < today && commitment.dueOn >= from) {
		return 'commitment_overdue';
	}
	return null;
}

/** Whether a pulse's opening is to be announced on `today`: it is open and opened lately. */
export function pulseAnnouncementOwed(
	pulse: { opensOn: string; closesOn: string },
	today: string
): boolean {
	return pulseState(pulse, today) === 'open' && pulse.opensOn >= reminderWindow(today).from;
}

/** The earliest and latest day a reminder owed on `today` can be about. */
export function reminderWindow(today: string): { from: string; to: string } {
	return { from: addDays(today, -REMINDER_RULES.catchUpDays), to: today };
}

/**
 * When a reminder whose `attempts`-th try just failed may be tried again, or null when that
 * was the last try.
 */
export function retryAt(attempts: number, now: Date): Date | null {
	if (attempts >= REMINDER_RULES.maxAttempts) return null;
	const minutes = REMINDER_RULES.retryMinutes[Math.max(0, attempts - 1)];
	return new Date(now.getTime() + minutes * 60_000);
}

/** A mail speaks its recipient's language when the account has one, else the team's. */
export function mailLanguage(
	account: ContentLanguage | null | undefined,
	team: ContentLanguage
): ContentLanguage {
	return account ?? team;
}
