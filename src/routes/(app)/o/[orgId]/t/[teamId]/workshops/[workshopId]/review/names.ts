import { isElementKind } from '$lib/domain/culture';
import type { Destination } from '$lib/domain/review';
import { kindName } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** Where a proposal goes, in the current language. */
export function destinationName(destination: Destination): string {
	if (isElementKind(destination)) return kindName(destination);
	return {
		value: m.review_dest_value,
		merge: m.review_dest_merge,
		none: m.review_dest_none
	}[destination]();
}

/** Why a decision could not be written, in the current language. */
export function problemText(problem: string): string {
	switch (problem) {
		case 'text_required':
			return m.review_problem_text_required();
		case 'value_required':
			return m.review_problem_value_required();
		case 'value_unknown':
			return m.review_problem_value_unknown();
		default:
			return m.review_problem_gone();
	}
}
