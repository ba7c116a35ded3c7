/**
 * `POST /live/<workshopId>/answers` as plain data in and out, so the SvelteKit endpoint and
 * the lean node:http path (lean.ts) give the very same answers and status codes.
 *
 * Request: JSON `{ activityId, answers: { itemId: score } }` with the participant cookie.
 * Answers: 200 `{ ok: true, stored }`, or 4xx/503 `{ error, limit?, retryAfter? }`.
 */
import { LiveError, type LiveErrorBody } from './errors';
import { submitAnswers } from './votes';

export const ANSWER_BODY_LIMIT = 16 * 1024;
/** More keys than any activity has items (60) is not a mistake we need to explain. */
const MAX_KEYS = 200;
const MAX_ID_LENGTH = 64;

export const ANSWER_HEADERS: Record<string, string> = {
	'content-type': 'application/json',
	'cache-control': 'no-store'
};

export interface AnswerReply {
	status: number;
	body: string;
	headers: Record<string, string>;
}

function reply(status: number, body: object, retryAfter?: number): AnswerReply {
	const headers =
		retryAfter === undefined
			? ANSWER_HEADERS
			: { ...ANSWER_HEADERS, 'retry-after': String(retryAfter) };
	return { status, body: JSON.stringify(body), headers };
}

export function errorReply(error: LiveError): AnswerReply {
	const body: LiveErrorBody = error.body;
	return reply(error.status, body, body.retryAfter);
}

export function isJsonContentType(value: string | null | undefined): boolean {
	return /^application\/json\s*(;|$)/i.test(value ?? '');
}

function parseAnswers(body: string): { activityId: string; answers: Record<string, number> } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		throw new LiveError('invalid_json');
	}
	if (typeof parsed !== 'object' || parsed === null) throw new LiveError('invalid_body');
	const { activityId, answers } = parsed as Record<string, unknown>;
	if (
		typeof activityId !== 'string' ||
		activityId.length === 0 ||
		activityId.length > MAX_ID_LENGTH
	) {
		throw new LiveError('invalid_body');
	}
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
		throw new LiveError('invalid_body');
	}
	const entries = Object.entries(answers);
	if (entries.length > MAX_KEYS) throw new LiveError('too_many', { limit: MAX_KEYS });
	for (const [itemId, score] of entries) {
		if (itemId.length > MAX_ID_LENGTH * 2 || typeof score !== 'number') {
			throw new LiveError('invalid_body');
		}
	}
	return { activityId, answers: answers as Record<string, number> };
}

/** The whole request after transport: the body as text (already within the size limit). */
export async function answerRequest(input: {
	workshopId: string;
	token: string | undefined;
	body: string;
	address: string;
}): Promise<AnswerReply> {
	try {
		const { activityId, answers } = parseAnswers(input.body);
		const { stored } = await submitAnswers({
			workshopId: input.workshopId,
			participantToken: input.token,
			activityId,
			answers,
			address: input.address
		});
		return reply(200, { ok: true, stored });
	} catch (error) {
		if (error instanceof LiveError) return errorReply(error);
		console.error('live: answer failed', error);
		return errorReply(new LiveError('not_stored'));
	}
}

/** The SvelteKit side: a web `Request`, checked for type and size before it is read. */
export async function answerWebRequest(
	request: Request,
	workshopId: string,
	token: string | undefined,
	address: string
): Promise<AnswerReply> {
	if (!isJsonContentType(request.headers.get('content-type'))) {
		return errorReply(new LiveError('unsupported_media_type'));
	}
	const tooLarge = () => errorReply(new LiveError('too_large', { limit: ANSWER_BODY_LIMIT }));
	if (Number(request.headers.get('content-length') ?? 0) > ANSWER_BODY_LIMIT) return tooLarge();
	let body: string;
	try {
		body = await request.text();
	} catch {
		return tooLarge();
	}
	if (Buffer.byteLength(body) > ANSWER_BODY_LIMIT) return tooLarge();
	return answerRequest({ workshopId, token, body, address });
}

export function replyResponse(reply: AnswerReply): Response {
	return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
