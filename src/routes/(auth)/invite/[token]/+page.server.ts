import { fail, redirect } from '@sveltejs/kit';
import { acceptInvitation, findOpenInvitation, getMembership } from '$lib/server/accounts/queries';
import { requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await database();
	const invite = await findOpenInvitation(db, params.token);
	if (!invite) return { invite: null, alreadyMember: false };
	const alreadyMember = locals.user
		? Boolean(await getMembership(db, invite.orgId, locals.user.id))
		: false;
	return {
		invite: { orgName: invite.orgName, role: invite.role, orgId: invite.orgId },
		alreadyMember
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		let orgId: string;
		try {
			orgId = await acceptInvitation(await database(), event.params.token, user.id);
		} catch (error) {
			if (
				error instanceof DomainError &&
				(error.code === 'invitation_invalid' || error.code === 'already_member')
			) {
				return fail(400, { problem: error.code });
			}
			throw error;
		}
		redirect(303, `/o/${orgId}`);
	}
};
