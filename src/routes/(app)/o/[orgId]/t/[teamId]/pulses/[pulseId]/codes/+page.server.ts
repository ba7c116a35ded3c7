import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { ACCESS_CODE_LIMITS } from '$lib/domain/access-codes';
import {
	countAccessCodes,
	createAccessCodes,
	voidUnusedCodes
} from '$lib/server/access-codes/queries';
import { makeSlips } from '$lib/server/access-codes/slips';
import { CodesForm } from '$lib/server/admission/forms';
import { teamAccess } from '$lib/server/auth/guards';
import { getPulse } from '$lib/server/pulses/queries';
import { parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** A pulse's one-time codes are for those who manage the team's pulses. */
async function codesAccess(event: RequestEvent) {
	const access = await teamAccess(event, 'follow.manage');
	const pulse = await getPulse(access.db, access.team.id, event.params.pulseId ?? '');
	if (!pulse) error(404);
	return { ...access, pulse };
}

export const load: PageServerLoad = async (event) => {
	const { db, org, team, pulse } = await codesAccess(event);
	return {
		pulse: {
			id: pulse.id,
			opensOn: pulse.opensOn,
			closesOn: pulse.closesOn,
			verified: pulse.verified
		},
		counts: await countAccessCodes(db, { pulseId: pulse.id }),
		limits: ACCESS_CODE_LIMITS,
		pulseHref: `/o/${org.id}/t/${team.id}/pulses/${pulse.id}`
	};
};

export const actions = {
	make: async (event) => {
		const { db, pulse } = await codesAccess(event);
		const parsed = parseForm(CodesForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { codes: 'invalid' as const, count: parsed.values.count });
		const codes = await createAccessCodes(db, { pulseId: pulse.id }, parsed.data.count);
		if (!codes) return fail(409, { codes: 'limit' as const, count: parsed.values.count });
		const link = `${event.url.origin}/pulse/${pulse.code}`;
		return { slips: await makeSlips(link, codes), link };
	},

	void: async (event) => {
		const { db, pulse } = await codesAccess(event);
		return { voided: await voidUnusedCodes(db, { pulseId: pulse.id }) };
	}
} satisfies Actions;
