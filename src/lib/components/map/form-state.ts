import type { SubmitFunction } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/forms';

/**
 * A culture-map page holds many small forms; each sends a hidden `target` naming itself, and
 * the action echoes it back, so only the form that was sent shows its errors or "saved".
 */
export interface TargetedFailure {
	errors: FieldErrors;
	values: Record<string, string>;
}

function isFailure(form: unknown): form is TargetedFailure {
	return typeof form === 'object' && form !== null && 'errors' in form && 'values' in form;
}

export function failureFor(form: unknown, target: string): TargetedFailure | null {
	return isFailure(form) && form.values.target === target ? form : null;
}

export function savedFor(form: unknown, target: string): boolean {
	return typeof form === 'object' && form !== null && 'saved' in form && form.saved === target;
}

/**
 * `use:enhance` for forms that show saved data: the reloaded data fills them, so they must
 * not be reset to what they first held.
 */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
