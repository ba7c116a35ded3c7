import { z } from 'zod';

const id = z.string().min(1).max(64);

export const HoldForm = z.object({ hold: z.enum(['on', 'off']) });

export const ReviewForm = z.object({
	activityId: id,
	cardId: id,
	decision: z.enum(['approve', 'reject'])
});

/** `cardId` empty: no post starred. */
export const StarForm = z.object({
	activityId: id,
	cardId: z.union([id, z.literal('')]).default('')
});

export const AnsweredForm = z.object({
	activityId: id,
	cardId: id,
	answered: z.enum(['on', 'off'])
});
