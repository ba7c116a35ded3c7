/**
 * The outsider-voice board (step 6 of the method): complaints and improvement ideas, posted
 * anonymously, upvoted, and triaged by facilitators with an answer everyone can read.
 */
export const BOARD_STATUSES = ['new', 'heard', 'acting', 'done'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** What the board can be narrowed to: every status, and "open" for all that are not done. */
export const BOARD_FILTERS = ['open', ...BOARD_STATUSES] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

export function isOpenPost(status: BoardStatus): boolean {
	return status !== 'done';
}

export function inBoardFilter(status: BoardStatus, filter: BoardFilter | undefined): boolean {
	if (!filter) return true;
	return filter === 'open' ? isOpenPost(status) : status === filter;
}

export const BOARD_LIMITS = {
	post: { min: 1, max: 1000 },
	answer: { max: 1000 }
} as const;

export interface BoardPost {
	id: string;
	upvotes: number;
	createdAt: Date;
}

/** Most upvoted first; among equals the newest first. */
export function boardOrder<T extends BoardPost>(posts: readonly T[]): T[] {
	return [...posts].sort(
		(a, b) => b.upvotes - a.upvotes || +b.createdAt - +a.createdAt || a.id.localeCompare(b.id)
	);
}
