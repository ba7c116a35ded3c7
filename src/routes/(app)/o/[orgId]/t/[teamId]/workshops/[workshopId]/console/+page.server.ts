import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { teamAccess } from '$lib/server/auth/guards';
import { landWorkshopPosts } from '$lib/server/board/queries';
import { PACE_COMMAND_TYPES, parsePaceCommand } from '$lib/server/live/commands';
import type { StaffCardWall } from '$lib/server/live/events';
import {
	applyPace,
	cardsChanged,
	getRoom,
	changeWorkshop,
	staffSnapshot,
	staffWall
} from '$lib/server/live/rooms';
import { invalid, parseForm } from '$lib/server/validation';
import {
	CardForm,
	GotoForm,
	GroupForm,
	listsJoined,
	MergeForm,
	NicknamesForm,
	TimerForm
} from '$lib/server/workshops/forms';
import {
	getActivity,
	getWorkshop,
	groupCard,
	listCards,
	setCardHidden,
	setShowNicknames
} from '$lib/server/workshops/queries';
import { listTeamValueOptions, mergeSelectedCards, unmergeCard } from '$lib/server/workshops/staff';
import { DomainError } from '$lib/server/errors';
import { headCountAction, waitingAction } from '$lib/server/admission/actions';
import {
	acceptGroupAction,
	dismissGroupAction,
	renameGroupAction
} from '$lib/server/workshops/suggestion-actions';
import { suggestionsForWall } from '$lib/server/workshops/suggestions';
import {
	answeredAction,
	holdAction,
	reviewAction,
	starAction
} from '$lib/server/moderation/actions';
import type { Actions, PageServerLoad } from './$types';

/** The console is for those who may facilitate the team: its workshop, and its live room. */
async function consoleAccess(event: RequestEvent) {
	const access = await teamAccess(event, 'map.edit');
	const workshop = await getWorkshop(access.db, access.team.id, event.params.workshopId ?? '');
	if (!workshop) error(404);
	const room = await getRoom(workshop.id);
	if (!room) error(404);
	return { ...access, workshop, room };
}

/** The wall as stored right now: after a change without JavaScript the room may lag a moment. */
async function freshWall(
	access: Awaited<ReturnType<typeof consoleAccess>>,
	activityId: string
): Promise<StaffCardWall> {
	return staffWall(activityId, await listCards(access.db, activityId, { includeHidden: true }));
}

export const load: PageServerLoad = async (event) => {
	const access = await consoleAccess(event);
	const { db, org, team, workshop, room } = access;
	const snapshot = staffSnapshot(room);
	if (snapshot.cards) snapshot.cards = await freshWall(access, snapshot.cards.activityId);
	const values = (await listTeamValueOptions(db, team.id)).filter((v) => !v.archived);
	return {
		workshop: { id: workshop.id, title: room.title, joinCode: room.joinCode },
		snapshot,
		values: values.map((v) => ({ id: v.id, name: v.name })),
		minGroupSize: org.minGroupSize,
		grouping: await suggestionsForWall(db, snapshot.cards, snapshot.activity?.kind),
		joinUrl: `${event.url.origin}/join/${room.joinCode}`,
		codesHref: `/o/${org.id}/t/${team.id}/workshops/${workshop.id}/codes`,
		workshopHref: `/o/${org.id}/t/${team.id}/workshops/${workshop.id}`
	};
};

/** A card of the current workshop's activity, or a 404 answer. */
async function cardActivity(access: Awaited<ReturnType<typeof consoleAccess>>, activityId: string) {
	const activity = await getActivity(access.db, access.workshop.id, activityId);
	if (!activity) error(404);
	return activity;
}

