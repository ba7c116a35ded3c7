import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { clearParticipantCookie, getParticipantToken } from '../live/participant-cookie';
import { entryState } from '../live/admission';
import { participantByToken } from '../live/participants';
import { getRoom } from '../live/rooms';

/**
 * The guard of the participant side: the workshop of `params.workshopId` and the participant
 * this device's cookie belongs to. An unknown workshop is a 404; a device without a valid
 * cookie is sent to the join page, without the code: the workshop id must not give it away.
 */
export async function participantAccess(event: Pick<RequestEvent, 'params' | 'cookies'>) {
	const room = await getRoom(event.params.workshopId ?? '');
	if (!room) error(404);
	const token = getParticipantToken(event.cookies, room.id);
	const participantId = token ? await participantByToken(room.id, token) : null;
	// A device waiting for the facilitator (or refused) sees only that, never the room.
	if (token && !participantId && (await entryState(room.id, token))) {
		redirect(303, `/w/${room.id}/waiting`);
	}
	if (!token || !participantId) {
		// A cookie that matches nobody (withdrawn, or from an old database) only gets in the way.
		if (token) clearParticipantCookie(event.cookies, room.id);
		redirect(303, '/join?reason=join');
	}
	return { room, participantId, token };
}
