import { fail, redirect } from '@sveltejs/kit';
import { KINDS } from '$lib/domain/activity-kinds';
import { isVoting } from '$lib/domain/workshop';
import { dueRange } from '$lib/room/dates';
import { liveDatabase } from '$lib/server/live/context';
import type { OwnAnswers } from '$lib/server/live/events';
import { clearParticipantCookie } from '$lib/server/live/participant-cookie';
import { listOwnAnswers } from '$lib/server/live/queries';
import { listOwnAnsweredPosts } from '$lib/server/moderation/queries';
import { roomSnapshot } from '$lib/server/live/rooms';
import { submitAnswers } from '$lib/server/live/votes';
import { participantAccess } from '$lib/server/room/access';
import { postCard, removeCard, upvote } from '$lib/server/room/cards';
import { makeCommitment, mayCommit } from '$lib/server/room/commitments';
import { answersFromForm } from '$lib/server/room/forms';
import { fromLiveError, refused } from '$lib/server/room/outcome';
import { withdraw } from '$lib/server/room/withdraw';
import {
	findParticipant,
	listOwnCards,
	listOwnUpvotes,
	listWorkshopCommitments
} from '$lib/server/workshops/queries';
import type { Actions, PageServerLoad } from './$types';

/** Confirmations a redirect after a form post may ask the page to show. */
const DONE = ['saved', 'card', 'removed', 'upvoted', 'committed'] as const;
type Done = (typeof DONE)[number];

const field = (form: FormData, name: string, max = 100) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
};

export const load: PageServerLoad = async (event) => {
	const { room, participantId, token } = await participantAccess(event);
	const db = await liveDatabase();
	const snapshot = roomSnapshot(room);
	const activity = snapshot.activity;
	const voting = room.agenda.filter((a) => isVoting(a.public.kind)).map((a) => a.public.id);

	const [me, answers] = await Promise.all([
		findParticipant(db, room.id, token),
		listOwnAnswers(db, participantId, voting)
	]);
	const mine: OwnAnswers = {};
	for (const row of answers) (mine[row.activityId] ??= {})[row.itemId] = row.score;

	const hasCards = activity && KINDS[activity.kind].cardWall;
	const ownCards = hasCards
		? { activityId: activity.id, cards: await listOwnCards(db, activity.id, participantId) }
		: null;
	const ownUpvotes =
		activity && KINDS[activity.kind].upvotes
			? { activityId: activity.id, cardIds: await listOwnUpvotes(db, activity.id, participantId) }
			: null;

	// A card about a value (a behaviour, a boundary, a ritual, a signal) asks to pick one: the
	// values of the last activity before it that named some (in the templates, the vote that
	// chose them).
	const choices =
		activity?.kind === 'collect' &&
		activity.config.kind === 'collect' &&
		activity.config.target !== 'value'
			? {
					activityId: activity.id,
					values:
						room.agenda.slice(0, activity.index).findLast((a) => a.public.values.length > 0)?.public
							.values ?? []
				}
			: null;

	const user = event.locals.user;
	const leader =
		activity?.kind === 'commit' && user && (await mayCommit(user, room))
			? {
					activityId: activity.id,
					due: dueRange(new Date()),
					commitments: await listWorkshopCommitments(db, room.id, user.id)
				}
			: null;

	// After the end: the answers the team's board gave to this device's own outsider posts.
	const ownAnswers =
		room.pace.status === 'ended' ? await listOwnAnsweredPosts(db, room.id, participantId) : [];

	// A confirmation belongs to the activity it was given for: at the next one it is not shown.
	const done = event.url.searchParams.get('done');
	const on = event.url.searchParams.get('on');
	return {
		workshopId: room.id,
		nickname: me?.nickname ?? null,
		snapshot,
		mine,
		ownCards,
		ownUpvotes,
		choices,
		leader,
		ownAnswers,
		done:
			DONE.includes(done as Done) && on
				? { what: done as Done, activityId: on.slice(0, 100) }
				: null
	};
};

