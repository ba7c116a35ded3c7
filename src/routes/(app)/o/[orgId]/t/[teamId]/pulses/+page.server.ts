import { redirect } from '@sveltejs/kit';
import { CONTENT_LANGUAGES } from '$lib/domain/templates';
import { m } from '$lib/paraglide/messages';
import { can } from '$lib/domain/permissions';
import { addDays, nextPulseDates, PULSE_LIMITS, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { listTeamLeaders } from '$lib/server/commitments/queries';
import { newPulseForm } from '$lib/server/pulses/forms';
import { createPulse, listPulses, listPulseValues } from '$lib/server/pulses/queries';
import { announcePulse } from '$lib/server/reminders/scheduler';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team, role, isTeamMember } = await teamAccess(event);
	const today = isoDate(new Date());
	const [pulses, values, leaders] = await Promise.all([
		listPulses(db, team.id),
		listPulseValues(db, team.id),
		listTeamLeaders(db, team.id)
	]);
	const latest = pulses[0];
	const suggested = latest
		? nextPulseDates(latest, today)
		: { opensOn: today, closesOn: addDays(today, 6) };
	return {
		pulses: pulses.map((p) => ({ ...p, state: pulseState(p, today) })),
		values: values.map((v) => v.name),
		leaders: leaders.slice(0, PULSE_LIMITS.leaders.max).map((l) => l.name),
		canManage: can(role, 'follow.manage', { isTeamMember }),
		suggested: { ...suggested, cadenceWeeks: latest?.cadenceWeeks ?? 4 },
		language: team.language,
		today
	};
};

export const actions = {
	create: async (event) => {
		const { db, org, team, user } = await teamAccess(event, 'follow.manage');
		const parsed = parseForm(newPulseForm(new Date()), await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		if ((await listPulseValues(db, team.id)).length === 0) {
			return invalid({ form: { code: 'required' } }, parsed.values);
		}
		const language = parsed.data.language ?? team.language;
		// The suggested question, left as it was, is asked in the pulse's language.
		const question = (locale: (typeof CONTENT_LANGUAGES)[number]) =>
			m.follow_pulse_question_default({}, { locale });
		const openQuestion = CONTENT_LANGUAGES.some((l) => question(l) === parsed.data.openQuestion)
			? question(language)
			: parsed.data.openQuestion;
		const id = await createPulse(db, {
			teamId: team.id,
			createdBy: user.id,
			...parsed.data,
			openQuestion,
			language
		});
		// Mails its team now if it opens today; never waits for (or fails on) the mail server.
		void announcePulse(id);
		redirect(303, `/o/${org.id}/t/${team.id}/pulses/${id}`);
	}
} satisfies Actions;
