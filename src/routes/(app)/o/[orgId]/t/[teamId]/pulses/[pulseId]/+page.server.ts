import { error } from '@sveltejs/kit';
import { canSeeLeaderScore } from '$lib/domain/permissions';
import { nextRelease, pulseResults, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { qrFor } from '$lib/server/pulses/qr';
import {
	getPulse,
	getReleasedResults,
	getReleaseStatus,
	listItems
} from '$lib/server/pulses/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role, user } = await teamAccess(event);
	const pulse = await getPulse(db, team.id, event.params.pulseId);
	if (!pulse) error(404);
	// Staff read the latest release only (docs/security.md, differencing), shown only while its
	// respondents reach the current minimum.
	const [allItems, released, status] = await Promise.all([
		listItems(db, pulse.id),
		getReleasedResults(db, pulse.id),
		getReleaseStatus(db, pulse.id)
	]);
	// A leader reads the statement about themself, not those about the other leaders.
	const items = allItems.filter(
		(i) => i.kind !== 'leader' || canSeeLeaderScore(role, user, i.leaderId)
	);
	const results = pulseResults(items, released.counts, released.respondents, org.minGroupSize);
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
			leaderName: i.leaderName,
			statement: i.statement
		})),
		respondents: released.respondents,
		release: nextRelease(status, org.minGroupSize),
		results,
		link,
		qr: await qrFor(link)
	};
};
