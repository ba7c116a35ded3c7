import { resultsAccess } from '$lib/server/analytics/access';
import { loadResults } from '$lib/server/analytics/report';
import { loadWorkshopTexts } from '$lib/server/analytics/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, workshop } = await resultsAccess(event);
	const [results, texts] = await Promise.all([
		loadResults(db, workshop, org.minGroupSize),
		loadWorkshopTexts(db, workshop, org.minGroupSize)
	]);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			startedAt: workshop.startedAt,
			endedAt: workshop.endedAt
		},
		organisation: org.name,
		teamName: team.name,
		results,
		texts,
		commitments: texts.commitments,
		printedAt: new Date()
	};
};
