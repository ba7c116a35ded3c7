/** One schema per culture-map form; each field has the limits the server enforces. */
import { z } from 'zod';
import {
	ELEMENT_KINDS,
	LENSES,
	LIMITS,
	kindHasName,
	tidy,
	type ElementKind,
	type Lens
} from '../../domain/culture';
import { checkboxField, nameField, textField } from '../validation';

const id = z.string().min(1).max(64);
const lens = z.enum(LENSES);
const optionalText = z.string().default('').pipe(textField);
const optionalName = z.string().default('').transform(tidy).pipe(z.string().max(LIMITS.name.max));

/**
 * Which form on the page sent the request, echoed back with a failure so the page shows the
 * errors next to that form's fields (a page holds many small forms).
 */
const target = z.string().max(100).optional();

export const ValueForm = z
	.object({
		target,
		name: nameField,
		meaning: optionalText,
		limiting: checkboxField,
		// One checkbox per lens, so the form comes back ticked as it was sent.
		lens_assumed: checkboxField,
		lens_current: checkboxField,
		lens_paradise: checkboxField,
		lens_strategic: checkboxField
	})
	.transform(({ lens_assumed, lens_current, lens_paradise, lens_strategic, ...rest }) => {
		const ticked: Record<Lens, boolean> = {
			assumed: lens_assumed,
			current: lens_current,
			paradise: lens_paradise,
			strategic: lens_strategic
		};
		return { ...rest, lenses: LENSES.filter((l) => ticked[l]) };
	})
	.refine((value) => value.lenses.length > 0, { path: ['lenses'], message: 'required' });

/** The words of an element: rituals, heroes and signals need a name, behaviours a text. */
function requireWords(
	data: { kind: ElementKind; name: string; text: string },
	ctx: z.RefinementCtx
) {
	if (kindHasName(data.kind) ? data.name === '' : data.text === '') {
		ctx.addIssue({
			code: 'custom',
			path: [kindHasName(data.kind) ? 'name' : 'text'],
			message: 'required'
		});
	}
}

export const NewElementForm = z
	.object({
		target,
		lens,
		kind: z.enum(ELEMENT_KINDS),
		name: optionalName,
		text: optionalText
	})
	.superRefine(requireWords);

export const ElementForm = z
	.object({
		target,
		id,
		kind: z.enum(ELEMENT_KINDS),
		name: optionalName,
		text: optionalText
	})
	.superRefine(requireWords);

export const IdForm = z.object({ target, id });

export const LimitingForm = z.object({
	target,
	id,
	limiting: z.enum(['true', 'false']).transform((v) => v === 'true')
});

export const MoveForm = z.object({
	target,
	id,
	direction: z.enum(['up', 'down']),
	lens: lens.optional()
});

/** Fields a person cannot see: their errors are shown for the form as a whole. */
export const HIDDEN_FIELDS = ['target', 'id', 'lens', 'kind', 'direction', 'limiting'] as const;
