import { z } from 'zod';
import { orgAccess } from '$lib/server/auth/guards';
import {
	createDepartment,
	deleteDepartment,
	listDepartments,
	MAX_DEPARTMENTS,
	renameDepartment
} from '$lib/server/departments/queries';
import { DomainError } from '$lib/server/errors';
import { invalid, nameField, parseForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const Create = z.object({ name: nameField });
const Rename = z.object({ departmentId: z.string().min(1).max(64), name: nameField });
const Remove = z.object({ departmentId: z.string().min(1).max(64) });

/** The organisation's departments (or sites): the owner's, like the other settings. */
export const load: PageServerLoad = async (event) => {
	const { db, org } = await orgAccess(event, 'org.manage');
	return { departments: await listDepartments(db, org.id), max: MAX_DEPARTMENTS };
};

export const actions: Actions = {
	create: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(Create, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await createDepartment(db, org.id, parsed.data.name);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'duplicate') {
				return invalid({ name: { code: 'duplicate' } }, parsed.values);
			}
			if (error instanceof DomainError && error.code === 'too_many') {
				return invalid({ name: { code: 'too_many', limit: MAX_DEPARTMENTS } }, parsed.values);
			}
			throw error;
		}
		return { created: parsed.data.name };
	},

	rename: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(Rename, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await renameDepartment(db, org.id, parsed.data.departmentId, parsed.data.name);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'duplicate') {
				return invalid({ name: { code: 'duplicate' } }, parsed.values);
			}
			if (error instanceof DomainError && error.code === 'not_found') {
				return invalid({ departmentId: { code: 'invalid' } }, parsed.values, 404);
			}
			throw error;
		}
		return { renamed: parsed.data.departmentId };
	},

	delete: async (event) => {
		const { db, org } = await orgAccess(event, 'org.manage');
		const parsed = parseForm(Remove, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		try {
			await deleteDepartment(db, org.id, parsed.data.departmentId);
		} catch (error) {
			if (error instanceof DomainError && error.code === 'not_found') {
				return invalid({ departmentId: { code: 'invalid' } }, parsed.values, 404);
			}
			throw error;
		}
		return { deleted: true };
	}
};
