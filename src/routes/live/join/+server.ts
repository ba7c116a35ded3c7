import { json } from '@sveltejs/kit';
import { joinByCode } from '$lib/server/live/join';
import { getParticipantToken, setParticipantCookie } from '$lib/server/live/participant-cookie';
import type { RequestHandler } from './$types';

/**
 * Joining from script: JSON `{ code, nickname?, accessCode? }` → 200 `{ workshopId }` and the
 * participant cookie, 202 `{ workshopId, waiting: true }` (and the cookie) when the device waits
 * for the facilitator, or `{ error }` (unknown_code 404, workshop_ended 410, workshop_locked
 * 409, invalid_nickname 400, access_code_required / access_code_invalid 403 in a verified room,
 * rate_limited 429). The /join page does the same through `joinByCode`.
 */
export const POST: RequestHandler = async ({ request, cookies, getClientAddress }) => {
	const input = (await request.json().catch(() => null)) as Record<string, unknown> | null;
	const result = await joinByCode({
		code: typeof input?.code === 'string' ? input.code : '',
		nickname: typeof input?.nickname === 'string' ? input.nickname : null,
		accessCode: typeof input?.accessCode === 'string' ? input.accessCode : null,
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
