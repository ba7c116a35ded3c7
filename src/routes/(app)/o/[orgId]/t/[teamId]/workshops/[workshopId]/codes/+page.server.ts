import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { ACCESS_CODE_LIMITS } from '$lib/domain/access-codes';
import { countAccessCodes } from '$lib/server/access-codes/queries';
import { makeSlips } from '$lib/server/access-codes/slips';
import { CodesForm } from '$lib/server/admission/forms';
import { teamAccess } from '$lib/server/auth/guards';
import { printAccessCodes, voidAccessCodes } from '$lib/server/live/admission';
import { parseForm } from '$lib/server/validation';
import { getWorkshop } from '$lib/server/workshops/queries';
import type { Actions, PageServerLoad } from './$types';

/** One-time codes are for those who may facilitate the team's workshop. */
async function codesAccess(event: RequestEvent) {
	const access = await teamAccess(event, 'map.edit');
	const workshop = await getWorkshop(access.db, access.team.id, event.params.workshopId ?? '');
	if (!workshop) error(404);
	return { ...access, workshop };
}

export const load: PageServerLoad = async (event) => {
	const { db, org, team, workshop } = await codesAccess(event);
	return {
		workshop: { id: workshop.id, title: workshop.title, verified: workshop.verified },
		counts: await countAccessCodes(db, { workshopId: workshop.id }),
		limits: ACCESS_CODE_LIMITS,
		workshopHref: `/o/${org.id}/t/${team.id}/workshops/${workshop.id}`
	};
};

export const actions = {
	make: async (event) => {
		const { workshop } = await codesAccess(event);
		const parsed = parseForm(CodesForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { codes: 'invalid' as const, count: parsed.values.count });
		const codes = await printAccessCodes(workshop.id, parsed.data.count);
		if (!codes) return fail(409, { codes: 'limit' as const, count: parsed.values.count });
		const slips = await makeSlips(`${event.url.origin}/join/${workshop.joinCode}`, codes);
		return {
			slips,
			joinHost: event.url.host,
			joinCode: workshop.joinCode
		};
	},

	void: async (event) => {
		const { workshop } = await codesAccess(event);
		return { voided: await voidAccessCodes(workshop.id) };
	}
} satisfies Actions;