export const actions = {
	pace: async (event) => {
		const access = await consoleAccess(event);
		const form = await event.request.formData();
		const type = String(form.get('command') ?? '');
		if (!PACE_COMMAND_TYPES.has(type)) {
			return fail(400, { pace: 'invalid' as const, command: type });
		}
		let input: Record<string, unknown> = { type };
		if (type === 'goto') {
			const parsed = parseForm(GotoForm, form);
			if (!parsed.ok) return fail(400, { pace: 'invalid' as const, command: type });
			input = { type, index: parsed.data.index };
		} else if (type === 'timer_start') {
			const parsed = parseForm(TimerForm, form);
			if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, command: type });
			input = { type, seconds: parsed.data };
		}
		const command = parsePaceCommand(input);
		if (!command) return fail(400, { pace: 'invalid' as const, command: type });
		const result = await applyPace(access.workshop.id, command);
		if (!result.ok) return fail(409, { pace: result.problem, command: type });
		if (command.type === 'end') {
			await landWorkshopPosts(access.db, access.workshop.id, access.org.minGroupSize);
			// Nothing goes to the culture map by itself: the facilitator reviews it (…/review).
			return { ended: true as const };
		}
		return { paced: type };
	},

	hideCard: async (event) => moderate(event, true),
	showCard: async (event) => moderate(event, false),

	unmergeCard: async (event) => {
		const access = await consoleAccess(event);
		const parsed = parseForm(CardForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { cards: 'invalid' as const });
		await cardActivity(access, parsed.data.activityId);
		await unmergeCard(access.db, parsed.data.activityId, parsed.data.cardId);
		await cardsChanged(access.workshop.id, parsed.data.activityId);
		return { cardsSaved: true as const };
	},

	mergeCards: async (event) => {
		const access = await consoleAccess(event);
		const form = await event.request.formData();
		const joined = listsJoined(form, ['cardIds']);
		const parsed = parseForm(MergeForm, joined);
		if (!parsed.ok) return fail(400, { cards: 'merge_two' as const });
		await cardActivity(access, parsed.data.activityId);
		try {
			await mergeSelectedCards(access.db, parsed.data.activityId, parsed.data.cardIds);
		} catch (problem) {
			if (problem instanceof DomainError && problem.code === 'not_found') {
				return fail(404, { cards: 'gone' as const });
			}
			throw problem;
		}
		await cardsChanged(access.workshop.id, parsed.data.activityId);
		return { cardsSaved: true as const };
	},

	groupCard: async (event) => {
		const access = await consoleAccess(event);
		const parsed = parseForm(GroupForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { cards: 'invalid' as const });
		await cardActivity(access, parsed.data.activityId);
		const { valueId } = parsed.data;
		if (valueId) {
			const values = await listTeamValueOptions(access.db, access.team.id);
			if (!values.some((v) => v.id === valueId && !v.archived)) {
				return fail(400, { cards: 'invalid' as const });
			}
		}
		await groupCard(access.db, parsed.data.activityId, parsed.data.cardId, valueId);
		await cardsChanged(access.workshop.id, parsed.data.activityId);
		return { cardsSaved: true as const };
	},

	nicknames: async (event) => {
		const access = await consoleAccess(event);
		const parsed = parseForm(NicknamesForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { nicknames: 'invalid' as const });
		await changeWorkshop(access.workshop.id, (db) =>
			setShowNicknames(db, access.workshop.id, parsed.data.show === 'on')
		);
		return { nicknamesSaved: true as const };
	},

	acceptGroup: async (event) => acceptGroupAction(await consoleAccess(event), event),
	renameGroup: async (event) => renameGroupAction(await consoleAccess(event), event),
	dismissGroup: async (event) => dismissGroupAction(await consoleAccess(event), event),

	headCount: async (event) =>
		headCountAction((await consoleAccess(event)).workshop.id, await event.request.formData()),
	admit: async (event) =>
		waitingAction((await consoleAccess(event)).workshop.id, await event.request.formData(), true),
	refuse: async (event) =>
		waitingAction((await consoleAccess(event)).workshop.id, await event.request.formData(), false),
	holdPosts: async (event) =>
		holdAction((await consoleAccess(event)).workshop.id, await event.request.formData()),
	reviewPost: async (event) =>
		reviewAction((await consoleAccess(event)).workshop.id, await event.request.formData()),
	starPost: async (event) =>
		starAction((await consoleAccess(event)).workshop.id, await event.request.formData()),
	answeredPost: async (event) =>
		answeredAction((await consoleAccess(event)).workshop.id, await event.request.formData())
} satisfies Actions;

async function moderate(event: RequestEvent, hidden: boolean) {
	const access = await consoleAccess(event);
	const parsed = parseForm(CardForm, await event.request.formData());
	if (!parsed.ok) return fail(400, { cards: 'invalid' as const });
	await cardActivity(access, parsed.data.activityId);
	await setCardHidden(access.db, parsed.data.activityId, parsed.data.cardId, hidden);
	await cardsChanged(access.workshop.id, parsed.data.activityId);
	return { cardsSaved: true as const };
}
