/**
 * The texts of the reminders, in the recipient's language. A pulse's mail carries the pulse's
 * one public link, the same for every recipient (no token or tracking parameter), so an answer
 * can never be tied to the mail that brought it; no mail holds an answer or a result.
 */
import type { ContentLanguage } from '../../domain/templates';
import { m } from '$lib/paraglide/messages';

export interface ComposedMail {
	subject: string;
	text: string;
}

function day(iso: string, locale: ContentLanguage): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${iso}T00:00:00Z`)
	);
}

const withFooter = (body: string, locale: ContentLanguage) =>
	`${body}\n\n-- \n${m.reminder_footer({}, { locale })}\n`;

export function commitmentMail(
	kind: 'commitment_due' | 'commitment_overdue',
	input: {
		recipientName: string;
		teamName: string;
		action: string;
		valueName: string;
		dueOn: string;
		link: string;
	},
	locale: ContentLanguage
): ComposedMail {
	const params = {
		name: input.recipientName,
		team: input.teamName,
		action: input.action,
		value: input.valueName,
		due: day(input.dueOn, locale),
		link: input.link
	};
	const oneLine = input.action.replace(/\s+/g, ' ');
	if (kind === 'commitment_due') {
		return {
			subject: m.reminder_due_subject({ action: oneLine }, { locale }),
			text: withFooter(m.reminder_due_body(params, { locale }), locale)
		};
	}
	return {
		subject: m.reminder_overdue_subject({ action: oneLine, due: params.due }, { locale }),
		text: withFooter(m.reminder_overdue_body(params, { locale }), locale)
	};
}

export function pulseMail(
	input: {
		recipientName: string;
		teamName: string;
		opensOn: string;
		closesOn: string;
		verified: boolean;
		link: string;
	},
	locale: ContentLanguage
): ComposedMail {
	const closes = day(input.closesOn, locale);
	const body = m.reminder_pulse_body(
		{
			name: input.recipientName,
			team: input.teamName,
			opens: day(input.opensOn, locale),
			closes,
			link: input.link
		},
		{ locale }
	);
	return {
		subject: m.reminder_pulse_subject({ team: input.teamName, closes }, { locale }),
		text: withFooter(
			input.verified ? `${body}\n\n${m.reminder_pulse_verified({}, { locale })}` : body,
			locale
		)
	};
}
