/** Reading a participant's no-JavaScript vote form into the answers the live core takes. */
import type { ActivityConfig } from '../../domain/workshop';
import { answersToSend } from '../../room/budget';

/** Each answer is a field `a:<itemId>`; the page names them so. */
export const ANSWER_FIELD_PREFIX = 'a:';
/** More fields than any activity has items (60) is not a form of ours. */
const MAX_FIELDS = 200;

/**
 * The form's answers, itemId → score. Blank fields are no answer; anything that is not a whole
 * number becomes NaN, which the answer check refuses as `not_integer`. Null when the form has
 * more answer fields than any activity could.
 */
export function answersFromForm(
	form: FormData,
	config: ActivityConfig | null
): Record<string, number> | null {
	const values: Record<string, number> = {};
	let fields = 0;
	for (const [key, raw] of form) {
		if (!key.startsWith(ANSWER_FIELD_PREFIX) || typeof raw !== 'string') continue;
		if (++fields > MAX_FIELDS) return null;
		const text = raw.trim();
		if (text === '') continue;
		values[key.slice(ANSWER_FIELD_PREFIX.length)] = /^[+-]?\d{1,6}$/.test(text)
			? Number(text)
			: Number.NaN;
	}
	return config ? answersToSend(config, values) : values;
}
