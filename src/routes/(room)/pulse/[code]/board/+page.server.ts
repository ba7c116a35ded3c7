import { error, type Cookies } from '@sveltejs/kit';
import { PostForm, UpvoteForm } from '$lib/server/board/forms';
import { addPost, listOwnUpvotes, listPosts, upvotePost } from '$lib/server/board/queries';
import { database } from '$lib/server/db';
import { hashToken, newToken } from '$lib/server/ids';
import { getRespondentToken, setRespondentCookie } from '$lib/server/pulses/cookie';
import { findPulseByCode } from '$lib/server/pulses/queries';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** The team's board, reached with one of its pulse links; the pulse's device cookie votes. */
async function boardOf(code: string) {
	const db = await database();
	const pulse = code.length <= 64 ? await findPulseByCode(db, code) : null;
	if (!pulse) error(404);
	return { db, pulse };
}

function deviceHash(cookies: Cookies, pulseId: string): string {
	let token = getRespondentToken(cookies, pulseId);
	if (!token || token.length > 64) {
		token = newToken();
		setRespondentCookie(cookies, pulseId, token);
	}
	return hashToken(token);
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const { db, pulse } = await boardOf(params.code);
	const token = getRespondentToken(cookies, pulse.id);
	const [posts, mine] = await Promise.all([
		listPosts(db, pulse.teamId, { includeHidden: false }),
		token ? listOwnUpvotes(db, pulse.teamId, hashToken(token)) : Promise.resolve([])
	]);
	return { teamName: pulse.teamName, code: params.code, posts, mine };
};

export const actions: Actions = {
	post: async ({ params, cookies, request }) => {
		const { db, pulse } = await boardOf(params.code);
		const parsed = parseForm(PostForm, await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await addPost(db, {
			teamId: pulse.teamId,
			text: parsed.data.text,
			authorHash: deviceHash(cookies, pulse.id)
		});
		return { posted: true };
	},

	upvote: async ({ params, cookies, request }) => {
		const { db, pulse } = await boardOf(params.code);
		const parsed = parseForm(UpvoteForm, await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const voter = deviceHash(cookies, pulse.id);
		if (!(await upvotePost(db, pulse.teamId, parsed.data.postId, voter))) error(404);
		return { upvoted: parsed.data.postId };
	}
};
