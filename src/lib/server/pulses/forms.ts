/**
 * The staff's form for a new pulse: dates, cadence, the open question, whether to add the safety
 * statements and a statement per leader, whether a first answer needs a one-time code.
 */
import { z } from 'zod';
import { tidy } from '../../domain/culture';
import { checkPulseDates, PULSE_LIMITS } from '../../domain/pulse';
import { isoDate } from '../../room/dates';
import { checkboxField, languageField } from '../validation';

export function newPulseForm(now: Date) {
	const today = isoDate(now);
	return z
		.object({
			opensOn: z.string().min(1),
			closesOn: z.string().min(1),
			cadenceWeeks: z
				.string()
				.min(1)
				.refine((v) => /^\d{1,3}$/.test(v.trim()), { message: 'invalid' })
				.transform(Number)
				.pipe(
					z.number().int().min(PULSE_LIMITS.cadenceWeeks.min).max(PULSE_LIMITS.cadenceWeeks.max)
				),
			openQuestion: z
				.string()
				.transform(tidy)
				.pipe(z.string().min(PULSE_LIMITS.openQuestion.min).max(PULSE_LIMITS.openQuestion.max)),
			withSafety: checkboxField,
			withLeaders: checkboxField,
			verified: checkboxField,
			/** The language of the questions; the team's when not sent. */
			language: languageField.optional()
		})
		.superRefine((form, ctx) => {
			const problems = checkPulseDates(form.opensOn, form.closesOn, today);
			for (const field of ['opensOn', 'closesOn'] as const) {
				// The fields' hints say the rules (from yesterday, at most 8 weeks open).
				if (problems[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'invalid' });
			}
		});
}
