/**
 * The lean path for the hottest requests. SvelteKit's request pipeline tops out far below what
 * node:http does on these machines, and keeps ~45 KB per open stream (docs/performance.md), so
 * scripts/serve.js offers every request to `handleLeanRequest` first. It serves two:
 * - `POST /live/<id>/answers` with a JSON body, through the same `answerRequest` core as the
 *   SvelteKit endpoint;
 * - `GET /live/<id>/events` of a participant (their cookie), with the same stream as the
 *   SvelteKit endpoint, written straight to the socket.
 * Anything else, or anything it cannot settle (a presenter, a staff console, an unknown
 * cookie), goes to adapter-node, which answers it as if the lean path did not exist.
 *
 * The app registers the handler on a global at startup (the `init` hook), because the
 * custom server runs outside the bundle and cannot import it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaderList, securityHeadersFor, servedOverHttps } from '../security-headers';
import {
	ANSWER_BODY_LIMIT,
	answerRequest,
	errorReply,
	isJsonContentType,
	type AnswerReply
} from './answer-request';
import { LiveError } from './errors';
import { claimStream } from './limits';
import { participantTokenFromHeader } from './participant-cookie';
import { lookupParticipant } from './participants';
import { getRoom, loadedRoom } from './rooms';
import { roomNodeStream } from './streams';

export const LEAN_PATH = Symbol.for('undercurrent.live');

export interface LeanPath {
	/**
	 * Returns false for requests it does not take. Once it took one it either answers it or,
	 * having found it is not one for the lean path after all, hands it to `next`.
	 */
	handle(req: IncomingMessage, res: ServerResponse, next: () => void): boolean;
}

const ANSWERS_PATH = /^\/live\/([^/?#]+)\/answers(?:\?.*)?$/;
const EVENTS_PATH = /^\/live\/([^/?#]+)\/events(\?.*)?$/;

function send(req: IncomingMessage, res: ServerResponse, reply: AnswerReply, close = false) {
	// A flat list of names and values: node writes it without building a headers object.
	const headers = [
		...securityHeaderList(req.headers),
		'content-length',
		String(Buffer.byteLength(reply.body))
	];
	for (const name in reply.headers) headers.push(name, reply.headers[name]);
	if (close) headers.push('connection', 'close');
	res.writeHead(reply.status, headers);
	res.end(reply.body);
}

const ADDRESS_HEADER = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
const XFF_DEPTH = Number.parseInt(process.env.XFF_DEPTH ?? '1');

/**
 * The client's address as adapter-node's `getClientAddress` gives it to SvelteKit (the same
 * ADDRESS_HEADER and XFF_DEPTH), so the limits per address count the same on both paths.
 * Null where adapter-node would fail: the request is then left to it.
 */
export function clientAddress(req: IncomingMessage): string | null {
	if (!ADDRESS_HEADER) return req.socket.remoteAddress ?? null;
	const value = req.headers[ADDRESS_HEADER];
	if (typeof value !== 'string') return null;
	if (ADDRESS_HEADER !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	if (!(XFF_DEPTH >= 1) || XFF_DEPTH > addresses.length) return null;
	return addresses[addresses.length - XFF_DEPTH].trim();
}

function decoded(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}

export function handleLeanRequest(
	req: IncomingMessage,
	res: ServerResponse,
	next: () => void
): boolean {
	if (req.method === 'GET') return handleEvents(req, res, next);
	if (req.method !== 'POST' || !isJsonContentType(req.headers['content-type'])) return false;
	const match = ANSWERS_PATH.exec(req.url ?? '');
	const workshopId = match && decoded(match[1]);
	const address = workshopId && clientAddress(req);
	if (!workshopId || !address) return false;

	const tooLarge = () =>
		send(req, res, errorReply(new LiveError('too_large', { limit: ANSWER_BODY_LIMIT })), true);
	if (Number(req.headers['content-length'] ?? 0) > ANSWER_BODY_LIMIT) {
		tooLarge();
		req.resume();
		return true;
	}

	const chunks: Buffer[] = [];
	let size = 0;
	let refused = false;
	req.on('data', (chunk: Buffer) => {
		if (refused) return;
		size += chunk.length;
		if (size > ANSWER_BODY_LIMIT) {
			refused = true;
			tooLarge();
			return;
		}
		chunks.push(chunk);
	});
	req.on('end', () => {
		if (refused) return;
		const token = participantTokenFromHeader(req.headers.cookie, workshopId);
		const body =
			chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
		void answerRequest({ workshopId, token, body, address }).then(
			(reply) => send(req, res, reply),
			() => send(req, res, errorReply(new LiveError('not_stored')))
		);
	});
	req.on('error', () => res.destroy());
	return true;
}

function handleEvents(req: IncomingMessage, res: ServerResponse, next: () => void): boolean {
	const match = EVENTS_PATH.exec(req.url ?? '');
	const workshopId = match && decoded(match[1]);
	if (!workshopId || new URLSearchParams(match[2] ?? '').has('audience')) return false;
	const token = participantTokenFromHeader(req.headers.cookie, workshopId);
	const address = clientAddress(req);
	if (!token || !address) return false;
	void participantStream(workshopId, token, address, req, res).then(
		(served) => served || next(),
		(error) => {
			console.error('live: lean stream failed', error);
			next();
		}
	);
	return true;
}

async function participantStream(
	workshopId: string,
	token: string,
	address: string,
	req: IncomingMessage,
	res: ServerResponse
) {
	const room = loadedRoom(workshopId) ?? (await getRoom(workshopId));
	if (!room) return false;
	const found = lookupParticipant(room.id, token);
	const participantId = found instanceof Promise ? await found : found;
	if (!participantId) return false;
	const slot = claimStream({ participantId }, address);
	const headers = securityHeadersFor(servedOverHttps(req.headers));
	if (!slot.ok) send(req, res, errorReply(slot.error));
	else roomNodeStream(room, participantId, res, headers, slot.release);
	return true;
}

/** Puts the lean path where scripts/serve.js looks for it. */
export function registerLeanPath(): void {
	(globalThis as Record<symbol, unknown>)[LEAN_PATH] = {
		handle: handleLeanRequest
	} satisfies LeanPath;
}
