import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { teamAccess } from '$lib/server/auth/guards';
import { getWorkshop } from '$lib/server/workshops/queries';
import { applyReview, loadReview } from '$lib/server/workshops/review';
import { parseReviewForm, REVIEW_PAGE } from '$lib/server/workshops/review-form';
import type { Actions, PageServerLoad } from './$types';

/** The review is for those who may run the team's workshops, as the console is. */
async function reviewAccess(event: RequestEvent) {
	const access = await teamAccess(event, 'map.edit');
	const workshop = await getWorkshop(access.db, access.team.id, event.params.workshopId ?? '');
	if (!workshop) error(404);
	return { ...access, workshop };
}

export const load: PageServerLoad = async (event) => {
	const { db, org, team, workshop } = await reviewAccess(event);
	const ended = workshop.status === 'ended';
	const review = ended ? await loadReview(db, workshop, org.minGroupSize) : null;
	const valueNames = new Map(review?.values.map((v) => [v.id, v.name]));
	// The first page of open proposals, in agenda order; decided ones shown as done.
	let room = REVIEW_PAGE;
	const activities = (review?.activities ?? []).map(({ activity, tooFew, proposals }) => {
		const open = proposals.filter((p) => !p.decided);
		const shown = open.slice(0, Math.max(0, room));
		room -= shown.length;
		return {
			id: activity.id,
			number: activity.number,
			title: activity.title,
			lens: activity.lens,
			target: activity.target,
			tooFew,
			open: shown.map(({ decided: _, ...p }) => ({
				...p,
				groupName: p.groupId ? (valueNames.get(p.groupId) ?? null) : null
			})),
			done: proposals.flatMap((p) =>
				p.decided
					? [
							{
								key: p.key,
								text: p.text,
								cards: p.decided.cards,
								decision: p.decided.decision,
								destination: p.decided.destination,
								valueName: p.decided.valueId ? (valueNames.get(p.decided.valueId) ?? null) : null
							}
						]
					: []
			)
		};
	});
	const shownCount = activities.reduce((n, a) => n + a.open.length, 0);
	const quiet = (a: (typeof activities)[number]) =>
		!a.tooFew && a.open.length === 0 && a.done.length === 0;
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status },
		ended,
		activities: activities.filter((a) => !quiet(a)),
		/** Activities without cards to propose, named on one line. */
		quiet: activities.filter(quiet).map((a) => ({ number: a.number, title: a.title })),
		values: review?.values ?? [],
		open: review?.open ?? 0,
		decided: review?.decided ?? 0,
		more: (review?.open ?? 0) - shownCount,
		minGroupSize: org.minGroupSize,
		workshopHref: `/o/${org.id}/t/${team.id}/workshops/${workshop.id}`,
		mapHref: `/o/${org.id}/t/${team.id}/map`
	};
};

export const actions = {
	default: async (event) => {
		const { db, org, user, workshop } = await reviewAccess(event);
		const parsed = parseReviewForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { invalid: parsed.invalid, typed: parsed.typed });
		if (workshop.status !== 'ended') return fail(409, { notEnded: true as const });
		const result = await applyReview(db, {
			workshop,
			userId: user.id,
			minGroup: org.minGroupSize,
			decisions: parsed.decisions
		});
		if (!result.ok) return fail(400, { problems: result.problems, typed: parsed.typed });
		return { written: result.outcome };
	}
} satisfies Actions;
