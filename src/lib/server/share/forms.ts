/** The share-link forms: a new link (name, sections, leader scores, expiry) and revoking one. */
import { z } from 'zod';
import { tidy } from '../../domain/culture';
import { checkExpiry, SHARE_LIMITS, SHARE_SECTIONS, type ShareSection } from '../../domain/share';
import { checkboxField } from '../validation';

/** Each section is a checkbox of its own (`section_figures`, …): a form keeps one value a name. */
export const sectionField = (section: ShareSection) => `section_${section}`;

export function newShareLinkForm(today: string) {
	return z
		.object({
			label: z
				.string()
				.transform(tidy)
				.pipe(z.string().min(SHARE_LIMITS.label.min).max(SHARE_LIMITS.label.max)),
			includeLeaderScores: checkboxField,
			expiresOn: z
				.string()
				.optional()
				.transform((v, ctx) => {
					const checked = checkExpiry(v ?? '', today);
					if (checked.ok) return checked.expiresOn;
					ctx.addIssue({ code: 'custom', message: 'invalid' });
					return z.NEVER;
				}),
			...Object.fromEntries(SHARE_SECTIONS.map((s) => [sectionField(s), checkboxField]))
		})
		.transform((form, ctx) => {
			const record = form as unknown as Record<string, unknown>;
			const sections = SHARE_SECTIONS.filter((s) => record[sectionField(s)] === true);
			if (sections.length === 0) {
				ctx.addIssue({ code: 'custom', message: 'required', path: ['sections'] });
				return z.NEVER;
			}
			return {
				label: form.label,
				includeLeaderScores: form.includeLeaderScores,
				expiresOn: form.expiresOn,
				sections
			};
		});
}

export const RevokeShareLinkForm = z.object({ id: z.string().min(1).max(64) });
