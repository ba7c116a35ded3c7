import { error } from '@sveltejs/kit';
import { loadResults } from '$lib/server/analytics/report';
import { requireUser } from '$lib/server/auth/guards';
import { staffAccess } from '$lib/server/live/access';
import { getRoom, roomSnapshot } from '$lib/server/live/rooms';
import { listNicknames } from '$lib/server/workshops/staff';
import { qrFor } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** The projector view: staff who may see the team; what it shows is only what the room may see. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const room = await getRoom(event.params.workshopId);
	if (!room) error(404);
	const { db, org } = await staffAccess(event, room, 'team.view');
	event.depends('present:people', 'present:overview');
	const joinUrl = `${event.url.origin}/join/${room.joinCode}`;
	const nicknames = room.showNicknames ? await listNicknames(db, room.id, 80) : [];
	// The results so far, when the facilitator puts them on the projector: the results page's
	// numbers, minimum group size included.
	const overview = room.pace.overview
		? await loadResults(db, { id: room.id, teamId: room.teamId }, org.minGroupSize)
		: null;
	return {
		workshopId: room.id,
		joinCode: room.joinCode,
		joinUrl,
		joinHost: `${event.url.host}/join`,
		qr: await qrFor(joinUrl),
		snapshot: roomSnapshot(room),
		minGroupSize: org.minGroupSize,
		nicknames,
		overview
	};
};
