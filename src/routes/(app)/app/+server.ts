import { redirect } from '@sveltejs/kit';
import { listOrganisationsOf } from '$lib/server/accounts/queries';
import { requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** "My organisation": the first one the user belongs to, or the form to found one. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const orgs = await listOrganisationsOf(await database(), user.id);
	redirect(303, orgs.length > 0 ? `/o/${orgs[0].id}` : '/orgs/new');
};
