/**
 * A respondent's device identity for one pulse: cookie `q_<pulseId>` with a random token, of
 * which only the SHA-256 is stored. Like the workshop's participant cookie: httpOnly,
 * SameSite=Lax, one per pulse. It makes a second answer from the same device replace the first.
 */
import type { Cookies } from '@sveltejs/kit';

/** Long enough to outlive a pulse's window (at most 8 weeks) with room to spare. */
const MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

const name = (pulseId: string) => `q_${pulseId}`;

export function getRespondentToken(cookies: Cookies, pulseId: string): string | undefined {
	return cookies.get(name(pulseId));
}

export function setRespondentCookie(cookies: Cookies, pulseId: string, token: string): void {
	cookies.set(name(pulseId), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: MAX_AGE_SECONDS
	});
}
