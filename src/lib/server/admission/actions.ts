/**
 * The admission form actions shared by the workshop's page and the console: parse, call the
 * live command (which stores and publishes), map refusals to `fail()`.
 */
import { fail } from '@sveltejs/kit';
import { admitWaiting, refuseWaiting, setExpectedHeadCount, setVerified } from '../live/admission';
import { parseForm } from '../validation';
import { HeadCountForm, VerifiedForm, WaitingForm } from './forms';

export async function headCountAction(workshopId: string, form: FormData) {
	const parsed = parseForm(HeadCountForm, form);
	if (!parsed.ok) {
		return fail(400, { admission: 'expected_invalid' as const, expected: parsed.values.expected });
	}
	await setExpectedHeadCount(workshopId, parsed.data.expected);
	return { admissionSaved: 'expected' as const };
}

export async function verifiedAction(workshopId: string, form: FormData) {
	const parsed = parseForm(VerifiedForm, form);
	if (!parsed.ok) return fail(400, { admission: 'invalid' as const });
	if (!(await setVerified(workshopId, parsed.data.verified === 'on'))) {
		return fail(409, { admission: 'verified_refused' as const });
	}
	return { admissionSaved: 'verified' as const };
}

export async function waitingAction(workshopId: string, form: FormData, admit: boolean) {
	const parsed = parseForm(WaitingForm, form);
	if (!parsed.ok) return fail(400, { admission: 'invalid' as const });
	const n = admit
		? await admitWaiting(workshopId, parsed.data)
		: await refuseWaiting(workshopId, parsed.data);
	if (n === 0) return fail(409, { admission: 'gone' as const });
	return { admissionSaved: admit ? ('admitted' as const) : ('refused' as const) };
}
