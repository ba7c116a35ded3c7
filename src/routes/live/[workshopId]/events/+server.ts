import { error } from '@sveltejs/kit';
import { staffAccess } from '$lib/server/live/access';
import { getParticipantToken } from '$lib/server/live/participant-cookie';
import { participantByToken } from '$lib/server/live/participants';
import { getRoom } from '$lib/server/live/rooms';
import { roomStream, staffStream } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/**
 * The live stream (Server-Sent Events). The room's stream is for participants of this workshop
 * (their cookie) and staff who may view the team (presenter view); `?audience=staff` is the
 * console's, for those who may facilitate.
 */
export const GET: RequestHandler = async (event) => {
	const { params, url, cookies, request } = event;
	const room = await getRoom(params.workshopId);
	if (!room) error(404);

	if (url.searchParams.get('audience') === 'staff') {
		await staffAccess(event, room, 'map.edit');
		return staffStream(room, request.signal);
	}
	const token = getParticipantToken(cookies, room.id);
	const participantId = token ? await participantByToken(room.id, token) : null;
	if (!participantId) await staffAccess(event, room, 'team.view');
	return roomStream(room, participantId, request.signal);
};
