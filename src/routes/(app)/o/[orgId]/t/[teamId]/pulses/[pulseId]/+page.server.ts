import { error } from '@sveltejs/kit';
import { pulseResults, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { qrFor } from '$lib/server/pulses/qr';
import {
	countRespondents,
	getPulse,
	listItems,
	pulseDistribution
} from '$lib/server/pulses/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team } = await teamAccess(event);
	const pulse = await getPulse(db, team.id, event.params.pulseId);
	if (!pulse) error(404);
	const [items, respondents, counts] = await Promise.all([
		listItems(db, pulse.id),
		countRespondents(db, pulse.id),
		pulseDistribution(db, pulse.id)
	]);
	const link = `${event.url.origin}/pulse/${pulse.code}`;
	return {
		pulse: {
			id: pulse.id,
			opensOn: pulse.opensOn,
			closesOn: pulse.closesOn,
			cadenceWeeks: pulse.cadenceWeeks,
			openQuestion: pulse.openQuestion,
			state: pulseState(pulse, isoDate(new Date()))
		},
		items: items.map((i) => ({
			id: i.id,
			kind: i.kind,
			valueName: i.valueName,
			statement: i.statement
		})),
		respondents,
		results: pulseResults(items, counts, respondents, org.minGroupSize),
		link,
		qr: await qrFor(link)
	};
};
