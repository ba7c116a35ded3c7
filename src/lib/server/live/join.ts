/**
 * Joining with a code, for the /join page and the JSON endpoint alike. Wrong codes (the room's
 * and one-time codes) are throttled per address (a whole room may share one, so only failures
 * count). Who may come in, and who waits, is decided by `enterRoom` (admission.ts).
 */
import { normaliseJoinCode } from '../../domain/workshop';
import { findWorkshopByCode } from '../workshops/queries';
import { enterRoom, entryState } from './admission';
import { liveDatabase } from './context';
import { LiveError, type LiveErrorBody } from './errors';
import { participantByToken } from './participants';
import { createTokenBuckets } from './rate-limit';

const wrongCodes = createTokenBuckets({ perSecond: 10 / 60, burst: 20, maxKeys: 10_000 });

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
		if (!wrongCodes.has(input.address)) {
			throw new LiveError('rate_limited', { retryAfter: 60 });
		}
		const code = normaliseJoinCode(input.code);
		const workshop = code ? await findWorkshopByCode(await liveDatabase(), code) : null;
		if (!workshop) {
			wrongCodes.take(input.address);
			throw new LiveError('unknown_code');
		}
		const held = input.currentToken(workshop.id);
		if (held) {
			if (await participantByToken(workshop.id, held)) {
				return { ok: true, workshopId: workshop.id, entry: 'joined', token: null };
			}
			if (await entryState(workshop.id, held)) {
				return { ok: true, workshopId: workshop.id, entry: 'waiting', token: null };
			}
		}
		const entered = await enterRoom({
			workshopId: workshop.id,
			nickname: input.nickname,
			accessCode: input.accessCode?.slice(0, 40) || null
		}).catch((error: unknown) => {
			if (error instanceof LiveError && error.code === 'access_code_invalid') {
				wrongCodes.take(input.address);
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
