import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../../domain/culture';
import { can, type Action } from '../../domain/permissions';
import { getMembership, getOrganisation, getTeam, isTeamMember } from '../accounts/queries';
import { database } from '../db';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/signin?next=${encodeURIComponent(next)}`);
	}
	return user;
}

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'> & {
	params: Partial<Record<string, string>>;
};

/**
 * The organisation of `params.orgId` as the signed-in user sees it. Someone who is not a
 * member gets 404 (we do not confirm that the organisation exists); a member whose role lacks
 * `action` gets 403.
 */
export async function orgAccess(event: GuardEvent, action?: Action) {
	const user = requireUser(event);
	const db = await database();
	const orgId = event.params.orgId ?? '';
	const membership = await getMembership(db, orgId, user.id);
	const org = membership ? await getOrganisation(db, orgId) : null;
	if (!membership || !org) error(404);
	const role: Role = membership.role;
	if (action && !can(role, action)) error(403);
	return { db, user, org, role };
}

/** The team of `params.teamId` inside the organisation, checked like `orgAccess`. */
export async function teamAccess(event: GuardEvent, action: Action = 'team.view') {
	const access = await orgAccess(event);
	const team = await getTeam(access.db, access.org.id, event.params.teamId ?? '');
	if (!team) error(404);
	const member = await isTeamMember(access.db, team.id, access.user.id);
	if (!can(access.role, action, { isTeamMember: member })) error(403);
	return {
		...access,
		team,
		isTeamMember: member,
		canEditMap: can(access.role, 'map.edit', { isTeamMember: member })
	};
}
