import { can } from '$lib/domain/permissions';
import { teamAccess } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { team, role, canEditMap } = await teamAccess(event);
	return {
		team: { id: team.id, name: team.name },
		canEditMap,
		canManage: can(role, 'team.manage')
	};
};
