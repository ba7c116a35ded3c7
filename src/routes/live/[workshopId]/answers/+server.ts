import { answerWebRequest, replyResponse } from '$lib/server/live/answer-request';
import { getParticipantToken } from '$lib/server/live/participant-cookie';
import type { RequestHandler } from './$types';

/**
 * A participant's answers (JSON `{ activityId, answers: { itemId: score } }`). In production
 * scripts/serve.js answers this path itself (src/lib/server/live/lean.ts) with the same core;
 * this endpoint serves `vite dev` and any server without the lean path.
 */
export const POST: RequestHandler = async ({ params, request, cookies, getClientAddress }) =>
	replyResponse(
		await answerWebRequest(
			request,
			params.workshopId,
			getParticipantToken(cookies, params.workshopId),
			getClientAddress()
		)
	);
