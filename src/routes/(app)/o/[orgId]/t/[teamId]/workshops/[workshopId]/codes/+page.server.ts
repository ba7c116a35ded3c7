import { error, fail, type RequestEvent } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { ACCESS_CODE_LIMITS, formatAccessCode } from '$lib/domain/access-codes';
import { countAccessCodes } from '$lib/server/access-codes/queries';
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
		const joinUrl = `${event.url.origin}/join/${workshop.joinCode}`;
		// Made here and sent once; never cached or stored (qr.ts caches, so it is not used).
		const slips = await Promise.all(
			codes.map(async (code) => ({
				code: formatAccessCode(code),
				qr: `data:image/svg+xml;base64,${Buffer.from(
					await QRCode.toString(`${joinUrl}#k=${code}`, {
						type: 'svg',
						errorCorrectionLevel: 'M',
						margin: 1
					})
				).toString('base64')}`
			}))
		);
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
