/**
 * The console's moderation actions: parse, store through the live layer (which tells the
 * console, projector and phones), map refusals to `fail()` with a reason. Callers check that
 * the user may run the workshop.
 */
import { fail } from '@sveltejs/kit';
import { changeCards, changeWorkshop } from '../live/rooms';
import { parseForm } from '../validation';
import { AnsweredForm, HoldForm, ReviewForm, StarForm } from './forms';
import {
	reviewCard,
	setCardAnswered,
	setHoldPosts,
	starCard,
	type ModerationResult
} from './queries';

const refusal = (result: Extract<ModerationResult, { ok: false }>) =>
	fail(result.problem === 'not_held' ? 409 : 404, { moderation: result.problem });

export async function holdAction(workshopId: string, form: FormData) {
	const parsed = parseForm(HoldForm, form);
	if (!parsed.ok) return fail(400, { moderation: 'invalid' as const });
	await changeWorkshop(workshopId, (db) => setHoldPosts(db, workshopId, parsed.data.hold === 'on'));
	return { moderationSaved: 'hold' as const };
}

export async function reviewAction(workshopId: string, form: FormData) {
	const parsed = parseForm(ReviewForm, form);
	if (!parsed.ok) return fail(400, { moderation: 'invalid' as const });
	const { activityId, cardId, decision } = parsed.data;
	const result = await changeCards(workshopId, activityId, (db) =>
		reviewCard(db, { workshopId, activityId, cardId, approve: decision === 'approve' })
	);
	if (!result.ok) return refusal(result);
	return {
		moderationSaved: decision === 'approve' ? ('approved' as const) : ('rejected' as const)
	};
}

export async function starAction(workshopId: string, form: FormData) {
	const parsed = parseForm(StarForm, form);
	if (!parsed.ok) return fail(400, { moderation: 'invalid' as const });
	const { activityId, cardId } = parsed.data;
	const result = await changeCards(workshopId, activityId, (db) =>
		starCard(db, { workshopId, activityId, cardId: cardId || null })
	);
	if (!result.ok) return refusal(result);
	return { moderationSaved: cardId ? ('starred' as const) : ('unstarred' as const) };
}

export async function answeredAction(workshopId: string, form: FormData) {
	const parsed = parseForm(AnsweredForm, form);
	if (!parsed.ok) return fail(400, { moderation: 'invalid' as const });
	const { activityId, cardId, answered } = parsed.data;
	const result = await changeCards(workshopId, activityId, (db) =>
		setCardAnswered(db, { workshopId, activityId, cardId, answered: answered === 'on' })
	);
	if (!result.ok) return refusal(result);
	return { moderationSaved: answered === 'on' ? ('answered' as const) : ('reopened' as const) };
}
