import { teamAccess } from '$lib/server/auth/guards';
import { lensParam } from '$lib/server/culture/actions';
import { compareLenses } from '$lib/server/culture/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team } = await teamAccess(event);
	const a = lensParam(event.url, 'a', 'assumed');
	const b = lensParam(event.url, 'b', 'current');
	return {
		team: { id: team.id, name: team.name },
		mapPath: `/o/${org.id}/t/${team.id}/map`,
		comparison: await compareLenses(db, team.id, a, b)
	};
};
