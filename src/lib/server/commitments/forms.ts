/** The commitment forms: writing one by hand, a check-in, dropping one, the list's filter. */
import { z } from 'zod';
import { COMMITMENT_LIMITS, COMMITMENT_STATUSES, checkinDate } from '../../domain/commitments';
import { tidy, tidyText } from '../../domain/culture';
import { dueDate } from '../../room/dates';

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

/** The list's filter from the query string; anything unknown is no filter. */
export function commitmentFilter(params: URLSearchParams) {
	const status = params.get('status');
	const leader = params.get('leader');
	return {
		status: (COMMITMENT_STATUSES as readonly string[]).includes(status ?? '')
			? (status as (typeof COMMITMENT_STATUSES)[number])
			: undefined,
		leaderId: leader && leader.length <= 64 ? leader : undefined
	};
}
