/**
 * The reminders' clock, started by the server (hooks.server.ts `init`): a run at start, then
 * every few minutes, and one right after a pulse is created. Without a mail server nothing is
 * started and nothing is sent. Several server processes may each run it: the reminders' unique
 * key (queries.ts `claimReminder`) sends each reminder once, whichever process claims it.
 */
import { REMINDER_RULES } from '../../domain/reminders';
import { database } from '../db';
import { mailSettingsFromEnv, smtpMailer, type Mailer, type MailSettings } from './mailer';
import { sendReminders } from './send';

let timer: ReturnType<typeof setInterval> | null = null;
let running = false;
/** The mailer from the environment, made on first use; null when no mail server is set. */
let active: { mailer: Mailer; origin: string } | null | undefined;

function configured() {
	if (active === undefined) {
		const settings = mailSettingsFromEnv();
		if (!settings.enabled && settings.reason === 'invalid') {
			console.error('reminders: off, SMTP_URL is not an smtp:// or smtps:// URL');
		}
		active = settings.enabled ? { mailer: smtpMailer(settings), origin: settings.origin } : null;
	}
	return active;
}

/** Whether reminders are sent, and through which server: what the settings page tells. */
export function reminderSettings(): MailSettings {
	return mailSettingsFromEnv();
}

async function runOnce(pulseId?: string) {
	const mail = configured();
	if (!mail) return;
	try {
		const run = await sendReminders(await database(), mail.mailer, {
			origin: mail.origin,
			pulseId
		});
		if (run.sent + run.failed > 0) {
			console.log(`reminders: ${run.sent} sent, ${run.failed} failed, ${run.skipped} skipped`);
		}
	} catch (error) {
		console.error('reminders: the run failed', error);
	}
}

async function tick() {
	if (running) return; // the previous run is still sending
	running = true;
	try {
		await runOnce();
	} finally {
		running = false;
	}
}

/** Starts the clock when a mail server is set; does nothing otherwise (or when started). */
export function startReminders(): void {
	if (timer || !configured()) return;
	const minutes = Number(process.env.REMINDER_CHECK_MINUTES) || REMINDER_RULES.checkEveryMinutes;
	timer = setInterval(() => void tick(), minutes * 60_000);
	timer.unref();
	process.once('sveltekit:shutdown', stopReminders);
	void tick();
}

/** Stops the clock and forgets the mail settings (read again from the environment next time). */
export function stopReminders(): void {
	if (timer) clearInterval(timer);
	timer = null;
	active = undefined;
}

/**
 * Announces a new pulse to its team now if it opens today. Never rejects: the action that
 * created the pulse does not wait for it (`void announcePulse(id)`) and answers whatever the
 * mail server does; a failed send is recorded and tried again by the clock.
 */
export function announcePulse(pulseId: string): Promise<void> {
	return runOnce(pulseId);
}
