/** The facilitator's timer on a phone whose clock may be wrong: time is taken from the server. */
import type { Timer } from '../domain/workshop';

export interface TimerView {
	/** Milliseconds left, never below 0; null when no timer is set. */
	remainingMs: number | null;
	paused: boolean;
}

/**
 * `serverNow` is the server's clock when the snapshot was made, `receivedAt` this device's
 * clock when it arrived, `now` this device's clock at present.
 */
export function timerView(
	timer: Timer,
	serverNow: number,
	receivedAt: number,
	now: number
): TimerView {
	if (timer.remainingMs !== null) {
		return { remainingMs: Math.max(0, timer.remainingMs), paused: true };
	}
	if (timer.endsAt === null) return { remainingMs: null, paused: false };
	const serverTime = serverNow + (now - receivedAt);
	return { remainingMs: Math.max(0, timer.endsAt - serverTime), paused: false };
}

/** `m:ss`, or `h:mm:ss` from an hour up; rounded up, so 0:00 means the time is really over. */
export function clock(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
