/** What a form action returns about a field that failed validation; the page translates it. */
export type FieldErrorCode =
	| 'required'
	| 'too_short'
	| 'too_long'
	| 'too_small'
	| 'too_big'
	| 'invalid'
	| 'email'
	| 'duplicate'
	| 'mismatch'
	| 'credentials'
	| 'throttled'
	| 'sign_up_throttled'
	| 'has_votes'
	| 'name_mismatch'
	| 'due_not_later'
	| 'due_too_far'
	| 'too_many';

export interface FieldError {
	code: FieldErrorCode;
	/** A limit (length, number) or a number of minutes, depending on the code. */
	limit?: number;
}

export type FieldErrors = Partial<Record<string, FieldError>>;
