/**
 * The console's form actions for suggested groups: parse, store, publish the wall (so the
 * projector and the phones update as after a manual merge), map refusals to `fail()`.
 * A refusal names its target (the suggestion's card set or the group card), so the panel
 * shows the message next to that one field.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { KINDS } from '../../domain/activity-kinds';
import { cardSetKey } from '../../domain/suggestions';
import type { FieldError } from '../../forms';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { cardsChanged } from '../live/rooms';
import { parseForm } from '../validation';
import { AcceptGroupForm, DismissGroupForm, listsJoined, RenameGroupForm } from './forms';
import { getActivity } from './queries';
import {
	acceptSuggestedGroup,
	dismissSuggestion,
	existingCardIds,
	renameGroup
} from './suggestions';

interface ConsoleAccess {
	db: Database;
	workshop: { id: string };
}

export interface GroupingRefusal {
	/** The suggestion's card set (`cardSetKey`) or the group card's id. */
	target: string;
	error?: FieldError;
	problem?: 'gone' | 'invalid';
	name?: string;
}

const refuse = (status: number, grouping: GroupingRefusal) => fail(status, { grouping });

/** A collect activity of this workshop, or a 404 (unknown) / `false` (another kind). */
async function collectActivity(access: ConsoleAccess, activityId: string) {
	const activity = await getActivity(access.db, access.workshop.id, activityId);
	if (!activity) error(404);
	return KINDS[activity.kind].groupsUnderValues;
}

const isGone = (problem: unknown) => problem instanceof DomainError && problem.code === 'not_found';

export async function acceptGroupAction(access: ConsoleAccess, event: RequestEvent) {
	const form = listsJoined(await event.request.formData(), ['cardIds']);
	const parsed = parseForm(AcceptGroupForm, form);
	const target = cardSetKey(String(form.get('cardIds') ?? '').split(','));
	if (!parsed.ok) {
		const { name: nameError, ...others } = parsed.errors;
		if (Object.keys(others).length > 0) return refuse(400, { target, problem: 'invalid' });
		return refuse(400, { target, error: nameError, name: parsed.values.name ?? '' });
	}
	const { activityId, cardIds, name } = parsed.data;
	if (!(await collectActivity(access, activityId))) {
		return refuse(400, { target, problem: 'invalid' });
	}
	try {
		const id = await acceptSuggestedGroup(access.db, activityId, name, cardIds);
		await cardsChanged(access.workshop.id, activityId);
		return { grouped: { id, name } };
	} catch (problem) {
		if (isGone(problem)) return refuse(409, { target, problem: 'gone' });
		throw problem;
	}
}

export async function renameGroupAction(access: ConsoleAccess, event: RequestEvent) {
	const parsed = parseForm(RenameGroupForm, await event.request.formData());
	const target = parsed.values.groupId ?? '';
	if (!parsed.ok) {
		const { name: nameError, ...others } = parsed.errors;
		if (Object.keys(others).length > 0) return refuse(400, { target, problem: 'invalid' });
		return refuse(400, { target, error: nameError, name: parsed.values.name ?? '' });
	}
	const { activityId, groupId, name } = parsed.data;
	if (!(await collectActivity(access, activityId))) {
		return refuse(400, { target, problem: 'invalid' });
	}
	try {
		await renameGroup(access.db, activityId, groupId, name);
	} catch (problem) {
		if (isGone(problem)) return refuse(404, { target, problem: 'gone' });
		throw problem;
	}
	await cardsChanged(access.workshop.id, activityId);
	return { renamed: { id: groupId, name } };
}

export async function dismissGroupAction(access: ConsoleAccess, event: RequestEvent) {
	const parsed = parseForm(
		DismissGroupForm,
		listsJoined(await event.request.formData(), ['cardIds'])
	);
	if (!parsed.ok) return refuse(400, { target: '', problem: 'invalid' });
	const { activityId, cardIds } = parsed.data;
	if (!(await collectActivity(access, activityId))) {
		return refuse(400, { target: '', problem: 'invalid' });
	}
	const known = await existingCardIds(access.db, activityId, cardIds);
	if (known.length < 2) return refuse(409, { target: cardSetKey(cardIds), problem: 'gone' });
	dismissSuggestion(activityId, known);
	return { dismissed: cardSetKey(known) };
}
