/** The forms of notes on the charts: adding one (a day and a short label), deleting one. */
import { z } from 'zod';
import { EVENT_LABEL_MAX } from '../../domain/chart-events';
import { tidy } from '../../domain/culture';

/** A real calendar day, `YYYY-MM-DD`, between 1990 and 2100. */
export function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return (
		!Number.isNaN(date.getTime()) &&
		date.toISOString().slice(0, 10) === value &&
		value >= '1990-01-01' &&
		value <= '2100-12-31'
	);
}

export const EventForm = z.object({
	onDate: z.string().trim().min(1).refine(isCalendarDay, { message: 'invalid' }),
	label: z.string().transform(tidy).pipe(z.string().min(1).max(EVENT_LABEL_MAX))
});

export const DeleteEventForm = z.object({ eventId: z.string().min(1).max(64) });
