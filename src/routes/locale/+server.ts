import { redirect, type RequestHandler } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/auth/redirects';

/** The language switch: remembers the choice in paraglide's cookie and goes back. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
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
