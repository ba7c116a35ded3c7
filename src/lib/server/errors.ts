/**
 * A rule of the domain said no. Data modules throw these; routes map them to `fail()` or
 * `error()` with the code, which the page translates.
 */
export class DomainError extends Error {
	constructor(
		readonly code:
			| 'not_found'
			| 'duplicate'
			| 'last_owner'
			| 'invitation_invalid'
			| 'already_member'
			| 'email_taken'
			| 'value_required'
			| 'has_votes'
			| 'too_many',
		message?: string
	) {
		super(message ?? code);
		this.name = 'DomainError';
	}
}

/** SQLite's answer to a broken UNIQUE constraint, whichever driver layer wraps it. */
export function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (/UNIQUE constraint failed/i.test(e.message)) return true;
	}
	return false;
}
