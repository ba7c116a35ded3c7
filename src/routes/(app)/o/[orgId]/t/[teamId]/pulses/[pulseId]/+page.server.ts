import { error, fail } from '@sveltejs/kit';
import { can, canSeeLeaderScore } from '$lib/domain/permissions';
import { isHidden } from '$lib/domain/metrics';
import { nextRelease, pulseResults, pulseState } from '$lib/domain/pulse';
import { isoDate } from '$lib/room/dates';
import { countAccessCodes } from '$lib/server/access-codes/queries';
import { VerifiedForm } from '$lib/server/admission/forms';
import { participation } from '$lib/domain/participation';
import { teamAccess } from '$lib/server/auth/guards';
import { getTeamSize } from '$lib/server/participation/queries';
import { qrFor } from '$lib/server/qr';
import {
	getPulse,
	getReleasedResults,
	getReleaseStatus,
	listItems,
	setPulseVerified
} from '$lib/server/pulses/queries';
import { parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role, user, isTeamMember } = await teamAccess(event);
	const pulse = await getPulse(db, team.id, event.params.pulseId);
	if (!pulse) error(404);
	// Staff read the latest release only (docs/security.md, differencing), shown only while its
	// respondents reach the current minimum.
	const [allItems, released, status, codes, size] = await Promise.all([
		listItems(db, pulse.id),
		getReleasedResults(db, pulse.id),
		getReleaseStatus(db, pulse.id),
		countAccessCodes(db, { pulseId: pulse.id }),
		getTeamSize(db, team.id)
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
			language: pulse.language,
			state: pulseState(pulse, isoDate(new Date()))
		},
		access: {
			verified: pulse.verified,
			codes,
			codesHref: `/o/${org.id}/t/${team.id}/pulses/${pulse.id}/codes`,
			canManage: can(role, 'follow.manage', { isTeamMember })
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
		// Responses so far over the team's size, only beside shown results (a withheld pulse
		// keeps showing its count alone).
		participation: isHidden(results) ? null : participation(status.responses, size),
		results,
		link,
		qr: await qrFor(link)
	};
};

export const actions = {
	/** Verified or open, only before the first response (then the setting is what it was). */
	verified: async (event) => {
		const { db, team } = await teamAccess(event, 'follow.manage');
		const pulse = await getPulse(db, team.id, event.params.pulseId);
		if (!pulse) error(404);
		const parsed = parseForm(VerifiedForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { access: 'invalid' as const });
		if (!(await setPulseVerified(db, pulse.id, parsed.data.verified === 'on'))) {
			return fail(409, { access: 'refused' as const });
		}
		return { access: 'saved' as const };
	}
} satisfies Actions;
