import { error, json } from '@sveltejs/kit';
import { staffAccess } from '$lib/server/live/access';
import { getRoom } from '$lib/server/live/rooms';
import { wallWords } from '$lib/server/live/words';
import type { RequestHandler } from './$types';

/**
 * The words of the wall the room sees, counted (docs/metrics.md), for the projector's word
 * cloud: staff who may view the team, as for the projector itself. Counting here keeps the
 * stemmers and stop-word lists out of the projector's bundle.
 */
export const GET: RequestHandler = async (event) => {
	const room = await getRoom(event.params.workshopId);
	if (!room) error(404);
	await staffAccess(event, room, 'team.view');
	return json(wallWords(room), { headers: { 'cache-control': 'no-store' } });
};
