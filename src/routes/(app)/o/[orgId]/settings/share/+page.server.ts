import { fail } from '@sveltejs/kit';
import { todayOf } from '$lib/domain/period';
import { orgAccess } from '$lib/server/auth/guards';
import { newShareLinkForm, RevokeShareLinkForm } from '$lib/server/share/forms';
import { createShareLink, listShareLinks, revokeShareLink } from '$lib/server/share/queries';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/**
 * Read-only links to the organisation's dashboard: owners only (`org.manage`) create, list and
 * revoke them. A new link's address is shown once, in the answer to the form that made it.
 */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'org.manage');
	return { links: await listShareLinks(db, org.id), today: todayOf(new Date()) };
};

export const actions: Actions = {
	create: async (event) => {
		const { db, org, user } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(newShareLinkForm(todayOf(new Date())), await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const { token } = await createShareLink(db, {
			orgId: org.id,
			createdBy: user.id,
			...parsed.data
		});
		return { created: { url: `${event.url.origin}/s/${token}`, label: parsed.data.label } };
	},
	revoke: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(RevokeShareLinkForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { revokeProblem: true });
		// Another organisation's link, or one revoked meanwhile.
		if (!(await revokeShareLink(db, org.id, parsed.data.id))) {
			return fail(404, { revokeProblem: true });
		}
		return { revoked: true };
	}
};
