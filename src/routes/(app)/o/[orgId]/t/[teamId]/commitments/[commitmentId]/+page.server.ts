import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { commitmentStanding, latestExtension } from '$lib/domain/commitments';
import { canUpdateCommitment } from '$lib/domain/permissions';
import { isoDate } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { checkinForm, DropForm, extendForm } from '$lib/server/commitments/forms';
import {
	addCheckin,
	closeCommitment,
	extendCommitment,
	getCommitment,
	listCheckins,
	listExtensions
} from '$lib/server/commitments/queries';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

type CommitmentEvent = RequestEvent<{ orgId: string; teamId: string; commitmentId: string }>;

/** The commitment of the URL, and whether this person may update it (403 for actions if not). */
async function commitmentAccess(event: CommitmentEvent) {
	const access = await teamAccess(event);
	const commitment = await getCommitment(access.db, access.team.id, event.params.commitmentId);
	if (!commitment) error(404);
	const mayUpdate = canUpdateCommitment(
		access.role,
		{ isTeamMember: access.isTeamMember },
		access.user,
		commitment
	);
	return { ...access, commitment, mayUpdate };
}

async function updateAccess(event: CommitmentEvent) {
	const access = await commitmentAccess(event);
	if (!access.mayUpdate) error(403);
	return access;
}

export const load: PageServerLoad = async (event) => {
	const { db, commitment, mayUpdate } = await commitmentAccess(event);
	const now = new Date();
	const [checkins, extensions] = await Promise.all([
		listCheckins(db, commitment.id),
		listExtensions(db, commitment.id)
	]);
	return {
		commitment: { ...commitment, standing: commitmentStanding(commitment, now) },
		checkins,
		extensions,
		mayUpdate,
		today: isoDate(now),
		latestExtension: latestExtension(now),
		made: event.url.searchParams.has('made')
	};
};

export const actions = {
	checkin: async (event) => {
		const { db, user, commitment } = await updateAccess(event);
		const parsed = parseForm(checkinForm(new Date()), await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await addCheckin(db, { commitmentId: commitment.id, authorId: user.id, ...parsed.data });
		return { checkedIn: true };
	},

	extend: async (event) => {
		const { db, user, team, commitment } = await updateAccess(event);
		const parsed = parseForm(
			extendForm(commitment.dueOn, new Date()),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		if (commitment.status !== 'open') return fail(409, { notOpen: true });
		const extended = await extendCommitment(db, team.id, commitment.id, {
			fromDueOn: commitment.dueOn,
			toDueOn: parsed.data.newDueOn,
			reason: parsed.data.extendReason,
			authorId: user.id
		});
		if (!extended) return fail(409, { changed: true });
		return { extended: true };
	},

	done: async (event) => {
		const { db, team, commitment } = await updateAccess(event);
		if (!(await closeCommitment(db, team.id, commitment.id, { status: 'done' }))) {
			return fail(409, { notOpen: true });
		}
		return { closed: 'done' as const };
	},

	drop: async (event) => {
		const { db, team, commitment } = await updateAccess(event);
		const parsed = parseForm(DropForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const closed = await closeCommitment(db, team.id, commitment.id, {
			status: 'dropped',
			reason: parsed.data.reason
		});
		if (!closed) return fail(409, { notOpen: true });
		return { closed: 'dropped' as const };
	}
} satisfies Actions;
