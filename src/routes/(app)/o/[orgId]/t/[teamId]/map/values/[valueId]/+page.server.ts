import { error } from '@sveltejs/kit';
import { teamAccess } from '$lib/server/auth/guards';
import { lensParam, mapActions, showArchived } from '$lib/server/culture/actions';
import { removalFor } from '$lib/domain/culture';
import { countValueUses, getValue } from '$lib/server/culture/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, canEditMap } = await teamAccess(event);
	const lens = lensParam(event.url);
	const archived = showArchived(event.url, canEditMap);
	const value = await getValue(db, team.id, event.params.valueId, { includeArchived: archived });
	// An archived value is off the map; only the people who may restore it still find it.
	if (!value || (value.archivedAt && !canEditMap)) error(404);
	return {
		team: { id: team.id, name: team.name },
		mapPath: `/o/${org.id}/t/${team.id}/map`,
		lens,
		archived,
		canEditMap,
		value,
		removal: removalFor(await countValueUses(db, value.id))
	};
};

const {
	updateValue,
	archiveValue,
	restoreValue,
	deleteValue,
	createElement,
	updateElement,
	markElementLimiting,
	archiveElement,
	restoreElement,
	deleteElement
} = mapActions;

export const actions = {
	updateValue,
	archiveValue,
	restoreValue,
	deleteValue,
	createElement,
	updateElement,
	markElementLimiting,
	archiveElement,
	restoreElement,
	deleteElement
} satisfies Actions;
