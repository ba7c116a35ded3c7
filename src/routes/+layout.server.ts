import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Reading the URL runs this again on every navigation: the language can change from page to
	// page (a room page speaks its workshop's), and the browser follows `locale` (hooks.client.ts).
	void url.pathname;
	return {
		user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		locale: locals.locale
	};
};
