/**
 * The mail server, from the environment: `SMTP_URL` (e.g. `smtp://user:pass@host:587`, or
 * `smtps://…` for TLS from the start) and `MAIL_FROM`. Without `SMTP_URL` no mail is sent at
 * all, and nothing fails: the organisation's settings page says reminders are off.
 * Sent with nodemailer (no dependencies of its own, the SMTP client most Node apps use).
 */
import { createTransport } from 'nodemailer';

export type MailSettings =
	| { enabled: false; reason: 'not_set' | 'invalid' }
	| {
			enabled: true;
			url: string;
			from: string;
			/** Host and port, without credentials: what the settings page may show. */
			server: string;
			/** Where the links in a mail point: the app's public URL. */
			origin: string;
	  };

type Env = Record<string, string | undefined>;

/** The app's public URL, as scripts/serve.js sets it. */
export function publicOrigin(env: Env = process.env): string {
	return (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}

export function mailSettingsFromEnv(env: Env = process.env): MailSettings {
	const raw = env.SMTP_URL?.trim();
	if (!raw) return { enabled: false, reason: 'not_set' };
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { enabled: false, reason: 'invalid' };
	}
	if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
		return { enabled: false, reason: 'invalid' };
	}
	const origin = publicOrigin(env);
	const from = env.MAIL_FROM?.trim() || `Undercurrent <reminders@${new URL(origin).hostname}>`;
	return { enabled: true, url: raw, from, server: url.host, origin };
}

export interface Mail {
	to: string;
	subject: string;
	text: string;
	language: string;
}

/** Sends one mail; rejects when the server refused it or could not be reached. */
export interface Mailer {
	send(mail: Mail): Promise<void>;
}

/** A mailer on the configured SMTP server: one connection per mail, bounded waits. */
export function smtpMailer(settings: Extract<MailSettings, { enabled: true }>): Mailer {
	const transport = createTransport({
		url: settings.url,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});
	return {
		async send({ to, subject, text, language }) {
			await transport.sendMail({
				from: settings.from,
				to,
				subject,
				text,
				headers: { 'Content-Language': language, 'Auto-Submitted': 'auto-generated' }
			});
		}
	};
}
