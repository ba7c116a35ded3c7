import { redirect } from '@sveltejs/kit';
import { listTeams } from '$lib/server/accounts/queries';
import { orgAccess } from '$lib/server/auth/guards';
import { refuseUnconfirmed } from '$lib/server/data/forms';
import { deleteOrganisation } from '$lib/server/data/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'org.data');
	const teams = await listTeams(db, org.id);
	return { teams: teams.map((t) => ({ id: t.id, name: t.name })) };
};

export const actions: Actions = {
	deleteOrganisation: async (event) => {
		const { db, org } = await orgAccess(event, 'org.data');
		const refused = refuseUnconfirmed(await event.request.formData(), org.name);
		if (refused) return refused;
		await deleteOrganisation(db, org.id);
		redirect(303, '/app');
	}
};
