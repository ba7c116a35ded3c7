/**
 * Moderation of the outsider voice: the order the room sees posts in, and the receipts with
 * which an anonymous poster's device finds the answers to its own board posts. Pure TypeScript.
 */

/** A receipt: 128 random bits in lower-case base32 without padding (26 characters). */
export const RECEIPT_PATTERN = /^[a-z2-7]{26}$/;

/** The receipts one device keeps per team: the newest this many (a cookie stays small). */
export const MAX_RECEIPTS = 40;

/** The receipts in a cookie's value: only well-formed ones, at most `MAX_RECEIPTS`, no repeats. */
export function parseReceipts(value: string | undefined | null): string[] {
	// A browser keeps at most 4 KB per cookie: anything longer was not set by us.
	if (!value || value.length > 4096) return [];
	const seen = new Set<string>();
	for (const part of value.split('.')) {
		if (RECEIPT_PATTERN.test(part)) seen.add(part);
	}
	return [...seen].slice(-MAX_RECEIPTS);
}

/** A device's receipts after it posted again: the new one last, the oldest dropped beyond the cap. */
export function addReceipt(receipts: readonly string[], receipt: string): string[] {
	return [...receipts.filter((r) => r !== receipt), receipt].slice(-MAX_RECEIPTS);
}

export function formatReceipts(receipts: readonly string[]): string {
	return receipts.join('.');
}

export interface RoomPost {
	upvotes: number;
	answered: boolean;
}

/**
 * How the room reads the outsider board: open posts first, answered ones after them; within
 * each, most supported first, and equal support keeps the order given (of posting).
 */
export function roomPostOrder<T extends RoomPost>(posts: readonly T[]): T[] {
	return posts
		.map((post, order) => ({ post, order }))
		.sort(
			(a, b) =>
				Number(a.post.answered) - Number(b.post.answered) ||
				b.post.upvotes - a.post.upvotes ||
				a.order - b.order
		)
		.map((p) => p.post);
}
