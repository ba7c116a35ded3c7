import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/domain/culture';
import { can } from '$lib/domain/permissions';
import {
	changeRole,
	createInvitation,
	listMembers,
	listOpenInvitations,
	listTeams,
	removeMember,
	revokeInvitation
} from '$lib/server/accounts/queries';
import { orgAccess } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/errors';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const id = z.string().min(1).max(64);
const MemberForm = z.object({ userId: id });
const RoleForm = z.object({ userId: id, role: z.enum(ROLES) });
const InviteForm = z.object({
	role: z.enum(ROLES),
	teamId: z
		.string()
		.max(64)
		.optional()
		.transform((v) => v || null)
});
const RevokeForm = z.object({ invitationId: id });

export const load: PageServerLoad = async (event) => {
	const { db, user, org, role } = await orgAccess(event, 'members.list');
	const canManage = can(role, 'members.manage');
	return {
		me: user.id,
		members: await listMembers(db, org.id),
		canManage,
		invitations: canManage ? await listOpenInvitations(db, org.id) : [],
		teams: canManage ? await listTeams(db, org.id) : []
	};
};

/** A refusal shown next to the member it concerns, beside the control that caused it. */
function memberProblem(memberId: string, control: 'role' | 'remove', error: unknown) {
	if (error instanceof DomainError && (error.code === 'last_owner' || error.code === 'not_found')) {
		return fail(error.code === 'not_found' ? 404 : 400, {
			memberId,
			control,
			problem: error.code
		});
	}
	throw error;
}

export const actions: Actions = {
	changeRole: async (event) => {
		const { db, user, org } = await orgAccess(event, 'members.manage');
		const parsed = parseForm(RoleForm, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, { memberId: parsed.values.userId, control: 'role', problem: 'invalid' });
		}
		const { userId, role } = parsed.data;
		try {
			await changeRole(db, org.id, userId, role);
		} catch (error) {
			return memberProblem(userId, 'role', error);
		}
		// An owner who gave up the role may no longer be allowed to see this page.
		if (userId === user.id && !can(role, 'members.list')) redirect(303, `/o/${org.id}`);
		return { memberId: userId, control: 'role', saved: true };
	},

	removeMember: async (event) => {
		const { db, user, org } = await orgAccess(event, 'members.manage');
		const parsed = parseForm(MemberForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { problem: 'invalid' });
		const { userId } = parsed.data;
		try {
			await removeMember(db, org.id, userId);
		} catch (error) {
			return memberProblem(userId, 'remove', error);
		}
		if (userId === user.id) redirect(303, '/app');
	},

	invite: async (event) => {
		const { db, user, org } = await orgAccess(event, 'members.manage');
		const parsed = parseForm(InviteForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			const { token, expiresAt } = await createInvitation(db, {
				orgId: org.id,
				...parsed.data,
				createdBy: user.id
			});
			return { invitation: { link: `${event.url.origin}/invite/${token}`, expiresAt } };
		} catch (error) {
			if (error instanceof DomainError && error.code === 'not_found') {
				return invalid({ teamId: { code: 'invalid' } }, parsed.values);
			}
			throw error;
		}
	},

	revoke: async (event) => {
		const { db, org } = await orgAccess(event, 'members.manage');
		const parsed = parseForm(RevokeForm, await event.request.formData());
		const revoked = parsed.ok && (await revokeInvitation(db, org.id, parsed.data.invitationId));
		return revoked ? { revoke: 'done' } : fail(404, { revoke: 'gone' });
	}
};
