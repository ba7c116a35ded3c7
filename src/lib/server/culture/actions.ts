/**
 * The culture map's form actions, shared by the map's pages. Each one checks that the person
 * may edit this team's map, parses its form and calls the data module.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isLens, type Lens } from '../../domain/culture';
import type { FieldErrors } from '../../forms';
import { m } from '../../paraglide/messages';
import { teamAccess } from '../auth/guards';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { invalid, parseForm } from '../validation';
import {
	ElementForm,
	HIDDEN_FIELDS,
	IdForm,
	LimitingForm,
	MoveForm,
	NewElementForm,
	ValueForm
} from './forms';
import * as culture from './queries';

/** The lens named in the query string (`?lens=` by default); anything unknown is a 400. */
export function lensParam(url: URL, name = 'lens', fallback: Lens = 'current'): Lens {
	const lens = url.searchParams.get(name) ?? fallback;
	if (!isLens(lens)) error(400, m.map_unknown_lens());
	return lens;
}

/** Archived items are shown on request, and only to people who may restore them. */
export function showArchived(url: URL, canEditMap: boolean): boolean {
	return canEditMap && url.searchParams.get('archived') === '1';
}

/** Errors on fields the person cannot see are reported for the form as a whole. */
function rejected(errors: FieldErrors, values: Record<string, string>) {
	const shown: FieldErrors = {};
	for (const [field, problem] of Object.entries(errors)) {
		const hidden = (HIDDEN_FIELDS as readonly string[]).includes(field);
		shown[hidden ? 'form' : field] ??= problem;
	}
	return invalid(shown, values);
}

interface Edit<T> {
	db: Database;
	teamId: string;
	userId: string;
	data: T;
	params: Partial<Record<string, string>>;
}

async function edit<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	run: (edit: Edit<z.output<S>>) => Promise<unknown>
) {
	const { db, team, user } = await teamAccess(event, 'map.edit');
	const parsed = parseForm(schema, await event.request.formData());
	if (!parsed.ok) return rejected(parsed.errors, parsed.values);
	try {
		await run({ db, teamId: team.id, userId: user.id, data: parsed.data, params: event.params });
	} catch (problem) {
		if (!(problem instanceof DomainError)) throw problem;
		if (problem.code === 'duplicate') {
			return invalid({ name: { code: 'duplicate' } }, parsed.values);
		}
		if (problem.code === 'has_votes') {
			return rejected({ form: { code: 'has_votes' } }, parsed.values);
		}
		if (problem.code === 'value_required') {
			return rejected({ form: { code: 'required' } }, parsed.values);
		}
		// Someone else deleted it meanwhile (or the id was never this team's): say so.
		if (problem.code === 'not_found') return fail(404, { gone: true as const });
		throw problem;
	}
	return { saved: parsed.values.target ?? '' };
}

/** The value of the page, if the page is a value's page; forms cannot choose another. */
const pageValueId = (params: Partial<Record<string, string>>) => params.valueId ?? null;

function valueIdOf(params: Partial<Record<string, string>>): string {
	const valueId = pageValueId(params);
	if (!valueId) error(404);
	return valueId;
}

export const mapActions = {
	createValue: (event: RequestEvent) =>
		edit(event, ValueForm, ({ db, teamId, userId, data }) =>
			culture.createValue(db, teamId, userId, data)
		),
	updateValue: (event: RequestEvent) =>
		edit(event, ValueForm, ({ db, teamId, data, params }) =>
			culture.updateValue(db, teamId, valueIdOf(params), data)
		),
	moveValue: (event: RequestEvent) =>
		edit(event, MoveForm, ({ db, teamId, data }) =>
			culture.moveValue(db, teamId, data.id, data.direction, data.lens)
		),
	archiveValue: (event: RequestEvent) =>
		edit(event, IdForm, ({ db, teamId, data }) => culture.archiveValue(db, teamId, data.id)),
	restoreValue: (event: RequestEvent) =>
		edit(event, IdForm, ({ db, teamId, data }) => culture.restoreValue(db, teamId, data.id)),
	deleteValue: (event: RequestEvent) =>
		edit(event, IdForm, async ({ db, teamId, data, params }) => {
			await culture.deleteValue(db, teamId, data.id);
			redirect(303, `/o/${params.orgId}/t/${params.teamId}/map`);
		}),
	createElement: (event: RequestEvent) =>
		edit(event, NewElementForm, ({ db, teamId, userId, data, params }) =>
			culture.createElement(db, teamId, userId, { ...data, valueId: pageValueId(params) })
		),
	updateElement: (event: RequestEvent) =>
		edit(event, ElementForm, ({ db, teamId, data }) =>
			culture.updateElement(db, teamId, data.id, data)
		),
	markElementLimiting: (event: RequestEvent) =>
		edit(event, LimitingForm, ({ db, teamId, data }) =>
			culture.markElementLimiting(db, teamId, data.id, data.limiting)
		),
	archiveElement: (event: RequestEvent) =>
		edit(event, IdForm, ({ db, teamId, data }) => culture.archiveElement(db, teamId, data.id)),
	restoreElement: (event: RequestEvent) =>
		edit(event, IdForm, ({ db, teamId, data }) => culture.restoreElement(db, teamId, data.id)),
	deleteElement: (event: RequestEvent) =>
		edit(event, IdForm, ({ db, teamId, data }) => culture.deleteElement(db, teamId, data.id))
};
