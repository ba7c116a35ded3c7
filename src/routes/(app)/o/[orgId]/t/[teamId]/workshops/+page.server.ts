import { redirect } from '@sveltejs/kit';
import { agendaFromTemplate, findTemplate, TEMPLATES } from '$lib/domain/templates';
import { teamAccess } from '$lib/server/auth/guards';
import { listReviewItems } from '$lib/server/commitments/queries';
import { NewWorkshopForm } from '$lib/server/workshops/forms';
import { createWorkshop, listWorkshops } from '$lib/server/workshops/queries';
import { listTeamValueOptions } from '$lib/server/workshops/staff';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team, canEditMap } = await teamAccess(event);
	const locale = event.locals.locale;
	return {
		workshops: await listWorkshops(db, team.id),
		canFacilitate: canEditMap,
		language: team.language,
		templates: TEMPLATES.map((t) => ({
			id: t.id,
			title: t.title[locale],
			description: t.description[locale],
			minutes: t.minutes,
			activities: t.activities.length
		}))
	};
};

export const actions = {
	create: async (event) => {
		const { db, org, team, user } = await teamAccess(event, 'map.edit');
		const parsed = parseForm(NewWorkshopForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const template = findTemplate(parsed.data.template);
		const values = (await listTeamValueOptions(db, team.id)).filter((v) => !v.archived);
		const review = template ? await listReviewItems(db, team.id) : [];
		// Written in the workshop's language, whatever the facilitator's screen shows.
		const language = parsed.data.language ?? team.language;
		const { id } = await createWorkshop(db, {
			teamId: team.id,
			title: parsed.data.title,
			createdBy: user.id,
			language,
			agenda: template ? agendaFromTemplate(template, language, values, review) : []
		});
		redirect(303, `/o/${org.id}/t/${team.id}/workshops/${id}`);
	}
} satisfies Actions;
