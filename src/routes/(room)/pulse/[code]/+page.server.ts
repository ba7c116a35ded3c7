import { error, fail, redirect } from '@sveltejs/kit';
import { checkPulseAnswers, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { database } from '$lib/server/db';
import { hashToken, newToken } from '$lib/server/ids';
import { getRespondentToken, setRespondentCookie } from '$lib/server/pulses/cookie';
import { pulseLimits } from '$lib/server/pulses/limits';
import {
	findOwnResponse,
	findPulseByCode,
	hasResponse,
	listItems,
	savePulseResponse
} from '$lib/server/pulses/queries';
import { formValues } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

async function pulseOf(code: string) {
	const db = await database();
	const pulse = code.length <= 64 ? await findPulseByCode(db, code) : null;
	if (!pulse) error(404);
	return { db, pulse, items: await listItems(db, pulse.id) };
}

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const { db, pulse, items } = await pulseOf(params.code);
	const token = getRespondentToken(cookies, pulse.id);
	const own = token ? await findOwnResponse(db, pulse.id, hashToken(token)) : null;
	return {
		teamName: pulse.teamName,
		code: params.code,
		opensOn: pulse.opensOn,
		closesOn: pulse.closesOn,
		openQuestion: pulse.openQuestion,
		state: pulseState(pulse, isoDate(new Date())),
		items: items.map((i) => ({
			id: i.id,
			kind: i.kind,
			valueName: i.valueName,
			leaderName: i.leaderName,
			statement: i.statement
		})),
		// This device's own earlier answers, so that changing one is easy; nobody else's.
		own,
		// A verified pulse asks this device for a one-time code until it has answered once.
		needsCode: pulse.verified && !own,
		saved: url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	default: async ({ params, cookies, request, getClientAddress }) => {
		const { db, pulse, items } = await pulseOf(params.code);
		const values = formValues(await request.formData());
		if (pulseState(pulse, isoDate(new Date())) !== 'open') {
			return fail(409, { closed: true, problems: {}, values });
		}
		let token = getRespondentToken(cookies, pulse.id);
		if (!token || token.length > 64) token = newToken();
		const tokenHash = hashToken(token);
		const checked = checkPulseAnswers(items, values);
		if (!checked.ok) {
			// A missing code is said at once too, beside the answers still missing.
			const access =
				pulse.verified &&
				!values.accessCode?.trim() &&
				!(await hasResponse(db, pulse.id, tokenHash))
					? ('access_code_required' as const)
					: undefined;
			return fail(400, { closed: false, problems: checked.problems, values, access });
		}
		// A device the pulse has not seen makes a new response: scarce per address and per pulse.
		const allowed = pulseLimits.pulseAnswer({
			address: getClientAddress(),
			pulseId: pulse.id,
			newDevice: !(await hasResponse(db, pulse.id, tokenHash))
		});
		if (!allowed.ok) {
			return fail(429, { closed: false, problems: {}, values, retryAfter: allowed.retryAfter });
		}
		const saved = await savePulseResponse(db, {
			pulse,
			tokenHash,
			scores: checked.scores,
			open: checked.open,
			accessCode: values.accessCode?.trim() || null
		});
		if (saved.refused) {
			// Next to the code field, with everything answered kept.
			return fail(403, { closed: false, problems: {}, values, access: saved.refused });
		}
		setRespondentCookie(cookies, pulse.id, token);
		redirect(303, `/pulse/${params.code}?saved=1`);
	}
};
