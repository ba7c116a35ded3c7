import { error, json } from '@sveltejs/kit';
import { staffAccess } from '$lib/server/live/access';
import { claimStream } from '$lib/server/live/limits';
import { getParticipantToken } from '$lib/server/live/participant-cookie';
import { participantByToken } from '$lib/server/live/participants';
import { getRoom } from '$lib/server/live/rooms';
import { roomStream, staffStream } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/**
 * The live stream (Server-Sent Events). The room's stream is for participants of this workshop
 * (their cookie) and staff who may view the team (presenter view); `?audience=staff` is the
 * console's, for those who may facilitate. Open streams are capped per participant, per staff
 * member and per address (limits.ts): one more is a 429 `too_many_streams`.
 */
export const GET: RequestHandler = async (event) => {
	const { params, url, cookies, request } = event;
	const room = await getRoom(params.workshopId);
	if (!room) error(404);

	const staff = url.searchParams.get('audience') === 'staff';
	const token = staff ? undefined : getParticipantToken(cookies, room.id);
	const participantId = token ? await participantByToken(room.id, token) : null;
	if (!participantId) await staffAccess(event, room, staff ? 'map.edit' : 'team.view');

	const holder = participantId ? { participantId } : { userId: event.locals.user!.id };
	const slot = claimStream(holder, event.getClientAddress());
	if (!slot.ok) return json(slot.error.body, { status: slot.error.status });
	return staff
		? staffStream(room, request.signal, slot.release)
		: roomStream(room, participantId, request.signal, slot.release);
};
