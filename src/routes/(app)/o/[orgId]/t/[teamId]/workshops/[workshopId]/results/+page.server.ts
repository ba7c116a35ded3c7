import { answersExportRefusal } from '$lib/domain/permissions';
import { resultsAccess } from '$lib/server/analytics/access';
import { loadResults } from '$lib/server/analytics/report';
import { loadWorkshopTexts } from '$lib/server/analytics/texts';
import { workshopWordClouds } from '$lib/server/analytics/word-clouds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, workshop, role, isTeamMember } = await resultsAccess(event);
	const texts = await loadWorkshopTexts(db, workshop, org.minGroupSize);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			status: workshop.status,
			startedAt: workshop.startedAt,
			endedAt: workshop.endedAt
		},
		results: await loadResults(db, workshop, org.minGroupSize),
		texts,
		clouds: workshopWordClouds(texts),
		/** Why the answers download is not offered (null: it is). */
		answersRefused: answersExportRefusal(role, { isTeamMember }, workshop)
	};
};
