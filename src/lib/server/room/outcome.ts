import type { Problem } from '../../room/problems';
import { LiveError } from '../live/errors';

/** What a participant's request came to: done, or refused with a status and a reason. */
export type Outcome<T = object> =
	({ ok: true } & T) | { ok: false; status: number; problem: Problem; field?: string };

export function refused(
	status: number,
	code: Problem['code'],
	details: Omit<Problem, 'code'> & { field?: string } = {}
): { ok: false; status: number; problem: Problem; field?: string } {
	const { field, ...rest } = details;
	return { ok: false, status, problem: { code, ...rest }, ...(field ? { field } : {}) };
}

/** A `LiveError` from the live modules as an outcome; anything else is thrown on. */
export function fromLiveError(error: unknown): { ok: false; status: number; problem: Problem } {
	if (!(error instanceof LiveError)) throw error;
	return { ok: false, status: error.status, problem: { code: error.code, ...error.details } };
}
