/**
 * Who may come into a live room: the expected head count (joins beyond it wait for the
 * facilitator), verified rooms (a one-time code per device), admitting and refusing those who
 * wait. Each command stores, then updates the room and tells staff (and the room, when the
 * head count changes), so no caller can forget to publish.
 */
import {
	createAccessCodes,
	restoreAccessCode,
	spendAccessCode,
	voidUnusedCodes
} from '../access-codes/queries';
import {
	addJoinRequest,
	admitRequests,
	findJoinRequest,
	listWaiting,
	refuseRequests,
	saveExpectedHeadCount,
	saveVerified
} from '../admission/queries';
import { tidy } from '../../domain/culture';
import { LIMITS } from '../../domain/workshop';
import { newToken } from '../ids';
import { liveBus } from './bus';
import { liveDatabase } from './context';
import { LiveError } from './errors';
import { rememberAdmitted, tokenHash } from './participants';
import { changeWorkshop, getRoom, joinWorkshop, staffSnapshot, type Room } from './rooms';

export { MAX_HEAD_COUNT } from '../../domain/admission';

export type Entry =
	{ status: 'joined'; participantId: string; token: string } | { status: 'waiting'; token: string };

function tellStaff(room: Room) {
	liveBus().publish(room.id, 'staff', { type: 'snapshot', data: staffSnapshot(room) });
}

function full(room: Room): boolean {
	const { expected, joining } = room.admission;
	return expected !== null && room.joined + joining >= expected;
}

/**
 * A new device comes in: in a verified room only with an unused one-time code (spent here, once);
 * beyond the expected head count it waits for the facilitator. Throws a `LiveError` saying why not.
 */
export async function enterRoom(input: {
	workshopId: string;
	nickname: string | null;
	accessCode: string | null;
}): Promise<Entry> {
	const room = await getRoom(input.workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	// What joinWorkshop would refuse, refused before a code is spent on it.
	if (room.pace.status === 'ended') throw new LiveError('workshop_ended');
	if (room.pace.status === 'locked') throw new LiveError('workshop_locked');
	const name = input.nickname ? tidy(input.nickname) || null : null;
	if (name && name.length > LIMITS.nickname.max) {
		throw new LiveError('invalid_nickname', { limit: LIMITS.nickname.max });
	}

	let spent: string | null = null;
	if (room.admission.verified) {
		if (!input.accessCode) throw new LiveError('access_code_required');
		const db = await liveDatabase();
		if (!(await spendAccessCode(db, { workshopId: room.id }, input.accessCode))) {
			throw new LiveError('access_code_invalid');
		}
		spent = input.accessCode;
		room.admission.codes = {
			...room.admission.codes,
			used: room.admission.codes.used + 1,
			unused: Math.max(0, room.admission.codes.unused - 1)
		};
	}
	try {
		const waits = full(room);
		room.admission.joining++;
		try {
			if (waits) return await wait(room, name);
			const joined = await joinWorkshop(room.id, name);
			return { status: 'joined', ...joined };
		} finally {
			room.admission.joining--;
		}
	} catch (error) {
		if (spent) {
			await restoreAccessCode(await liveDatabase(), { workshopId: room.id }, spent);
			room.admission.codes = {
				...room.admission.codes,
				used: room.admission.codes.used - 1,
				unused: room.admission.codes.unused + 1
			};
		}
		throw error;
	}
}

async function wait(room: Room, nickname: string | null): Promise<Entry> {
	const token = newToken();
	try {
		const entry = await addJoinRequest(await liveDatabase(), {
			workshopId: room.id,
			tokenHash: tokenHash(token),
			nickname
		});
		room.admission.waiting = [...room.admission.waiting, entry];
	} catch (error) {
		console.error('live: join request not stored', error);
		throw new LiveError('not_stored');
	}
	tellStaff(room);
	return { status: 'waiting', token };
}

/** What became of a device's request to join: waiting, refused, or null (none, or admitted). */
export async function entryState(workshopId: string, token: string) {
	return findJoinRequest(await liveDatabase(), workshopId, tokenHash(token));
}

/** The facilitator lets waiting devices in (some, or all); returns how many. */
export async function admitWaiting(workshopId: string, ids: string[] | 'all'): Promise<number> {
	const room = await getRoom(workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	const admitted = await admitRequests(await liveDatabase(), room.id, ids);
	for (const a of admitted) {
		rememberAdmitted(a.tokenHash, a.participantId, room.id);
		room.fresh.add(a.participantId);
	}
	room.joined += admitted.length;
	room.admission.waiting = await listWaiting(await liveDatabase(), room.id);
	room.publish.roomCounts();
	room.publish.staffCounts();
	tellStaff(room);
	return admitted.length;
}

/** The facilitator refuses waiting devices (some, or all); returns how many. */
export async function refuseWaiting(workshopId: string, ids: string[] | 'all'): Promise<number> {
	const room = await getRoom(workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	const refused = await refuseRequests(await liveDatabase(), room.id, ids);
	room.admission.waiting = await listWaiting(await liveDatabase(), room.id);
	tellStaff(room);
	return refused;
}

/** Sets the expected head count (null: no limit); the room and staff get fresh snapshots. */
export async function setExpectedHeadCount(workshopId: string, expected: number | null) {
	await changeWorkshop(workshopId, (db) => saveExpectedHeadCount(db, workshopId, expected));
}

/**
 * Makes a room verified or open again, only before anyone joined or waits; false when refused.
 * The room's flag changes first, and joins on their way make this fail.
 */
export async function setVerified(workshopId: string, verified: boolean): Promise<boolean> {
	const room = await getRoom(workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	const before = room.admission.verified;
	room.admission.verified = verified;
	const busy = room.admission.joining > 0;
	const saved =
		!busy && (await changeWorkshop(workshopId, (db) => saveVerified(db, workshopId, verified)));
	if (!saved) room.admission.verified = before;
	return saved;
}

/**
 * New one-time codes for a workshop, in plain text this once (null at the limit); staff see
 * the new counts.
 */
export async function printAccessCodes(workshopId: string, wanted: number) {
	return changeWorkshop(workshopId, (db) => createAccessCodes(db, { workshopId }, wanted));
}

/** Every unused code of the workshop stops working; returns how many. */
export async function voidAccessCodes(workshopId: string) {
	return changeWorkshop(workshopId, (db) => voidUnusedCodes(db, { workshopId }));
}
