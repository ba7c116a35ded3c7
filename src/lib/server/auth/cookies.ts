import type { RequestEvent } from '@sveltejs/kit';
import { database } from '../db';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	SESSION_COOKIE,
	type Session
} from './session';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'locals'>;

export function setSessionCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	// `secure` is left to SvelteKit, which sets it everywhere but plain-http localhost.
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		expires: expiresAt
	});
}

export function clearSessionCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Signs the user in with a brand-new session. Any session the browser held before is ended
 * first, so a token planted before sign-in (session fixation) is worthless afterwards.
 */
export async function startSession(event: CookieEvent, userId: string): Promise<Session> {
	const db = await database();
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(event, token, session.expiresAt);
	return session;
}

export async function endSession(event: CookieEvent): Promise<void> {
	if (event.locals.session) await invalidateSession(await database(), event.locals.session.id);
	clearSessionCookie(event);
	event.locals.session = null;
	event.locals.user = null;
}
