import { resultsAccess } from '$lib/server/analytics/access';
import { loadResults } from '$lib/server/analytics/report';
import { listWorkshopCommitments } from '$lib/server/workshops/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, org, team, workshop } = await resultsAccess(event);
	const [results, commitments] = await Promise.all([
		loadResults(db, workshop, org.minGroupSize),
		listWorkshopCommitments(db, workshop.id)
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
		commitments,
		printedAt: new Date()
	};
};
