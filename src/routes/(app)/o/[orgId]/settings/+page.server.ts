import { z } from 'zod';
import { LIMITS } from '$lib/domain/culture';
import { updateOrganisation } from '$lib/server/accounts/queries';
import { orgAccess } from '$lib/server/auth/guards';
import { landOrganisationPosts } from '$lib/server/board/queries';
import { changeOrganisation } from '$lib/server/live/rooms';
import { reminderSettings } from '$lib/server/reminders/scheduler';
import { invalid, nameField, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** A whole number typed into a form: "5" passes; "", "4.5", "five" and "1e1" do not. */
const minGroupSizeField = z
	.string()
	.trim()
	.min(1)
	.regex(/^[+-]?\d+$/)
	.transform(Number)
	.pipe(z.number().int().min(LIMITS.minGroupSize.min).max(LIMITS.minGroupSize.max));

const Settings = z.object({ name: nameField, minGroupSize: minGroupSizeField });

export const load: PageServerLoad = async (event) => {
	await orgAccess(event, 'org.manage');
	const mail = reminderSettings();
	// The server's host and port only: SMTP_URL may hold a password.
	return {
		reminders: mail.enabled
			? { enabled: true as const, server: mail.server }
			: { enabled: false as const, reason: mail.reason }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(Settings, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await changeOrganisation(org.id, (db) => updateOrganisation(db, org.id, parsed.data));
		// A lowered minimum lets ended workshops' outsider posts onto their boards.
		await landOrganisationPosts(db, org.id, parsed.data.minGroupSize);
		return { saved: true };
	}
};
