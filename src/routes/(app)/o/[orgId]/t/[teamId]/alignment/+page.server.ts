import { error, fail } from '@sveltejs/kit';
import { alignmentSummary, ALIGNMENT_LIMITS, DEFAULT_TOUCHPOINTS } from '$lib/domain/alignment';
import { can } from '$lib/domain/permissions';
import { JudgeForm, TouchpointForm, TouchpointIdForm } from '$lib/server/alignment/forms';
import {
	addTouchpoint,
	addTouchpoints,
	archiveTouchpoint,
	judgeCell,
	listCells,
	listJudgements,
	listTouchpoints
} from '$lib/server/alignment/queries';
import { teamAccess } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/errors';
import { listPulseValues } from '$lib/server/pulses/queries';
import { invalid, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team, role, isTeamMember } = await teamAccess(event);
	const [points, values, cells, history] = await Promise.all([
		listTouchpoints(db, team.id),
		listPulseValues(db, team.id),
		listCells(db, team.id),
		listJudgements(db, team.id, ALIGNMENT_LIMITS.history)
	]);
	const shown = cells.filter(
		(c) => points.some((p) => p.id === c.touchpointId) && values.some((v) => v.id === c.valueId)
	);
	return {
		touchpoints: points,
		values: values.map((v) => ({ id: v.id, name: v.name })),
		cells: shown,
		summary: alignmentSummary(shown, points.length * values.length),
		history,
		canEdit: can(role, 'follow.manage', { isTeamMember }),
		chosen: {
			touchpointId: event.url.searchParams.get('touchpoint') ?? undefined,
			valueId: event.url.searchParams.get('value') ?? undefined
		}
	};
};

export const actions = {
	addTouchpoint: async (event) => {
		const { db, team } = await teamAccess(event, 'follow.manage');
		const parsed = parseForm(TouchpointForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		if ((await listTouchpoints(db, team.id)).length >= ALIGNMENT_LIMITS.touchpoints.max) {
			return invalid(
				{ name: { code: 'too_big', limit: ALIGNMENT_LIMITS.touchpoints.max } },
				parsed.values
			);
		}
		try {
			await addTouchpoint(db, team.id, parsed.data.name);
		} catch (e) {
			if (e instanceof DomainError && e.code === 'duplicate') {
				return invalid({ name: { code: 'duplicate' } }, parsed.values);
			}
			throw e;
		}
		return { added: true };
	},

	addDefaults: async (event) => {
		const { db, team } = await teamAccess(event, 'follow.manage');
		await addTouchpoints(db, team.id, DEFAULT_TOUCHPOINTS[event.locals.locale]);
		return { added: true };
	},

	archiveTouchpoint: async (event) => {
		const { db, team } = await teamAccess(event, 'follow.manage');
		const parsed = parseForm(TouchpointIdForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { archived: false });
		if (!(await archiveTouchpoint(db, team.id, parsed.data.touchpointId))) error(404);
		return { archived: true };
	},

	judge: async (event) => {
		const { db, team, user } = await teamAccess(event, 'follow.manage');
		const parsed = parseForm(JudgeForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await judgeCell(db, { teamId: team.id, authorId: user.id, ...parsed.data });
		} catch (e) {
			if (e instanceof DomainError && e.code === 'not_found') {
				const field = e.message === 'touchpoint' ? 'touchpointId' : 'valueId';
				return invalid({ [field]: { code: 'invalid' } }, parsed.values);
			}
			throw e;
		}
		return { judged: true };
	}
} satisfies Actions;
