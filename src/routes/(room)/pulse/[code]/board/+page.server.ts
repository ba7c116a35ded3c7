import { error, fail, type Cookies } from '@sveltejs/kit';
import { PostForm, UpvoteForm } from '$lib/server/board/forms';
import {
	addPost,
	isKnownDevice,
	isVisiblePost,
	listOwnUpvotes,
	listPosts,
	upvotePost
} from '$lib/server/board/queries';
import { pulseLimits } from '$lib/server/pulses/limits';
import { database } from '$lib/server/db';
import { hashToken, newToken } from '$lib/server/ids';
import { getRespondentToken, setRespondentCookie } from '$lib/server/pulses/cookie';
import { listPostsByReceipts } from '$lib/server/moderation/queries';
import { issueReceipt, receiptHashes } from '$lib/server/moderation/receipts';
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

/** This device's token for the pulse (a new one when it has none), and its hash. */
function deviceOf(cookies: Cookies, pulseId: string) {
	const token = getRespondentToken(cookies, pulseId);
	if (token && token.length <= 64) return { token, hash: hashToken(token), issued: false };
	const fresh = newToken();
	return { token: fresh, hash: hashToken(fresh), issued: true };
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const { db, pulse } = await boardOf(params.code);
	const token = getRespondentToken(cookies, pulse.id);
	const [posts, mine, own] = await Promise.all([
		listPosts(db, pulse.teamId, { includeHidden: false }),
		token ? listOwnUpvotes(db, pulse.teamId, hashToken(token)) : Promise.resolve([]),
		// This device's own posts, found by the receipts only it holds (never by who it is).
		listPostsByReceipts(db, pulse.teamId, receiptHashes(cookies, pulse.teamId))
	]);
	return { teamName: pulse.teamName, code: params.code, posts, mine, own };
};

export const actions: Actions = {
	post: async ({ params, cookies, request, getClientAddress }) => {
		const { db, pulse } = await boardOf(params.code);
		const parsed = parseForm(PostForm, await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const device = deviceOf(cookies, pulse.id);
		const allowed = pulseLimits.boardPost({
			address: getClientAddress(),
			teamId: pulse.teamId,
			pulseId: pulse.id,
			newDevice: !(await isKnownDevice(db, {
				pulseId: pulse.id,
				teamId: pulse.teamId,
				hash: device.hash
			}))
		});
		if (!allowed.ok) return fail(429, { retryAfter: allowed.retryAfter, values: parsed.values });
		if (device.issued) setRespondentCookie(cookies, pulse.id, device.token);
		await addPost(db, {
			teamId: pulse.teamId,
			text: parsed.data.text,
			authorHash: device.hash,
			receiptHash: issueReceipt(cookies, pulse.teamId)
		});
		return { posted: true };
	},

	upvote: async ({ params, cookies, request, getClientAddress }) => {
		const { db, pulse } = await boardOf(params.code);
		const parsed = parseForm(UpvoteForm, await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		// Only an upvote that would count spends the limits.
		if (!(await isVisiblePost(db, pulse.teamId, parsed.data.postId))) error(404);
		const device = deviceOf(cookies, pulse.id);
		const allowed = pulseLimits.upvote({
			address: getClientAddress(),
			teamId: pulse.teamId,
			pulseId: pulse.id,
			newDevice: !(await isKnownDevice(db, {
				pulseId: pulse.id,
				teamId: pulse.teamId,
				hash: device.hash
			}))
		});
		if (!allowed.ok) return fail(429, { retryAfter: allowed.retryAfter });
		if (device.issued) setRespondentCookie(cookies, pulse.id, device.token);
		if (!(await upvotePost(db, pulse.teamId, parsed.data.postId, device.hash))) error(404);
		return { upvoted: parsed.data.postId };
	}
};
