import { error, json } from '@sveltejs/kit';
import { parsePaceCommand } from '$lib/server/live/commands';
import { staffAccess } from '$lib/server/live/access';
import { applyPace, getRoom } from '$lib/server/live/rooms';
import { landWorkshopPosts } from '$lib/server/board/queries';
import type { RequestHandler } from './$types';

/**
 * The console's pace commands as JSON (`{ "type": "reveal" }`, `{ "type": "goto", "index": 2 }`,
 * `{ "type": "timer_start", "seconds": 120 }`…): 200 `{ pace }`, or 409 `{ error }` when the
 * pace state machine says no. Ending lands the room's outsider-voice posts on the team's board.
 */
export const POST: RequestHandler = async (event) => {
	const room = await getRoom(event.params.workshopId);
	if (!room) error(404);
	const { db, org } = await staffAccess(event, room, 'map.edit');
	const command = parsePaceCommand(await event.request.json().catch(() => null));
	if (!command) return json({ error: 'invalid_body' }, { status: 400 });
	const result = await applyPace(room.id, command);
	if (result.ok && command.type === 'end') await landWorkshopPosts(db, room.id, org.minGroupSize);
	return result.ok ? json({ pace: result.pace }) : json({ error: result.problem }, { status: 409 });
};
