import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { findUserByEmail } from '$lib/server/accounts/queries';
import { startSession } from '$lib/server/auth/cookies';
import { burnVerifyTime, verifyPassword } from '$lib/server/auth/password';
import { safeNext } from '$lib/server/auth/redirects';
import { noteSignIn, noteSignInFailure, signInWait } from '$lib/server/auth/throttle';
import { database } from '$lib/server/db';
import { formProblem, invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const SignIn = z.object({
	email: z
		.string()
		.transform((s) => s.trim().toLowerCase())
		.pipe(z.string().min(1).max(254)),
	password: z.string().min(1).max(200),
	next: z.string().max(2000).optional()
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {
		next: url.searchParams.get('next') ?? '',
		// Sent here by the sign-up form, whether the address was new or not (signup/+page.server.ts).
		signedUp: url.searchParams.has('signed-up')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(SignIn, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const { email, password, next } = parsed.data;

		const db = await database();
		const address = event.getClientAddress();
		// The account's lock, or the address's for an account not signed in from it before.
		const wait = await signInWait(db, email, address);
		if (wait > 0) {
			const minutes = Math.ceil(wait / 60_000);
			return formProblem(429, { code: 'throttled', limit: minutes }, { email });
		}

		const user = await findUserByEmail(db, email);
		const ok = user
			? await verifyPassword(user.passwordHash, password)
			: await burnVerifyTime(password);
		if (!user || !ok) {
			await noteSignInFailure(db, email, address);
			return formProblem(400, { code: 'credentials' }, { email });
		}
		await noteSignIn(db, email, address);
		await startSession(event, user.id);
		redirect(303, safeNext(next));
	}
};
