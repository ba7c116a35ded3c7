import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createOrganisation } from '$lib/server/accounts/queries';
import { requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { invalid, nameField, parseForm } from '$lib/server/validation';
import type { Actions } from './$types';

const NewOrganisation = z.object({ name: nameField });

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(NewOrganisation, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const orgId = await createOrganisation(await database(), user.id, parsed.data.name);
		redirect(303, `/o/${orgId}`);
	}
};
