import { z } from 'zod';
import { BOARD_FILTERS, BOARD_LIMITS, BOARD_STATUSES } from '../../domain/board';
import { CALENDAR_PERIODS } from '../../domain/calendar';
import { tidyText } from '../../domain/culture';
import { checkboxField, queryChoice } from '../validation';

const text = (min: number, max: number) =>
	z.string().transform(tidyText).pipe(z.string().min(min).max(max));

const postId = z.string().min(1).max(64);

export const PostForm = z.object({ text: text(BOARD_LIMITS.post.min, BOARD_LIMITS.post.max) });

export const UpvoteForm = z.object({ postId });

export const TriageForm = z.object({
	postId,
	status: z.enum(BOARD_STATUSES),
	answer: text(0, BOARD_LIMITS.answer.max).default(''),
	hidden: checkboxField
});

/** The board's filter from the query string (a link; no script needed); unknown is no filter. */
export function boardFilter(params: URLSearchParams) {
	return {
		status: queryChoice(BOARD_FILTERS, params.get('status')),
		posted: queryChoice(CALENDAR_PERIODS, params.get('posted'))
	};
}
