import { KINDS } from '$lib/domain/activity-kinds';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { canAddActivity, canEditActivity, canReshapeAgenda } from '$lib/domain/agenda';
import { move } from '$lib/domain/culture';
import { can, type Action } from '$lib/domain/permissions';
import { defaultConfig } from '$lib/domain/templates';
import { activityKindName } from '$lib/components/workshops/names';
import { teamAccess } from '$lib/server/auth/guards';
import { refuseUnconfirmed } from '$lib/server/data/forms';
import { deleteWorkshop } from '$lib/server/data/queries';
import { changeWorkshop } from '$lib/server/live/rooms';
import { invalid, parseForm } from '$lib/server/validation';
import { textsInLanguage } from '$lib/server/workshops/language';
import {
	ActivityIdForm,
	LanguageForm,
	MoveForm,
	NewActivityForm,
	parseActivityForm,
	RenameForm
} from '$lib/server/workshops/forms';
import {
	addActivity,
	getActivity,
	getWorkshop,
	listActivities,
	removeActivity,
	reorderActivities,
	setWorkshopLanguage,
	updateActivity
} from '$lib/server/workshops/queries';
import {
	listTeamValueOptions,
	listWorkshopCommitments,
	renameWorkshop
} from '$lib/server/workshops/staff';
import { countOpenProposals } from '$lib/server/workshops/review';
import { countAccessCodes } from '$lib/server/access-codes/queries';
import { headCountAction, verifiedAction } from '$lib/server/admission/actions';
import type { Actions, PageServerLoad } from './$types';

/** The team's workshop of the URL, for someone allowed `action` on the team; 404 otherwise. */
async function workshopAccess(event: RequestEvent, action: Action) {
	const access = await teamAccess(event, action);
	const workshop = await getWorkshop(access.db, access.team.id, event.params.workshopId ?? '');
	if (!workshop) error(404);
	return { ...access, workshop };
}

async function agendaState(access: Awaited<ReturnType<typeof workshopAccess>>) {
	const activities = await listActivities(access.db, access.workshop.id);
	const { status, currentIndex } = access.workshop;
	return { activities, state: { status, current: currentIndex, length: activities.length } };
}

const frozen = (values: Record<string, string> = {}) =>
	fail(409, { frozen: true as const, values });

export const load: PageServerLoad = async (event) => {
	const access = await workshopAccess(event, 'team.view');
	const { db, workshop, canEditMap } = access;
	const { activities, state } = await agendaState(access);
	const [values, commitments] = await Promise.all([
		listTeamValueOptions(db, access.team.id),
		listWorkshopCommitments(db, workshop.id)
	]);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			status: workshop.status,
			joinCode: workshop.joinCode,
			language: workshop.language,
			currentIndex: workshop.currentIndex,
			createdAt: workshop.createdAt,
			startedAt: workshop.startedAt,
			endedAt: workshop.endedAt
		},
		activities: activities.map((a) => ({
			id: a.id,
			kind: a.kind,
			title: a.title,
			prompt: a.prompt,
			config: a.config
		})),
		state,
		values,
		commitments,
		canFacilitate: canEditMap,
		admission: canEditMap
			? {
					expected: workshop.expectedHeadCount,
					verified: workshop.verified,
					codes: await countAccessCodes(db, { workshopId: workshop.id }),
					codesHref: `/o/${access.org.id}/t/${access.team.id}/workshops/${workshop.id}/codes`
				}
			: null,
		canDelete: can(access.role, 'org.data'),
		hasCollect: activities.some((a) => KINDS[a.kind].groupsUnderValues),
		/** Proposals for the culture map nobody decided on yet (the review opens at the end). */
		toReview:
			canEditMap && workshop.status === 'ended'
				? await countOpenProposals(db, workshop, access.org.minGroupSize)
				: null
	};
};

