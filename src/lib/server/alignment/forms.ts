import { z } from 'zod';
import { ALIGNMENT_LIMITS, ALIGNMENT_RATINGS } from '../../domain/alignment';
import { tidy, tidyText } from '../../domain/culture';

const id = z.string().min(1).max(64);

export const TouchpointForm = z.object({
	name: z
		.string()
		.transform(tidy)
		.pipe(z.string().min(ALIGNMENT_LIMITS.touchpoint.min).max(ALIGNMENT_LIMITS.touchpoint.max))
});

export const TouchpointIdForm = z.object({ touchpointId: id });

export const JudgeForm = z.object({
	touchpointId: id,
	valueId: id,
	rating: z.string().min(1).pipe(z.enum(ALIGNMENT_RATINGS)),
	note: z.string().default('').transform(tidyText).pipe(z.string().max(ALIGNMENT_LIMITS.note.max))
});
