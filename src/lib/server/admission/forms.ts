/** The forms of the admission panels: head count, verified room, waiting devices, codes. */
import { z } from 'zod';
import { ACCESS_CODE_LIMITS } from '../../domain/access-codes';
import { MAX_HEAD_COUNT } from '../../domain/admission';

/** Empty for no limit, or a whole number of people. */
export const HeadCountForm = z.object({
	expected: z
		.string()
		.trim()
		.regex(/^\d*$/)
		.transform((v) => (v === '' ? null : Number(v)))
		.pipe(z.number().int().min(1).max(MAX_HEAD_COUNT).nullable())
});

export const VerifiedForm = z.object({ verified: z.enum(['on', 'off']) });

/** One waiting device by its request id, or all of them. */
export const WaitingForm = z
	.object({ id: z.string().min(1).max(40).optional(), all: z.literal('on').optional() })
	.refine((f) => f.id || f.all)
	.transform((f): string[] | 'all' => (f.all ? 'all' : [f.id!]));

export const CodesForm = z.object({
	count: z
		.string()
		.trim()
		.regex(/^\d+$/)
		.transform(Number)
		.pipe(z.number().int().min(1).max(ACCESS_CODE_LIMITS.batch))
});
