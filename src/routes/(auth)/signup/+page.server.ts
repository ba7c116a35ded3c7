import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { env } from '$env/dynamic/private';
import { signUpPerAddress } from '$lib/domain/throttle';
import {
	createUserFromInvitation,
	createUserWithOrganisation,
	findOpenInvitation
} from '$lib/server/accounts/queries';
import { hashPassword } from '$lib/server/auth/password';
import { noteSignIn, takeSignUp } from '$lib/server/auth/throttle';
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

/**
 * Where every sign-up that passed the checks ends, whether the address was new or already had
 * an account: the same redirect, no session, no hint. The sign-in page says what to do next.
 */
const SIGNED_UP = '/signin?signed-up';

/** Sign-ups an address may make in an hour; the e2e run, all from 127.0.0.1, raises it. */
const policy = signUpPerAddress(Number(env.SIGN_UPS_PER_HOUR) || undefined);

export const actions: Actions = {
	/**
	 * The answer must not tell whether the e-mail address has an account, so a new account is
	 * not signed in here: a taken address would be the one answer without a session. Both get
	 * `SIGNED_UP`; the new account's owner signs in with the password they just chose, the
	 * owner of the existing account with theirs, and nothing of the existing account changes.
	 */
	default: async (event) => {
		const form = await event.request.formData();
		const parsed = form.get('invite') ? parseForm(Invitee, form) : parseForm(Founder, form);
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const { name, email, password } = parsed.data;

		const db = await database();
		const address = event.getClientAddress();
		const wait = await takeSignUp(db, address, policy);
		if (wait > 0) {
			const minutes = Math.ceil(wait / 60_000);
			return formProblem(429, { code: 'sign_up_throttled', limit: minutes }, parsed.values);
		}

		const user = { name, email, passwordHash: await hashPassword(password) };
		try {
			if ('invite' in parsed.data) {
				await createUserFromInvitation(db, user, parsed.data.invite);
			} else {
				await createUserWithOrganisation(db, user, parsed.data.organisation);
			}
			// They hold the password: the address is one this account signs in from.
			await noteSignIn(db, email, address);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'invitation_invalid') {
				return formProblem(400, { code: 'invalid' });
			}
			if (!(error instanceof DomainError && error.code === 'email_taken')) throw error;
		}
		redirect(303, SIGNED_UP);
	}
};
