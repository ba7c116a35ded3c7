/** The commitment forms: writing one by hand, a check-in, dropping one, the list's filter. */
import { z } from 'zod';
import {
	COMMITMENT_LIMITS,
	COMMITMENT_STATES,
	checkinDate,
	extendedDueDate
} from '../../domain/commitments';
import { CALENDAR_PERIODS } from '../../domain/calendar';
import { tidy, tidyText } from '../../domain/culture';
import { dueDate } from '../../room/dates';
import { queryChoice } from '../validation';

const id = z.string().min(1, { message: 'required' }).max(64);

const line = (limits: { min: number; max: number }) =>
	z.string().transform(tidy).pipe(z.string().min(limits.min).max(limits.max));

const paragraph = (limits: { min: number; max: number }) =>
	z.string().transform(tidyText).pipe(z.string().min(limits.min).max(limits.max));

/** `now` is passed in so that tests can fix the day. */
export function newCommitmentForm(now: Date) {
	return z.object({
		leaderId: id,
		valueId: id,
		action: line(COMMITMENT_LIMITS.action),
		signal: line(COMMITMENT_LIMITS.signal),
		dueOn: z
			.string()
			.min(1)
			.refine((v) => dueDate(v, now) !== null, { message: 'invalid' })
	});
}

export function checkinForm(now: Date) {
	return z.object({
		did: paragraph(COMMITMENT_LIMITS.checkin),
		happenedOn: z
			.string()
			.min(1)
			.refine((v) => checkinDate(v, now) !== null, { message: 'invalid' })
	});
}

export const DropForm = z.object({ reason: paragraph(COMMITMENT_LIMITS.dropReason) });

/**
 * A later due date for a commitment now due on `currentDueOn`, and why (named apart from the
 * drop form's `reason`, which shares the page).
 */
export function extendForm(currentDueOn: string, now: Date) {
	return z.object({
		newDueOn: z
			.string()
			.min(1)
			.superRefine((value, ctx) => {
				const checked = extendedDueDate(value, currentDueOn, now);
				if (!checked.ok) {
					ctx.addIssue({
						code: 'custom',
						message: { invalid: 'invalid', not_later: 'due_not_later', too_far: 'due_too_far' }[
							checked.code
						]
					});
				}
			}),
		// Empty is "required"; a word or two too short says how long it must be.
		extendReason: z
			.string()
			.transform(tidy)
			.pipe(
				z
					.string()
					.min(1)
					.min(COMMITMENT_LIMITS.extendReason.min)
					.max(COMMITMENT_LIMITS.extendReason.max)
			)
	});
}

/** The list's filter from the query string; anything unknown is no filter. */
export function commitmentFilter(params: URLSearchParams) {
	const leader = params.get('leader');
	return {
		status: queryChoice(COMMITMENT_STATES, params.get('status')),
		due: queryChoice(CALENDAR_PERIODS, params.get('due')),
		leaderId: leader && leader.length <= 64 ? leader : undefined
	};
}
