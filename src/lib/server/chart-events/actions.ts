/**
 * The dashboards' note actions (the team's and the organisation's share them): parse the form,
 * add or delete the note in its scope. The caller has checked who may.
 */
import { fail } from '@sveltejs/kit';
import type { Database } from '../db';
import { invalid, parseForm } from '../validation';
import { addChartEvent, deleteChartEvent, type EventScope } from './queries';
import { DeleteEventForm, EventForm } from './forms';

export async function addEventAction(
	db: Database,
	scope: EventScope,
	userId: string,
	form: FormData
) {
	const parsed = parseForm(EventForm, form);
	if (!parsed.ok) return invalid(parsed.errors, parsed.values);
	await addChartEvent(db, scope, { ...parsed.data, createdBy: userId });
	return { eventAdded: parsed.data.label };
}

export async function deleteEventAction(db: Database, scope: EventScope, form: FormData) {
	const parsed = parseForm(DeleteEventForm, form);
	if (!parsed.ok) return fail(400, { eventDeleted: false });
	if (!(await deleteChartEvent(db, scope, parsed.data.eventId))) {
		return fail(404, { eventDeleted: false });
	}
	return { eventDeleted: true };
}
