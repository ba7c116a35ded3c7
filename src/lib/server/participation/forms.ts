import { z } from 'zod';
import { TEAM_SIZE } from '../../domain/participation';

/**
 * A team's size as an owner types it: a whole number 1–100,000, or empty to clear it (then no
 * participation is shown). "4.5", "ten" and "1e3" are refused with a message next to the field.
 */
export const TeamSizeForm = z.object({
	size: z
		.string()
		.trim()
		.transform((v, ctx) => {
			if (v === '') return null;
			if (!/^\d+$/.test(v)) {
				ctx.addIssue({ code: 'custom', message: 'invalid' });
				return z.NEVER;
			}
			return Number(v);
		})
		.pipe(z.number().int().min(TEAM_SIZE.min).max(TEAM_SIZE.max).nullable())
});
