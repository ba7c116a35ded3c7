import { json, redirect, type RequestHandler } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/auth/redirects';

/** The language switch: remembers the choice in paraglide's cookie and goes back. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	// A form, as the switch sends it; anything else is refused with a reason, not a crash.
	const form = await request.formData().catch(() => null);
	if (!form) return json({ error: 'form_expected' }, { status: 415 });
	const locale = form.get('locale');
	const back = String(form.get('redirectTo') ?? '/');
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safeNext(back, '/'));
};