const back = (workshopId: string, done: Done, activityId: string) =>
	redirect(303, `/w/${workshopId}?done=${done}&on=${encodeURIComponent(activityId)}`);

export const actions: Actions = {
	/** Ratings, dots or points without JavaScript: the same core as the live endpoint. */
	answer: async (event) => {
		const { room, token } = await participantAccess(event);
		const form = await event.request.formData();
		const activityId = field(form, 'activityId');
		const activity = room.agenda.find((a) => a.public.id === activityId);
		const answers = answersFromForm(form, activity?.public.config ?? null);
		const values = Object.fromEntries(
			[...form].filter(([k, v]) => k.startsWith('a:') && typeof v === 'string').slice(0, 200)
		) as Record<string, string>;
		const fail400 = (outcome: ReturnType<typeof fromLiveError>) =>
			fail(outcome.status, {
				form: 'answer' as const,
				activityId,
				problem: outcome.problem,
				values
			});
		if (!answers) return fail400(refused(400, 'too_many'));
		try {
			await submitAnswers({
				workshopId: room.id,
				participantToken: token,
				activityId,
				answers,
				address: event.getClientAddress()
			});
		} catch (error) {
			return fail400(fromLiveError(error));
		}
		back(room.id, 'saved', activityId);
	},

	card: async (event) => {
		const { room, participantId } = await participantAccess(event);
		const form = await event.request.formData();
		const activityId = field(form, 'activityId');
		const text = field(form, 'text', 4000);
		const posted = await postCard({
			room,
			participantId,
			activityId,
			text,
			address: event.getClientAddress()
		});
		if (!posted.ok) {
			return fail(posted.status, {
				form: 'card' as const,
				activityId,
				problem: posted.problem,
				values: { text: text.slice(0, 1000) }
			});
		}
		back(room.id, 'card', activityId);
	},

	removeCard: async (event) => {
		const { room, participantId } = await participantAccess(event);
		const form = await event.request.formData();
		const activityId = field(form, 'activityId');
		const cardId = field(form, 'cardId');
		const removed = await removeCard({
			room,
			participantId,
			activityId,
			cardId,
			address: event.getClientAddress()
		});
		if (!removed.ok) {
			return fail(removed.status, {
				form: 'removeCard' as const,
				activityId,
				cardId,
				problem: removed.problem
			});
		}
		back(room.id, 'removed', activityId);
	},

	upvote: async (event) => {
		const { room, participantId } = await participantAccess(event);
		const form = await event.request.formData();
		const activityId = field(form, 'activityId');
		const cardId = field(form, 'cardId');
		const done = await upvote({
			room,
			participantId,
			activityId,
			cardId,
			address: event.getClientAddress()
		});
		if (!done.ok) {
			return fail(done.status, {
				form: 'upvote' as const,
				activityId,
				cardId,
				problem: done.problem
			});
		}
		back(room.id, 'upvoted', activityId);
	},

	commit: async (event) => {
		const { room } = await participantAccess(event);
		const form = await event.request.formData();
		const activityId = field(form, 'activityId');
		const fields = {
			valueId: field(form, 'valueId'),
			action: field(form, 'action', 4000),
			signal: field(form, 'signal', 4000),
			dueOn: field(form, 'dueOn', 20)
		};
		const made = await makeCommitment({ room, user: event.locals.user, activityId, fields });
		if (!made.ok) {
			const values = {
				...fields,
				action: fields.action.slice(0, 1000),
				signal: fields.signal.slice(0, 1000)
			};
			return fail(made.status, {
				form: 'commit' as const,
				activityId,
				values,
				...('problems' in made ? { problems: made.problems } : { problem: made.problem })
			});
		}
		back(room.id, 'committed', activityId);
	},

	/** Everything this participant gave is deleted; the device forgets the workshop. */
	withdraw: async (event) => {
		const { room, participantId } = await participantAccess(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'on') {
			return fail(400, { form: 'withdraw' as const, problem: { code: 'not_confirmed' as const } });
		}
		await withdraw(room.id, participantId);
		clearParticipantCookie(event.cookies, room.id);
		redirect(303, '/join?done=withdrawn');
	}
};
