/**
 * Snapshots travel without their activity's voting items (events.ts `Sent`): they follow from
 * the activity's config, so the client derives them here, with the same function the server
 * uses. Used by the live client (participant bundle): imports nothing but the domain's rule.
 */
import { votingItems } from '../domain/workshop';
import type { PublicActivity, Sent, SentActivity } from '../server/live/events';

export function withItems(activity: SentActivity): PublicActivity {
	return { ...activity, items: votingItems(activity.config) };
}

export function withoutItems(activity: PublicActivity): SentActivity {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { items, ...sent } = activity;
	return sent;
}

/** The snapshot as the pages use it. */
export function receivedSnapshot<S extends { activity: PublicActivity | null }>(sent: Sent<S>): S {
	return { ...sent, activity: sent.activity && withItems(sent.activity) } as unknown as S;
}
