import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	createUserFromInvitation,
	createUserWithOrganisation,
	findOpenInvitation
} from '$lib/server/accounts/queries';
import { startSession } from '$lib/server/auth/cookies';
import { hashPassword } from '$lib/server/auth/password';
import { database } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import {
	emailField,
	formProblem,
	invalid,
	nameField,
	parseForm,
	passwordField
} from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const account = {
	name: nameField,
	email: emailField,
	password: passwordField,
	confirm: z.string().max(200)
};
const passwordsMatch = (f: { password: string; confirm: string }) => f.password === f.confirm;
const mismatch = { path: ['confirm'], message: 'mismatch' };

/** Without an invitation the new account founds an organisation; with one it joins. */
const Founder = z.object({ ...account, organisation: nameField }).refine(passwordsMatch, mismatch);
const Invitee = z
	.object({ ...account, invite: z.string().min(1).max(100) })
	.refine(passwordsMatch, mismatch);

export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('invite') ?? '';
	const invite = token ? await findOpenInvitation(await database(), token) : null;
	if (locals.user && !invite) redirect(303, '/app');
	return {
		invite: invite ? { token, orgName: invite.orgName, role: invite.role } : null,
		inviteInvalid: token !== '' && !invite
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const parsed = form.get('invite') ? parseForm(Invitee, form) : parseForm(Founder, form);
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const { name, email, password } = parsed.data;
		const user = { name, email, passwordHash: await hashPassword(password) };

		const db = await database();
		let created: { user: { id: string }; orgId: string };
		try {
			created =
				'invite' in parsed.data
					? await createUserFromInvitation(db, user, parsed.data.invite)
					: await createUserWithOrganisation(db, user, parsed.data.organisation);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'email_taken') {
				return invalid({ email: { code: 'email_taken' } }, parsed.values);
			}
			if (error instanceof DomainError && error.code === 'invitation_invalid') {
				return formProblem(400, { code: 'invalid' });
			}
			throw error;
		}
		await startSession(event, created.user.id);
		redirect(303, `/o/${created.orgId}`);
	}
};
