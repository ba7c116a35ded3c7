/** The largest expected head count a facilitator may set for a workshop. */
export const MAX_HEAD_COUNT = 10_000;
