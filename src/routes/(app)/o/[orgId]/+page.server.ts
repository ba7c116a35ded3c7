import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { createTeam, listTeamIdsOf, listTeams } from '$lib/server/accounts/queries';
import { orgAccess } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/errors';
import { invalid, nameField, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const NewTeam = z.object({ name: nameField });

export const load: PageServerLoad = async (event) => {
	const { db, user, org, role } = await orgAccess(event);
	const mine = await listTeamIdsOf(db, org.id, user.id);
	const teams = (await listTeams(db, org.id))
		.map((t) => ({ ...t, mine: mine.has(t.id) }))
		.filter((t) => can(role, 'team.view', { isTeamMember: t.mine }));
	return { teams, canCreateTeam: can(role, 'teams.create') };
};

export const actions: Actions = {
	createTeam: async (event) => {
		const { db, org, user } = await orgAccess(event, 'teams.create');
		const parsed = parseForm(NewTeam, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			const teamId = await createTeam(db, org.id, parsed.data.name, {
				language: event.locals.locale,
				creatorId: user.id
			});
			redirect(303, `/o/${org.id}/t/${teamId}`);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'duplicate') {
				return invalid({ name: { code: 'duplicate' } }, parsed.values);
			}
			throw error;
		}
	}
};
