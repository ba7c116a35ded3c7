/**
 * Joining with a code, for the /join page and the JSON endpoint alike. Wrong codes are
 * throttled per address (a whole room may share one, so only failures count).
 */
import { normaliseJoinCode } from '../../domain/workshop';
import { findWorkshopByCode } from '../workshops/queries';
import { liveDatabase } from './context';
import { LiveError, type LiveErrorBody } from './errors';
import { participantByToken } from './participants';
import { createTokenBuckets } from './rate-limit';
import { joinWorkshop } from './rooms';

const wrongCodes = createTokenBuckets({ perSecond: 10 / 60, burst: 20, maxKeys: 10_000 });

export type JoinResult =
	| { ok: true; workshopId: string; participantId: string; token: string | null }
	| { ok: false; status: number; body: LiveErrorBody };

export async function joinByCode(input: {
	code: string;
	nickname: string | null;
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
		const existing = held ? await participantByToken(workshop.id, held) : null;
		if (existing) {
			return { ok: true, workshopId: workshop.id, participantId: existing, token: null };
		}
		const joined = await joinWorkshop(workshop.id, input.nickname);
		return { ok: true, workshopId: workshop.id, ...joined };
	} catch (error) {
		if (error instanceof LiveError) return { ok: false, status: error.status, body: error.body };
		throw error;
	}
}
