import { error, redirect } from '@sveltejs/kit';
import { entryState } from '$lib/server/live/admission';
import { getParticipantToken } from '$lib/server/live/participant-cookie';
import { participantByToken } from '$lib/server/live/participants';
import { getRoom } from '$lib/server/live/rooms';
import type { PageServerLoad } from './$types';

/**
 * A device that asked to join above the expected head count: it waits here, seeing nothing of
 * the room, until the facilitator lets it in (then on to the room) or refuses it.
 */
export const load: PageServerLoad = async ({ params, cookies, depends }) => {
	depends('room:entry');
	const room = await getRoom(params.workshopId);
	if (!room) error(404);
	const token = getParticipantToken(cookies, room.id);
	if (token && (await participantByToken(room.id, token))) redirect(303, `/w/${room.id}`);
	const state = token ? await entryState(room.id, token) : null;
	// Never the join code: anyone may know a workshop id.
	if (!state) redirect(303, `/join?reason=join`);
	return { workshopId: room.id, title: room.title, state };
};
