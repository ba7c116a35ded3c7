/**
 * The /join form: checks what can be checked without the database (the code's shape, the
 * nickname's length), then joins through the live module's `joinByCode`, as the JSON endpoint
 * does (which also holds the limits per address and per room: live/limits.ts).
 */
import { tidy } from '../../domain/culture';
import { LIMITS, normaliseJoinCode } from '../../domain/workshop';
import { joinByCode } from '../live/join';
import { refused, type Outcome } from './outcome';

export async function joinFromForm(input: {
	code: unknown;
	nickname: unknown;
	/** The one-time code of a verified room, if the form sent one. */
	accessCode?: unknown;
	address: string;
	currentToken: (workshopId: string) => string | undefined;
}): Promise<Outcome<{ workshopId: string; entry: 'joined' | 'waiting'; token: string | null }>> {
	const nickname = typeof input.nickname === 'string' ? tidy(input.nickname) : '';
	if (nickname.length > LIMITS.nickname.max) {
		return refused(400, 'invalid_nickname', { field: 'nickname', limit: LIMITS.nickname.max });
	}
	const code = normaliseJoinCode(typeof input.code === 'string' ? input.code.slice(0, 40) : '');
	if (!code) return refused(400, 'malformed_code', { field: 'code' });

	const joined = await joinByCode({
		code,
		nickname: nickname || null,
		accessCode: typeof input.accessCode === 'string' ? input.accessCode.slice(0, 40) : null,
		address: input.address,
		currentToken: input.currentToken
	});
	if (joined.ok) {
		return { ok: true, workshopId: joined.workshopId, entry: joined.entry, token: joined.token };
	}
	const { error, ...details } = joined.body;
	const field =
		error === 'invalid_nickname'
			? 'nickname'
			: error === 'unknown_code' ||
				  error === 'malformed_code' ||
				  error === 'workshop_ended' ||
				  error === 'workshop_locked'
				? 'code'
				: error === 'access_code_required' || error === 'access_code_invalid'
					? 'accessCode'
					: 'form';
	return refused(joined.status, error, { ...details, field });
}
