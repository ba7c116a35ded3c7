import { json } from '@sveltejs/kit';
import { joinByCode } from '$lib/server/live/join';
import { getParticipantToken, setParticipantCookie } from '$lib/server/live/participant-cookie';
import type { RequestHandler } from './$types';

/**
 * Joining from script: JSON `{ code, nickname?, accessCode? }` → 200 `{ workshopId }` and the
 * participant cookie, 202 `{ workshopId, waiting: true }` (and the cookie) when the device waits
 * for the facilitator, or `{ error }` (invalid_body or malformed_code 400, unknown_code 404,
 * workshop_ended 410, workshop_locked 409, invalid_nickname 400, access_code_required /
 * access_code_invalid 403 in a verified room, rate_limited 429). A body that is not such an
 * object is no guess at a code and does not count against the address. The /join page does the
 * same through `joinByCode`.
 */
export const POST: RequestHandler = async ({ request, cookies, getClientAddress }) => {
	const input: unknown = await request.json().catch(() => null);
	const { code, nickname, accessCode } = (input ?? {}) as Record<string, unknown>;
	if (
		typeof input !== 'object' ||
		input === null ||
		typeof code !== 'string' ||
		(nickname !== undefined && nickname !== null && typeof nickname !== 'string') ||
		(accessCode !== undefined && accessCode !== null && typeof accessCode !== 'string')
	) {
		return json({ error: 'invalid_body' }, { status: 400 });
	}
	const result = await joinByCode({
		code: code.slice(0, 40),
		nickname: typeof nickname === 'string' ? nickname : null,
		accessCode: typeof accessCode === 'string' ? accessCode : null,
		address: getClientAddress(),
		currentToken: (workshopId) => getParticipantToken(cookies, workshopId)
	});
	if (!result.ok) {
		const headers = new Headers();
		if (result.body.retryAfter) headers.set('retry-after', String(result.body.retryAfter));
		return json(result.body, { status: result.status, headers });
	}
	if (result.token) setParticipantCookie(cookies, result.workshopId, result.token);
	if (result.entry === 'waiting') {
		return json({ workshopId: result.workshopId, waiting: true }, { status: 202 });
	}
	return json({ workshopId: result.workshopId });
};
