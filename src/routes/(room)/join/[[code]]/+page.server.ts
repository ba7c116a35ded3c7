import { fail, redirect } from '@sveltejs/kit';
import { getParticipantToken, setParticipantCookie } from '$lib/server/live/participant-cookie';
import { joinFromForm } from '$lib/server/room/join';
import type { Actions, PageServerLoad } from './$types';

const text = (value: FormDataEntryValue | null, max: number) =>
	typeof value === 'string' ? value.slice(0, max) : '';

export const load: PageServerLoad = ({ params, url }) => ({
	// The QR link's code, shown as it came (the action forgives case, spaces and dashes).
	code: params.code?.slice(0, 12),
	reason: url.searchParams.get('reason') === 'join' ? ('join' as const) : null,
	withdrawn: url.searchParams.get('done') === 'withdrawn'
});

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData();
		const values = {
			code: text(form.get('code'), 40),
			nickname: text(form.get('nickname'), 80),
			accessCode: text(form.get('accessCode'), 40)
		};
		const joined = await joinFromForm({
			code: form.get('code'),
			nickname: form.get('nickname'),
			accessCode: form.get('accessCode'),
			address: getClientAddress(),
			currentToken: (workshopId) => getParticipantToken(cookies, workshopId)
		});
		if (!joined.ok) {
			return fail(joined.status, {
				field: joined.field ?? 'form',
				problem: joined.problem,
				values
			});
		}
		if (joined.token) setParticipantCookie(cookies, joined.workshopId, joined.token);
		redirect(303, `/w/${joined.workshopId}${joined.entry === 'waiting' ? '/waiting' : ''}`);
	}
};
