import { z } from 'zod';
import { tidy } from '../../domain/culture';
import { invalid, parseForm } from '../validation';

const Confirm = z.object({ confirmName: z.string().max(500).transform(tidy) });

/**
 * A deletion goes ahead only when the person typed the name of what goes (spacing aside, as
 * names are stored tidied). Returns the refusal to send back, or null to go ahead.
 */
export function refuseUnconfirmed(form: FormData, name: string) {
	const parsed = parseForm(Confirm, form);
	if (!parsed.ok) return invalid(parsed.errors, parsed.values);
	if (parsed.data.confirmName === '') {
		return invalid({ confirmName: { code: 'required' } }, parsed.values);
	}
	if (parsed.data.confirmName !== tidy(name)) {
		return invalid({ confirmName: { code: 'name_mismatch' } }, parsed.values);
	}
	return null;
}
