/** The live streams of a room, per audience: snapshot first, then whatever is published. */
import type { ServerResponse } from 'node:http';
import { liveDatabase } from './context';
import type { OwnAnswers } from './events';
import { listOwnAnswers } from './queries';
import { connectionsChanged, sentRoomSnapshot, sentStaffSnapshot, type Room } from './rooms';
import { liveStream, nodeLiveStream, type LiveStreamOptions } from './sse';

async function ownAnswers(room: Room, participantId: string): Promise<OwnAnswers> {
	// Someone who joined this room in this process and has not answered yet has nothing stored:
	// a whole room connecting at once then costs no query each.
	if (room.fresh.has(participantId) && !room.answerers.has(participantId)) return {};
	const voting = room.agenda.filter((a) => a.items.size > 0).map((a) => a.public.id);
	const rows = await listOwnAnswers(await liveDatabase(), participantId, voting);
	const mine: OwnAnswers = {};
	for (const row of rows) (mine[row.activityId] ??= {})[row.itemId] = row.score;
	return mine;
}

/**
 * What a participant (with their own answers, so a reload keeps them) or a presenter view
 * (without) receives.
 */
function roomOptions(
	room: Room,
	participantId: string | null,
	release?: () => void
): LiveStreamOptions<'room'> {
	return {
		workshopId: room.id,
		audience: 'room',
		first: () => [{ type: 'snapshot', data: sentRoomSnapshot(room) }],
		personal: participantId
			? async () => [{ type: 'mine', data: await ownAnswers(room, participantId) }]
			: undefined,
		onOpen: () => connectionsChanged(room),
		onClose: () => connectionsChanged(room),
		release
	};
}

/** `release` frees the stream's slot (limits.ts `claimStream`) when it ends. */
export function roomStream(
	room: Room,
	participantId: string | null,
	signal?: AbortSignal,
	release?: () => void
) {
	return liveStream({ ...roomOptions(room, participantId, release), signal });
}

/** The same stream for a participant, written straight to a node response (lean.ts). */
export function roomNodeStream(
	room: Room,
	participantId: string,
	res: ServerResponse,
	headers: Record<string, string>,
	release?: () => void
) {
	nodeLiveStream(res, headers, roomOptions(room, participantId, release));
}

export function staffStream(room: Room, signal?: AbortSignal, release?: () => void) {
	return liveStream({
		workshopId: room.id,
		audience: 'staff',
		first: () => [{ type: 'snapshot', data: sentStaffSnapshot(room) }],
		signal,
		release
	});
}
