import type { Handle } from '@sveltejs/kit';
import {
	cookieName,
	defineCustomServerStrategy,
	getTextDirection,
	isLocale
} from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { database } from '$lib/server/db';
import { roomPageLanguage } from '$lib/server/room/language';

/** The language someone chose with the switch (src/routes/locale), if any. */
function chosenLocale(request: Request): string | undefined {
	const prefix = `${cookieName}=`;
	const value = request.headers
		.get('cookie')
		?.split(';')
		.map((c) => c.trim())
		.find((c) => c.startsWith(prefix))
		?.slice(prefix.length);
	return isLocale(value) ? value : undefined;
}

/**
 * The client's address per request, for the join-code limits (the strategy sees the request
 * only). Asked for only on a `/join/<code>` page: behind a proxy (`ADDRESS_HEADER`) a request
 * without the header makes adapter-node throw, which must not turn every page into a 500.
 */
const addresses = new WeakMap<Request, () => string>();

// A participant's page speaks the language of its workshop or pulse, unless the participant
// chose one (paraglide asks custom strategies before the cookie, so the choice is checked here).
defineCustomServerStrategy('custom-content', {
	getLocale: async (request) => {
		const address = request && addresses.get(request);
		if (!request || !address || chosenLocale(request)) return undefined;
		const path = new URL(request.url).pathname;
		return (await roomPageLanguage(await database(), path, address)) ?? undefined;
	}
});

/**
 * Picks the locale (the cookie of the language switch, then the language of the room's
 * workshop or pulse, then Accept-Language, then English) and sets `<html lang>`. The browser
 * follows the server's choice (src/hooks.client.ts).
 */
export const i18n: Handle = ({ event, resolve }) => {
	addresses.set(event.request, () => event.getClientAddress());
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', locale).replace('%dir%', getTextDirection(locale))
		});
	});
};
