import { teamAccess } from '$lib/server/auth/guards';
import { lensParam, mapActions, showArchived } from '$lib/server/culture/actions';
import { listLensMap } from '$lib/server/culture/queries';
import { listWorkshopsToReview } from '$lib/server/workshops/review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, canEditMap } = await teamAccess(event);
	const lens = lensParam(event.url);
	const archived = showArchived(event.url, canEditMap);
	return {
		team: { id: team.id, name: team.name },
		mapPath: `/o/${org.id}/t/${team.id}/map`,
		lens,
		archived,
		canEditMap,
		map: await listLensMap(db, team.id, lens, { includeArchived: archived }),
		workshopsPath: `/o/${org.id}/t/${team.id}/workshops`,
		/** Ended workshops whose cards wait for a review before they reach the map. */
		toReview: canEditMap ? await listWorkshopsToReview(db, team.id, org.minGroupSize) : []
	};
};

const {
	createValue,
	moveValue,
	archiveValue,
	restoreValue,
	createElement,
	updateElement,
	markElementLimiting,
	archiveElement,
	restoreElement,
	deleteElement
} = mapActions;

export const actions = {
	createValue,
	moveValue,
	archiveValue,
	restoreValue,
	createElement,
	updateElement,
	markElementLimiting,
	archiveElement,
	restoreElement,
	deleteElement
} satisfies Actions;
