import { redirect } from '@sveltejs/kit';
import { CONTENT_LANGUAGES } from '$lib/domain/templates';
import { m } from '$lib/paraglide/messages';
import { can } from '$lib/domain/permissions';
import { addDays, nextPulseDates, PULSE_LIMITS, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { meetsMinimumGroup } from '$lib/domain/metrics';
import { participation } from '$lib/domain/participation';
import { teamAccess } from '$lib/server/auth/guards';
import { listTeamLeaders } from '$lib/server/commitments/queries';
import { getTeamSize, releasedRespondents } from '$lib/server/participation/queries';
import { newPulseForm } from '$lib/server/pulses/forms';
import { createPulse, listPulses, listPulseValues } from '$lib/server/pulses/queries';
import { announcePulse } from '$lib/server/reminders/scheduler';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role, isTeamMember } = await teamAccess(event);
	const today = isoDate(new Date());
	const [pulses, values, leaders, size, released] = await Promise.all([
		listPulses(db, team.id),
		listPulseValues(db, team.id),
		listTeamLeaders(db, team.id),
		getTeamSize(db, team.id),
		releasedRespondents(db, team.id)
	]);
	// Respondents over the team's size, only where the pulse's results are shown (a withheld
	// pulse keeps showing its count alone).
	const participationOf = (p: { id: string; respondents: number }) =>
		meetsMinimumGroup(released.get(p.id) ?? 0, org.minGroupSize)
			? participation(p.respondents, size)
			: null;
	const latest = pulses[0];
	const suggested = latest
		? nextPulseDates(latest, today)
		: { opensOn: today, closesOn: addDays(today, 6) };
	return {
		pulses: pulses.map((p) => ({
			...p,
			state: pulseState(p, today),
			participation: participationOf(p)
		})),
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
