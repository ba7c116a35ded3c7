/**
 * Leaders write their commitments on their own device during a commit activity. Only a signed-in
 * owner of the organisation, or a leader of the workshop's team, may; everyone else waits.
 */
import { tidy } from '../../domain/culture';
import { LIMITS } from '../../domain/workshop';
import type { Problem, ProblemCode } from '../../room/problems';
import { dueDate } from '../../room/dates';
import { getMembership, isTeamMember } from '../accounts/queries';
import type { SessionUser } from '../auth/session';
import { liveDatabase } from '../live/context';
import type { Room } from '../live/rooms';
import { addCommitment } from '../workshops/queries';
import { openActivity } from './activity';
import { refused } from './outcome';

export async function mayCommit(user: SessionUser | null, room: Room): Promise<boolean> {
	if (!user) return false;
	const db = await liveDatabase();
	const membership = await getMembership(db, room.orgId, user.id);
	if (membership?.role === 'owner') return true;
	return membership?.role === 'leader' && (await isTeamMember(db, room.teamId, user.id));
}

export interface CommitmentFields {
	valueId: string;
	action: string;
	signal: string;
	dueOn: string;
}

export type CommitmentOutcome =
	| { ok: true; commitmentId: string }
	| { ok: false; status: number; problem: Problem; field?: string }
	| { ok: false; status: 400; problems: Partial<Record<keyof CommitmentFields, Problem>> };

function text(
	raw: unknown,
	required: ProblemCode,
	tooLong: ProblemCode
): { text: string } | Problem {
	const value = typeof raw === 'string' ? tidy(raw) : '';
	if (value.length === 0) return { code: required };
	if (value.length > LIMITS.cardText.max) return { code: tooLong, limit: LIMITS.cardText.max };
	return { text: value };
}

export async function makeCommitment(input: {
	room: Room;
	user: SessionUser | null;
	activityId: string;
	fields: Partial<Record<keyof CommitmentFields, unknown>>;
	now?: Date;
}): Promise<CommitmentOutcome> {
	const { room, user, fields } = input;
	if (!user || !(await mayCommit(user, room))) return refused(403, 'not_leader');
	const open = openActivity(room, input.activityId, ['commit']);
	if (!open.ok) return open;
	const config = open.activity.public.config;
	const valueIds = config.kind === 'commit' ? config.valueIds : [];

	const problems: Partial<Record<keyof CommitmentFields, Problem>> = {};
	const valueId = typeof fields.valueId === 'string' ? fields.valueId : '';
	if (!valueIds.includes(valueId)) problems.valueId = { code: 'value_required' };
	const action = text(fields.action, 'action_required', 'action_too_long');
	if ('code' in action) problems.action = action;
	const signal = text(fields.signal, 'signal_required', 'signal_too_long');
	if ('code' in signal) problems.signal = signal;
	const dueOn = dueDate(fields.dueOn, input.now ?? new Date());
	if (!dueOn) problems.dueOn = { code: 'due_invalid' };
	if ('code' in action || 'code' in signal || !dueOn || problems.valueId) {
		return { ok: false, status: 400, problems };
	}

	const commitmentId = await addCommitment(await liveDatabase(), {
		teamId: room.teamId,
		workshopId: room.id,
		leaderId: user.id,
		valueId,
		action: action.text,
		signal: signal.text,
		dueOn
	});
	return { ok: true, commitmentId };
}
