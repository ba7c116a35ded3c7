/**
 * Joining with a code, for the /join page and the JSON endpoint alike. Guesses and new
 * participants are throttled per address and per room through limits.ts (a whole room may share
 * one address: only wrong codes, the room's or one-time codes, count as guesses, and a code once
 * right stays open). Who may come in, and who waits, is decided by `enterRoom` (admission.ts).
 */
import { tidy } from '../../domain/culture';
import { LIMITS, normaliseJoinCode } from '../../domain/workshop';
import { findWorkshopByCode } from '../workshops/queries';
import { enterRoom, entryState } from './admission';
import { liveDatabase } from './context';
import { LiveError, type LiveErrorBody } from './errors';
import { participantByToken } from './participants';
import { admitJoin, checkCodeGuess, codeWasRight, codeWasWrong } from './limits';
import { getRoom } from './rooms';

export type JoinResult =
	| {
			ok: true;
			workshopId: string;
			/** In, or waiting for the facilitator to let this device in (or refused). */
			entry: 'joined' | 'waiting';
			/** A new token for the cookie; null when the device's own cookie still holds. */
			token: string | null;
	  }
	| { ok: false; status: number; body: LiveErrorBody };

export async function joinByCode(input: {
	code: string;
	nickname: string | null;
	/** A one-time code, for a verified room. */
	accessCode?: string | null;
	address: string;
	/** The token this device already holds for a workshop, if any: a reload rejoins as the same. */
	currentToken: (workshopId: string) => string | undefined;
}): Promise<JoinResult> {
	try {
		const code = normaliseJoinCode(input.code);
		if (!code) throw new LiveError('malformed_code');
		checkCodeGuess(input.address, code);
		const workshop = await findWorkshopByCode(await liveDatabase(), code);
		if (!workshop) {
			codeWasWrong(input.address);
			throw new LiveError('unknown_code');
		}
		codeWasRight(input.address, code);
		const held = input.currentToken(workshop.id);
		if (held) {
			if (await participantByToken(workshop.id, held)) {
				return { ok: true, workshopId: workshop.id, entry: 'joined', token: null };
			}
			if (await entryState(workshop.id, held)) {
				return { ok: true, workshopId: workshop.id, entry: 'waiting', token: null };
			}
		}
		// A nickname joinWorkshop would refuse spends no join either.
		if (input.nickname && tidy(input.nickname).length > LIMITS.nickname.max) {
			throw new LiveError('invalid_nickname', { limit: LIMITS.nickname.max });
		}
		const room = await getRoom(workshop.id);
		// A room that takes nobody (ended, locked) refuses in joinWorkshop, spending nothing.
		if (room && room.pace.status !== 'ended' && room.pace.status !== 'locked') {
			admitJoin(input.address, room);
		}
		const entered = await enterRoom({
			workshopId: workshop.id,
			nickname: input.nickname,
			accessCode: input.accessCode?.slice(0, 40) || null
		}).catch((error: unknown) => {
			if (error instanceof LiveError && error.code === 'access_code_invalid') {
				codeWasWrong(input.address);
			}
			throw error;
		});
		return {
			ok: true,
			workshopId: workshop.id,
			entry: entered.status,
			token: entered.token
		};
	} catch (error) {
		if (error instanceof LiveError) return { ok: false, status: error.status, body: error.body };
		throw error;
	}
}
