import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { inBoardFilter, isOpenPost } from '$lib/domain/board';
import { inCalendarPeriod } from '$lib/domain/calendar';
import { can } from '$lib/domain/permissions';
import { teamAccess } from '$lib/server/auth/guards';
import { boardFilter, PostForm, TriageForm, UpvoteForm } from '$lib/server/board/forms';
import {
	addPost,
	listOwnUpvotes,
	isVisiblePost,
	listPosts,
	triagePost,
	upvotePost
} from '$lib/server/board/queries';
import { hashToken } from '$lib/server/ids';
import { pulseLimits } from '$lib/server/pulses/limits';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/**
 * Signed-in staff are limited per account, not per address (an account cannot dodge it by
 * changing networks, and the anonymous posts of an office behind one address are not spent).
 */
const staffKey = (userId: string) => `staff:${userId}`;

/** A signed-in person's upvotes are kept as a hash, never with their id in the clear. */
const voterOf = (userId: string) => hashToken(`staff:${userId}`);

/** Team members (and owners) post and upvote; viewers and staff of other teams read. */
async function memberAccess(event: RequestEvent<{ orgId: string; teamId: string }>) {
	const access = await teamAccess(event);
	if (!(access.isTeamMember || access.role === 'owner')) error(403);
	return access;
}

export const load: PageServerLoad = async (event) => {
	const { db, team, role, user, isTeamMember } = await teamAccess(event);
	const canTriage = can(role, 'follow.manage', { isTeamMember });
	const [posts, mine] = await Promise.all([
		listPosts(db, team.id, { includeHidden: canTriage }),
		listOwnUpvotes(db, team.id, voterOf(user.id))
	]);
	const filter = boardFilter(event.url.searchParams);
	const now = new Date();
	const shown = posts.filter(
		(p) =>
			inBoardFilter(p.status, filter.status) &&
			inCalendarPeriod(p.createdAt.toISOString().slice(0, 10), filter.posted, now)
	);
	return {
		// Open posts first, the done ones in a group after them (each group most supported first).
		posts: shown.filter((p) => isOpenPost(p.status)),
		donePosts: shown.filter((p) => !isOpenPost(p.status)),
		total: posts.length,
		filter,
		mine,
		canTriage,
		canPost: isTeamMember || role === 'owner'
	};
};

export const actions = {
	post: async (event) => {
		const { db, team, user } = await memberAccess(event);
		const parsed = parseForm(PostForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const allowed = pulseLimits.boardPost({
			address: staffKey(user.id),
			teamId: team.id,
			newDevice: false
		});
		if (!allowed.ok) return fail(429, { retryAfter: allowed.retryAfter, values: parsed.values });
		await addPost(db, { teamId: team.id, text: parsed.data.text, authorHash: null });
		return { posted: true };
	},

	upvote: async (event) => {
		const { db, team, user } = await memberAccess(event);
		const parsed = parseForm(UpvoteForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		if (!(await isVisiblePost(db, team.id, parsed.data.postId))) error(404);
		const allowed = pulseLimits.upvote({
			address: staffKey(user.id),
			teamId: team.id,
			newDevice: false
		});
		if (!allowed.ok) return fail(429, { retryAfter: allowed.retryAfter });
		if (!(await upvotePost(db, team.id, parsed.data.postId, voterOf(user.id)))) error(404);
		return { upvoted: parsed.data.postId };
	},

	triage: async (event) => {
		const { db, team } = await teamAccess(event, 'follow.manage');
		const parsed = parseForm(TriageForm, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, { triageErrors: parsed.errors, postId: parsed.values.postId ?? null });
		}
		const { postId, ...triage } = parsed.data;
		if (!(await triagePost(db, team.id, postId, triage))) error(404);
		return { triaged: postId };
	}
} satisfies Actions;
