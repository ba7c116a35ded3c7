/**
 * The participant's device identity: cookie `p_<workshopId>` holding the token from
 * `joinWorkshop`. httpOnly (scripts never see it), SameSite=Lax (other sites cannot post with
 * it), one per workshop, so joining a second workshop does not replace the first.
 */
import type { Cookies } from '@sveltejs/kit';

/** A workshop lasts hours; a week covers a reload the next morning, and no more. */
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export function participantCookieName(workshopId: string): string {
	return `p_${workshopId}`;
}

export function getParticipantToken(cookies: Cookies, workshopId: string): string | undefined {
	return cookies.get(participantCookieName(workshopId));
}

export function setParticipantCookie(cookies: Cookies, workshopId: string, token: string): void {
	// `secure` is left to SvelteKit, which sets it everywhere but plain-http localhost.
	cookies.set(participantCookieName(workshopId), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: MAX_AGE_SECONDS
	});
}

export function clearParticipantCookie(cookies: Cookies, workshopId: string): void {
	cookies.delete(participantCookieName(workshopId), { path: '/' });
}

/** The token from a raw `Cookie` header, read as SvelteKit's `cookies.get` would (the lean path). */
export function participantTokenFromHeader(
	header: string | undefined,
	workshopId: string
): string | undefined {
	if (!header) return undefined;
	const prefix = `${participantCookieName(workshopId)}=`;
	for (const part of header.split(';')) {
		const pair = part.trim();
		if (!pair.startsWith(prefix)) continue;
		let value = pair.slice(prefix.length);
		if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
			value = value.slice(1, -1);
		}
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	}
	return undefined;
}