export const actions = {
	delete: async (event) => {
		const { db, org, team, workshop } = await workshopAccess(event, 'org.data');
		const refused = refuseUnconfirmed(await event.request.formData(), workshop.title);
		if (refused) return refused;
		await deleteWorkshop(db, team.id, workshop.id);
		redirect(303, `/o/${org.id}/t/${team.id}/workshops?deleted=workshop`);
	},

	rename: async (event) => {
		const { team, workshop } = await workshopAccess(event, 'map.edit');
		const parsed = parseForm(RenameForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, id: 'rename' });
		await changeWorkshop(workshop.id, (db) =>
			renameWorkshop(db, team.id, workshop.id, parsed.data.title)
		);
		return { saved: 'rename' };
	},

	language: async (event) => {
		const { db, workshop } = await workshopAccess(event, 'map.edit');
		const parsed = parseForm(LanguageForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, id: 'language' });
		const frozenLanguage = () => fail(409, { languageFrozen: true as const });
		if (workshop.status !== 'draft') return frozenLanguage();
		const { language } = parsed.data;
		const texts = textsInLanguage(
			await listActivities(db, workshop.id),
			workshop.language,
			language
		);
		const changed = await changeWorkshop(workshop.id, (db) =>
			setWorkshopLanguage(db, workshop.id, language, texts)
		);
		return changed ? { saved: 'language' } : frozenLanguage();
	},

	addActivity: async (event) => {
		const access = await workshopAccess(event, 'map.edit');
		const { db, workshop } = access;
		const parsed = parseForm(NewActivityForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, id: 'new' });
		if (!canAddActivity((await agendaState(access)).state)) return frozen({ id: 'new' });
		const values = (await listTeamValueOptions(db, access.team.id)).filter((v) => !v.archived);
		const kind = parsed.data.kind;
		const id = await changeWorkshop(workshop.id, (db) =>
			addActivity(db, workshop.id, {
				kind,
				// In the workshop's language, whatever the facilitator's screen shows.
				title: activityKindName(kind, workshop.language),
				prompt: '',
				config: defaultConfig(kind, values)
			})
		);
		return { added: id };
	},

	updateActivity: async (event) => {
		const access = await workshopAccess(event, 'map.edit');
		const { db, workshop } = access;
		const form = await event.request.formData();
		const which = parseForm(ActivityIdForm, form);
		if (!which.ok) error(400);
		const activity = await getActivity(db, workshop.id, which.data.id);
		if (!activity) return fail(404, { gone: true as const });
		const { activities, state } = await agendaState(access);
		const index = activities.findIndex((a) => a.id === activity.id);
		if (!canEditActivity(state, index)) return frozen(which.values);
		const team = new Set((await listTeamValueOptions(db, access.team.id)).map((v) => v.id));
		const parsed = parseActivityForm(activity.kind, team, form);
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await changeWorkshop(workshop.id, (db) =>
			updateActivity(db, workshop.id, activity.id, parsed.data)
		);
		return { saved: activity.id };
	},

	removeActivity: async (event) => {
		const access = await workshopAccess(event, 'map.edit');
		const parsed = parseForm(ActivityIdForm, await event.request.formData());
		if (!parsed.ok) error(400);
		if (!canReshapeAgenda((await agendaState(access)).state)) return frozen(parsed.values);
		await changeWorkshop(access.workshop.id, (db) =>
			removeActivity(db, access.workshop.id, parsed.data.id)
		);
		return { removed: true as const };
	},

	moveActivity: async (event) => {
		const access = await workshopAccess(event, 'map.edit');
		const parsed = parseForm(MoveForm, await event.request.formData());
		if (!parsed.ok) error(400);
		const { activities, state } = await agendaState(access);
		if (!canReshapeAgenda(state)) return frozen(parsed.values);
		const ids = activities.map((a) => a.id);
		const from = ids.indexOf(parsed.data.id);
		if (from < 0) return fail(404, { gone: true as const });
		const to = parsed.data.direction === 'up' ? from - 1 : from + 1;
		await changeWorkshop(access.workshop.id, (db) =>
			reorderActivities(db, access.workshop.id, move(ids, from, to))
		);
		return { moved: parsed.data.id };
	},

	headCount: async (event) =>
		headCountAction(
			(await workshopAccess(event, 'map.edit')).workshop.id,
			await event.request.formData()
		),
	verified: async (event) =>
		verifiedAction(
			(await workshopAccess(event, 'map.edit')).workshop.id,
			await event.request.formData()
		)
} satisfies Actions;
