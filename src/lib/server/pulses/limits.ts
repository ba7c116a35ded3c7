/**
 * Stuffing and padding of pulses and the board (docs/security.md): every path that stores a
 * pulse answer, a board post or an upvote spends tokens per address and per pulse or team
 * (token buckets in memory, as the live layer's; each app instance counts for itself).
 *
 * What makes a new voice is a new device: a pulse answer or an upvote from a device the pulse
 * or the board has not seen creates a new anonymous identity, so those are scarce per address.
 * A whole office may share one address (NAT), and a pulse is answered over days, not seconds:
 * the buckets let 60 new devices through at once from one address, then one every 10 seconds
 * (360 an hour), and 200 at once per pulse, then one every 3 seconds. Known devices changing
 * their answers or upvoting more posts only meet the generous per-address buckets.
 */
import { createTokenBuckets, type TokenBucketPolicy } from '../live/rate-limit';

export const PULSE_LIMITS_POLICY = {
	/** New devices (a first pulse answer, a first upvote) per address. */
	newDevicePerAddress: { perSecond: 1 / 10, burst: 60, maxKeys: 10_000 },
	/** New devices per pulse, whatever their addresses. */
	newDevicePerPulse: { perSecond: 1 / 3, burst: 200, maxKeys: 10_000 },
	/** Any pulse answer (a changed one too) per address. */
	answerPerAddress: { perSecond: 1, burst: 300, maxKeys: 10_000 },
	/** Board posts per address (or per staff account): a person writes a few, not dozens. */
	postPerAddress: { perSecond: 1 / 15, burst: 60, maxKeys: 10_000 },
	/** Board posts per team, whatever their addresses. */
	postPerTeam: { perSecond: 1 / 10, burst: 100, maxKeys: 10_000 },
	/** Upvotes per address (each device upvotes a post once at most). */
	upvotePerAddress: { perSecond: 2, burst: 300, maxKeys: 10_000 },
	/** Upvotes per team. */
	upvotePerTeam: { perSecond: 5, burst: 1000, maxKeys: 10_000 }
} satisfies Record<string, TokenBucketPolicy>;

type Bucket = keyof typeof PULSE_LIMITS_POLICY;

/** Allowed, or refused with the seconds to wait (429). */
export type Allowance = { ok: true } | { ok: false; retryAfter: number };

export function createPulseLimits(policy: Record<Bucket, TokenBucketPolicy> = PULSE_LIMITS_POLICY) {
	const buckets = Object.fromEntries(
		Object.entries(policy).map(([name, p]) => [name, createTokenBuckets(p)])
	) as Record<Bucket, ReturnType<typeof createTokenBuckets>>;

	/** Takes one token from each bucket, or none when any is empty. */
	function spend(costs: [Bucket, string][], now = performance.now()): Allowance {
		let wait = 0;
		for (const [bucket, key] of costs) {
			if (!buckets[bucket].has(key, 1, now)) {
				const taken = buckets[bucket].take(key, 1, now);
				if (!taken.ok) wait = Math.max(wait, taken.retryAfterMs);
			}
		}
		if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
		for (const [bucket, key] of costs) buckets[bucket].take(key, 1, now);
		return { ok: true };
	}

	return {
		/** A pulse answer; `newDevice` when it creates a response (no earlier one of this device). */
		pulseAnswer(input: { address: string; pulseId: string; newDevice: boolean }, now?: number) {
			return spend(
				[
					['answerPerAddress', input.address],
					...(input.newDevice
						? ([
								['newDevicePerAddress', input.address],
								['newDevicePerPulse', input.pulseId]
							] as [Bucket, string][])
						: [])
				],
				now
			);
		},
		/** A board post; `newDevice` when it comes from a device the pulse has not seen. */
		boardPost(
			input: { address: string; teamId: string; pulseId?: string; newDevice: boolean },
			now?: number
		) {
			return spend(
				[['postPerAddress', input.address], ['postPerTeam', input.teamId], ...newDevice(input)],
				now
			);
		},
		/** An upvote; `newDevice` when it comes from a device the pulse has not seen. */
		upvote(
			input: { address: string; teamId: string; pulseId?: string; newDevice: boolean },
			now?: number
		) {
			return spend(
				[['upvotePerAddress', input.address], ['upvotePerTeam', input.teamId], ...newDevice(input)],
				now
			);
		}
	};
}

function newDevice(input: { address: string; pulseId?: string; newDevice: boolean }) {
	if (!input.newDevice) return [];
	const costs: [Bucket, string][] = [['newDevicePerAddress', input.address]];
	if (input.pulseId) costs.push(['newDevicePerPulse', input.pulseId]);
	return costs;
}

/** The limits every pulse and board path of this process shares. */
export const pulseLimits = createPulseLimits();
