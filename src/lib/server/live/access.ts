import { error, type RequestEvent } from '@sveltejs/kit';
import type { Action } from '../../domain/permissions';
import { teamAccess } from '../auth/guards';
import type { Room } from './rooms';

/**
 * A signed-in staff member's access to a workshop, checked like the team's pages: 404 outside
 * the organisation, 403 without `action` (`team.view` to watch, `map.edit` to facilitate).
 * Live endpoints answer 401 instead of redirecting to the sign-in page.
 */
export async function staffAccess(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	room: Room,
	action: Action
) {
	if (!event.locals.user) error(401, 'Sign in first');
	return teamAccess(
		{ locals: event.locals, url: event.url, params: { orgId: room.orgId, teamId: room.teamId } },
		action
	);
}
