/**
 * What a live room keeps in memory about who may come in: the expected head count, whether it
 * is verified, who waits, and the counts of its one-time codes. Loaded with the room
 * (rooms.ts); changed only by the commands in admission.ts.
 */
import { countAccessCodes, type CodeCounts } from '../access-codes/queries';
import { listWaiting, type WaitingEntry } from '../admission/queries';
import type { Database } from '../db';
import type { AdmissionView } from './events';

export interface Admission {
	expected: number | null;
	verified: boolean;
	waiting: WaitingEntry[];
	codes: CodeCounts;
	/** Joins between the head-count check and their commit, so a rush cannot overshoot. */
	joining: number;
}

export async function loadAdmission(
	db: Database,
	workshop: { id: string; expectedHeadCount: number | null; verified: boolean },
	joining = 0
): Promise<Admission> {
	const [waiting, codes] = await Promise.all([
		listWaiting(db, workshop.id),
		countAccessCodes(db, { workshopId: workshop.id })
	]);
	return {
		expected: workshop.expectedHeadCount,
		verified: workshop.verified,
		waiting,
		codes,
		joining
	};
}

/** What staff see: counts, and a waiting person's nickname only if the room sees nicknames. */
export function admissionView(admission: Admission, showNicknames: boolean): AdmissionView {
	return {
		expected: admission.expected,
		verified: admission.verified,
		waiting: admission.waiting.map((w) => ({
			id: w.id,
			nickname: showNicknames ? w.nickname : null
		})),
		codes: admission.codes
	};
}
