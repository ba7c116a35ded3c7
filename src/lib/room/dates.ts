/**
 * When a commitment may be due: from today up to a year ahead. Dates are plain `YYYY-MM-DD`;
 * "today" starts a day early, so a leader west of the server's clock can still pick their today.
 */
const DAY = 24 * 60 * 60 * 1000;

export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function dueRange(now: Date): { min: string; max: string } {
	const max = new Date(now.getTime());
	max.setUTCFullYear(max.getUTCFullYear() + 1);
	return { min: isoDate(new Date(now.getTime() - DAY)), max: isoDate(max) };
}

/** The date if it is a real calendar date within the range, else null. */
export function dueDate(value: unknown, now: Date): string | null {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	const parsed = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime()) || isoDate(parsed) !== value) return null;
	const { min, max } = dueRange(now);
	return value >= min && value <= max ? value : null;
}
