import { can } from '$lib/domain/permissions';
import { listOrganisationsOf } from '$lib/server/accounts/queries';
import { orgAccess } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { db, user, org, role } = await orgAccess(event);
	return {
		org: { id: org.id, name: org.name, minGroupSize: org.minGroupSize },
		role,
		organisations: await listOrganisationsOf(db, user.id),
		nav: {
			members: can(role, 'members.list'),
			settings: can(role, 'org.manage'),
			dashboard: can(role, 'dashboard.org')
		}
	};
};
