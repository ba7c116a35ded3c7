/**
 * Why the room refused something, as one list of codes for every participant form and the
 * live answers endpoint, with the sentence a participant reads next to the input.
 */
import type { LiveErrorCode } from '../server/live/errors';
import { m } from '../paraglide/messages';

export type ProblemCode =
	| LiveErrorCode
	| 'offline'
	| 'unknown'
	| 'card_empty'
	| 'card_too_long'
	| 'too_many_cards'
	| 'unknown_card'
	| 'own_card'
	| 'not_confirmed'
	| 'not_leader'
	| 'value_required'
	| 'action_required'
	| 'action_too_long'
	| 'signal_required'
	| 'signal_too_long'
	| 'due_invalid';

export interface Problem {
	code: ProblemCode;
	/** The limit that was broken (characters, dots, points, the scale's maximum). */
	limit?: number;
	/** Seconds to wait (rate limits). */
	retryAfter?: number;
}

export function problemText(problem: Problem): string {
	const limit = problem.limit ?? 0;
	switch (problem.code) {
		case 'unknown_code':
		case 'unknown_workshop':
			return m.room_problem_unknown_code();
		case 'malformed_code':
			return m.room_problem_malformed_code();
		case 'access_code_required':
			return m.room_problem_access_code_required();
		case 'access_code_invalid':
			return m.room_problem_access_code_invalid();
		case 'workshop_ended':
			return m.room_problem_workshop_ended();
		case 'workshop_locked':
			return m.room_problem_workshop_locked();
		case 'not_joined':
			return m.room_problem_not_joined();
		case 'activity_closed':
			return m.room_problem_activity_closed();
		case 'unknown_activity':
		case 'not_voting':
			return m.room_problem_unknown_activity();
		case 'rate_limited':
			return m.room_problem_rate_limited({ seconds: Math.max(1, problem.retryAfter ?? 1) });
		case 'invalid_nickname':
			return m.room_problem_nickname_too_long({ limit });
		case 'not_stored':
		case 'busy':
			return m.room_problem_not_stored();
		case 'offline':
			return m.room_problem_offline();
		case 'unknown_item':
		case 'too_many':
		case 'invalid_json':
		case 'invalid_body':
		case 'too_large':
		case 'unsupported_media_type':
		case 'too_many_streams':
		case 'unknown':
			return m.room_problem_reload();
		case 'not_integer':
			return m.room_problem_not_integer();
		case 'out_of_range':
			return m.room_problem_out_of_range({ limit });
		case 'over_budget':
			return m.room_problem_over_budget({ limit });
		case 'wrong_total':
			return m.room_problem_wrong_total({ limit });
		case 'empty':
			return m.room_problem_empty();
		case 'card_empty':
			return m.room_problem_card_empty();
		case 'card_too_long':
			return m.room_problem_card_too_long({ limit });
		case 'too_many_cards':
			return m.room_problem_too_many_cards({ limit });
		case 'unknown_card':
			return m.room_problem_unknown_card();
		case 'own_card':
			return m.room_problem_own_card();
		case 'not_confirmed':
			return m.room_problem_not_confirmed();
		case 'not_leader':
			return m.room_problem_not_leader();
		case 'value_required':
			return m.room_problem_value_required();
		case 'action_required':
			return m.room_problem_action_required();
		case 'action_too_long':
		case 'signal_too_long':
			return m.room_problem_card_too_long({ limit });
		case 'signal_required':
			return m.room_problem_signal_required();
		case 'due_invalid':
			return m.room_problem_due_invalid();
	}
}

/** The reason in a refused live submission (`LiveConnection.submit`). */
export function problemOf(refusal: {
	error: ProblemCode;
	limit?: number;
	retryAfter?: number;
}): Problem {
	return { code: refusal.error, limit: refusal.limit, retryAfter: refusal.retryAfter };
}
