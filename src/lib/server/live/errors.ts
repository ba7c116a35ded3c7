import type { AnswerProblem } from '../../domain/workshop';

/** Why a live request was refused, with the HTTP status it answers with. */
export const LIVE_ERRORS = {
	unknown_workshop: 404,
	unknown_code: 404,
	malformed_code: 400,
	unknown_activity: 404,
	not_joined: 403,
	workshop_ended: 410,
	workshop_locked: 409,
	activity_closed: 409,
	not_voting: 400,
	invalid_json: 400,
	invalid_body: 400,
	invalid_nickname: 400,
	// Verified rooms (admission.ts): a one-time code is missing, or unknown, used or voided.
	access_code_required: 403,
	access_code_invalid: 403,
	too_large: 413,
	unsupported_media_type: 415,
	rate_limited: 429,
	too_many_streams: 429,
	not_stored: 503,
	busy: 503,
	// The domain's answer problems (checkAnswers), passed on as they are.
	unknown_item: 400,
	not_integer: 400,
	out_of_range: 400,
	over_budget: 400,
	wrong_total: 400,
	empty: 400,
	too_many: 400
} as const satisfies Record<string, number> & Record<AnswerProblem, number>;

export type LiveErrorCode = keyof typeof LIVE_ERRORS;

/** The body of every refused live request. */
export interface LiveErrorBody {
	error: LiveErrorCode;
	/** The limit that was broken (dots, scale maximum, items, bytes). */
	limit?: number;
	/** Seconds to wait before trying again (rate limits). */
	retryAfter?: number;
}

export class LiveError extends Error {
	constructor(
		readonly code: LiveErrorCode,
		readonly details: { limit?: number; retryAfter?: number } = {}
	) {
		super(code);
		this.name = 'LiveError';
	}

	get status(): number {
		return LIVE_ERRORS[this.code];
	}

	get body(): LiveErrorBody {
		return { error: this.code, ...this.details };
	}
}
