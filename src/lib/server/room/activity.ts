import { acceptsInput, type ActivityKind } from '../../domain/workshop';
import type { LiveActivity, Room } from '../live/rooms';
import { refused, type Outcome } from './outcome';

/**
 * The activity a participant wants to add to, if it is one of `kinds` and takes input right
 * now: the current one, with input open, in a live (not locked, not ended) workshop.
 */
export function openActivity(
	room: Room,
	activityId: string,
	kinds: readonly ActivityKind[]
): Outcome<{ activity: LiveActivity }> {
	const index = room.agenda.findIndex((a) => a.public.id === activityId);
	const activity = room.agenda[index];
	if (!activity || !kinds.includes(activity.public.kind)) return refused(404, 'unknown_activity');
	if (!acceptsInput(room.pace, index)) {
		if (room.pace.status === 'ended') return refused(410, 'workshop_ended');
		if (room.pace.status === 'locked') return refused(409, 'workshop_locked');
		return refused(409, 'activity_closed');
	}
	return { ok: true, activity };
}
