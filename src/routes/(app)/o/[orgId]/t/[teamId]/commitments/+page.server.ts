import { redirect } from '@sveltejs/kit';
import {
	commitmentStanding,
	countStates,
	followThroughAt,
	followThroughBy,
	inState,
	isDueIn
} from '$lib/domain/commitments';
import { canCreateCommitment, can } from '$lib/domain/permissions';
import { dueRange } from '$lib/room/dates';
import { teamAccess } from '$lib/server/auth/guards';
import { commitmentFilter, newCommitmentForm } from '$lib/server/commitments/forms';
import {
	createCommitment,
	listTeamCommitments,
	listTeamLeaders
} from '$lib/server/commitments/queries';
import { DomainError } from '$lib/server/errors';
import { invalid, parseForm } from '$lib/server/validation';
import { listTeamValueOptions } from '$lib/server/workshops/staff';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The values a commitment may serve: the strategic ones, or every active one if none is. */
async function commitmentValues(db: Parameters<typeof listTeamValueOptions>[0], teamId: string) {
	const active = (await listTeamValueOptions(db, teamId)).filter((v) => !v.archived);
	const strategic = active.filter((v) => v.lenses.includes('strategic'));
	return (strategic.length > 0 ? strategic : active).map((v) => ({ id: v.id, name: v.name }));
}

export const load: PageServerLoad = async (event) => {
	const { db, team, role, user, isTeamMember } = await teamAccess(event);
	const now = new Date();
	const filter = commitmentFilter(event.url.searchParams);
	const [all, leaders, values] = await Promise.all([
		listTeamCommitments(db, team.id),
		listTeamLeaders(db, team.id),
		commitmentValues(db, team.id)
	]);
	// The counts per status follow the other filters (leader, period); the list all of them.
	const narrowed = all
		.filter(
			(c) =>
				(!filter.leaderId || c.leaderId === filter.leaderId) && isDueIn(c.dueOn, filter.due, now)
		)
		.map((c) => ({ ...c, standing: commitmentStanding(c, now) }));
	const shown = narrowed.filter((c) => inState(c.standing, filter.status));
	const byLeader = followThroughBy(all, (c) => c.leaderId, now);
	const byValue = followThroughBy(all, (c) => c.valueId, now);
	const canManage = can(role, 'follow.manage', { isTeamMember });
	const canCreate = canCreateCommitment(role, { isTeamMember });
	return {
		filter,
		commitments: shown.map((c) => ({
			id: c.id,
			leaderId: c.leaderId,
			leaderName: c.leaderName,
			valueName: c.valueName,
			action: c.action,
			dueOn: c.dueOn,
			originalDueOn: c.originalDueOn,
			standing: c.standing,
			checkins: c.checkins,
			workshopTitle: c.workshopTitle
		})),
		total: all.length,
		counts: { all: narrowed.length, ...countStates(narrowed.map((c) => c.standing)) },
		rates: {
			team: followThroughAt(all, now),
			leaders: [...byLeader].map(([leaderId, rate]) => ({
				leaderId,
				name: all.find((c) => c.leaderId === leaderId)!.leaderName,
				...rate
			})),
			values: [...byValue].map(([valueId, rate]) => ({
				valueId,
				name: all.find((c) => c.valueId === valueId)!.valueName,
				...rate
			}))
		},
		leaders,
		values,
		canCreate,
		// A leader writes their own commitments; staff choose whose.
		leaderChoices: canManage ? leaders : leaders.filter((l) => l.userId === user.id),
		dueRange: dueRange(now)
	};
};

export const actions = {
	create: async (event) => {
		const { db, org, team, role, user, isTeamMember } = await teamAccess(event);
		if (!canCreateCommitment(role, { isTeamMember })) error(403);
		const parsed = parseForm(newCommitmentForm(new Date()), await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const { data } = parsed;
		if (!can(role, 'follow.manage', { isTeamMember }) && data.leaderId !== user.id) {
			return invalid({ leaderId: { code: 'invalid' } }, parsed.values);
		}
		let id: string;
		try {
			id = await createCommitment(db, { teamId: team.id, ...data });
		} catch (e) {
			if (e instanceof DomainError && e.code === 'not_found') {
				const field = e.message === 'leader' ? 'leaderId' : 'valueId';
				return invalid({ [field]: { code: 'invalid' } }, parsed.values);
			}
			throw e;
		}
		redirect(303, `/o/${org.id}/t/${team.id}/commitments/${id}?made=1`);
	}
} satisfies Actions;
