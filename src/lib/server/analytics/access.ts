import { error, type RequestEvent } from '@sveltejs/kit';
import { teamAccess } from '../auth/guards';
import { getWorkshop } from '../workshops/queries';

/**
 * The workshop of the URL for someone who may read its team (owner, facilitators, the team's
 * leaders, viewers): another organisation's member gets 404, a leader of another team 403, a
 * workshop of another team 404.
 */
export async function resultsAccess(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const access = await teamAccess(event, 'team.view');
	const workshop = await getWorkshop(access.db, access.team.id, event.params.workshopId ?? '');
	if (!workshop) error(404);
	return { ...access, workshop };
}
