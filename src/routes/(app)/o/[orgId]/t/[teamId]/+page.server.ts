import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import {
	addTeamMember,
	listMembers,
	listTeamMembers,
	removeTeamMember,
	renameTeam,
	setTeamLanguage
} from '$lib/server/accounts/queries';
import { teamAccess } from '$lib/server/auth/guards';
import { refuseUnconfirmed } from '$lib/server/data/forms';
import { listDepartments, setTeamDepartment } from '$lib/server/departments/queries';
import { deleteTeam } from '$lib/server/data/queries';
import { TeamSizeForm } from '$lib/server/participation/forms';
import { getTeamSize, setTeamSize } from '$lib/server/participation/queries';
import { DomainError } from '$lib/server/errors';
import { invalid, languageField, nameField, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const Rename = z.object({ name: nameField });
const Person = z.object({ userId: z.string().min(1).max(64) });
const Language = z.object({ language: languageField });
/** A department of the organisation, or "" for none. */
const Department = z.object({ departmentId: z.string().max(64) });

export const load: PageServerLoad = async (event) => {
	const { db, org, team, role } = await teamAccess(event);
	const members = await listTeamMembers(db, team.id);
	const canDelete = can(role, 'org.data');
	const language = team.language;
	const size = await getTeamSize(db, team.id);
	const departmentId = team.departmentId;
	if (!can(role, 'team.manage')) {
		return { members, candidates: [], canDelete, language, size, departments: [], departmentId };
	}
	const inTeam = new Set(members.map((p) => p.userId));
	const [everyone, departments] = await Promise.all([
		listMembers(db, org.id),
		listDepartments(db, org.id)
	]);
	const candidates = everyone.filter((p) => !inTeam.has(p.userId));
	return { members, candidates, canDelete, language, size, departments, departmentId };
};

export const actions: Actions = {
	rename: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(Rename, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await renameTeam(db, org.id, team.id, parsed.data.name);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'duplicate') {
				return invalid({ name: { code: 'duplicate' } }, parsed.values);
			}
			throw error;
		}
		return { renamed: true };
	},

	language: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(Language, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await setTeamLanguage(db, org.id, team.id, parsed.data.language);
		return { language: parsed.data.language };
	},

	/** The number of people in the team, for participation; empty clears it (no participation). */
	size: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(TeamSizeForm, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		await setTeamSize(db, org.id, team.id, parsed.data.size);
		return { sizeSaved: true };
	},

	department: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(Department, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await setTeamDepartment(db, org.id, team.id, parsed.data.departmentId || null);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'not_found') {
				return invalid({ departmentId: { code: 'invalid' } }, parsed.values);
			}
			throw error;
		}
		return { departmentSaved: true };
	},

	addMember: async (event) => {
		const { db, org, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(Person, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await addTeamMember(db, org.id, team.id, parsed.data.userId);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'not_found') {
				return invalid({ userId: { code: 'invalid' } }, parsed.values);
			}
			throw error;
		}
		return { added: parsed.data.userId };
	},

	removeMember: async (event) => {
		const { db, team } = await teamAccess(event, 'team.manage');
		const parsed = parseForm(Person, await event.request.formData());
		if (!parsed.ok) return fail(400, { removed: null });
		await removeTeamMember(db, team.id, parsed.data.userId);
		return { removed: parsed.data.userId };
	},

	deleteTeam: async (event) => {
		const { db, org, team } = await teamAccess(event, 'org.data');
		const refused = refuseUnconfirmed(await event.request.formData(), team.name);
		if (refused) return refused;
		await deleteTeam(db, org.id, team.id);
		redirect(303, `/o/${org.id}?deleted=team`);
	}
};
