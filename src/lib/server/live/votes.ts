/**
 * The hot path: a participant's answers to the current voting activity. Everything but the
 * final write is answered from memory (room, participant, rules); the write joins a group
 * commit, and the caller hears back only once its answers are stored.
 */
import { acceptsInput, checkAnswers, isVoting } from '../../domain/workshop';
import type { VoteEntry } from '../workshops/queries';
import { liveStore } from './context';
import { LiveError } from './errors';
import { admitFromAddress } from './limits';
import { lookupParticipant } from './participants';
import { releaseMinimums, voteStatements } from './queries';
import { createTokenBuckets } from './rate-limit';
import {
	answersCommitted,
	answersStored,
	getRoom,
	loadedRoom,
	whileBusy,
	type Room
} from './rooms';
import { createGroupCommit } from './writer';

/** Per participant: 20 requests a second, bursts of 40 (a phone retrying is far below that). */
export const ANSWER_RATE = { perSecond: 20, burst: 40 };
/** Rows per transaction: large enough to amortise the commit, small enough to keep turns short. */
export const MAX_ROWS_PER_COMMIT = 2000;
/**
 * Rows waiting at most (a few seconds of writing): beyond, new answers get 503 `busy` with a
 * time to retry, so an overloaded server keeps its memory and the answers it took stay fast.
 */
export const MAX_QUEUED_ROWS = 100_000;

const floods = createTokenBuckets(ANSWER_RATE);

interface QueuedEntry extends VoteEntry {
	room: Room;
}

const writer = createGroupCommit<QueuedEntry>({
	write: async (batch) => (await liveStore()).write(voteStatements(batch)),
	weight: (entry) => entry.answers.length + (entry.replaceAll ? 1 : 0),
	maxWeight: MAX_ROWS_PER_COMMIT,
	committed: (batch) => {
		for (const e of batch) {
			answersStored(e.room, e.activityId, e.participantId, e.answers, e.replaceAll);
		}
		const rooms = new Map(batch.map((e) => [e.activityId, e.room]));
		for (const [activityId, min] of releaseMinimums(batch)) {
			answersCommitted(rooms.get(activityId)!, activityId, min!);
		}
	}
});

/** Answers waiting for or inside a commit (for monitoring and tests). */
export function pendingAnswers(): number {
	return writer.pending();
}

export function answersDrained(): Promise<void> {
	return writer.drained();
}

export interface SubmitAnswers {
	workshopId: string;
	participantToken: string | null | undefined;
	activityId: string;
	/** itemId → score. */
	answers: Record<string, number>;
	/** Where the request came from, for the limits per address (limits.ts). */
	address: string;
}

/**
 * Stores a participant's answers, or throws a `LiveError` saying why not. Idempotent: the same
 * answers sent twice are stored once; a re-vote replaces (dots and allocations as a whole).
 */
export async function submitAnswers(input: SubmitAnswers): Promise<{ stored: number }> {
	const crowded = admitFromAddress('answer', input.address);
	if (crowded) throw crowded;
	const room = loadedRoom(input.workshopId) ?? (await getRoom(input.workshopId));
	if (!room) throw new LiveError('unknown_workshop');
	const found = input.participantToken ? lookupParticipant(room.id, input.participantToken) : null;
	const participantId = found instanceof Promise ? await found : found;
	if (!participantId) throw new LiveError('not_joined');

	const allowed = floods.take(participantId);
	if (!allowed.ok) {
		throw new LiveError('rate_limited', { retryAfter: Math.ceil(allowed.retryAfterMs / 1000) });
	}

	const index = room.agenda.findIndex((a) => a.public.id === input.activityId);
	const activity = room.agenda[index];
	if (!activity) throw new LiveError('unknown_activity');
	if (!isVoting(activity.public.kind)) throw new LiveError('not_voting');
	if (!acceptsInput(room.pace, index)) {
		if (room.pace.status === 'ended') throw new LiveError('workshop_ended');
		if (room.pace.status === 'locked') throw new LiveError('workshop_locked');
		throw new LiveError('activity_closed');
	}
	const check = checkAnswers(activity.public.config, input.answers);
	if (!check.ok) throw new LiveError(check.problem, { limit: check.limit });
	if (writer.pendingWeight() > MAX_QUEUED_ROWS) throw new LiveError('busy', { retryAfter: 2 });

	const answers = Object.entries(input.answers).map(([itemId, score]) => {
		const item = activity.items.get(itemId)!;
		return { itemId, valueId: item.valueId, cardId: null, lens: item.lens, score };
	});
	try {
		await whileBusy(room, () =>
			writer.submit({
				room,
				activityId: activity.public.id,
				participantId,
				replaceAll: activity.replaceAll,
				answers,
				minGroupSize: room.minGroupSize
			})
		);
	} catch (error) {
		console.error('live: answers not stored', error);
		throw new LiveError('not_stored');
	}
	return { stored: answers.length };
}
