import { page } from '$app/state';
import { baseLocale, isLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

/**
 * The browser speaks the language the server chose for the page (src/hooks/i18n.ts): the
 * switch's cookie, else a room page's workshop or pulse, else the browser's preference. The
 * root layout's data carries it, so a move from /join to a Dutch workshop's page changes it too;
 * before the data is there, `<html lang>` as the server sent it. (Paraglide's own guess would
 * also write its cookie, which would then pass for the participant's choice.)
 */
overwriteGetLocale(() => {
	const locale = (page.data as { locale?: unknown }).locale ?? document.documentElement.lang;
	return isLocale(locale) ? locale : baseLocale;
});
