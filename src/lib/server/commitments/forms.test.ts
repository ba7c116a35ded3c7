import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation';
import { checkinForm, commitmentFilter, DropForm, extendForm, newCommitmentForm } from './forms';

const now = new Date('2026-03-15T10:00:00Z');
const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.set(k, v);
	return data;
};

describe('commitment forms', () => {
	it('takes a complete commitment, tidied', () => {
		const parsed = parseForm(
			newCommitmentForm(now),
			form({
				leaderId: 'l',
				valueId: 'v',
				action: '  Ask   first ',
				signal: 'x',
				dueOn: '2026-04-01'
			})
		);
		expect(parsed).toMatchObject({ ok: true, data: { action: 'Ask first', dueOn: '2026-04-01' } });
	});

	it('names every field that is wrong', () => {
		const parsed = parseForm(
			newCommitmentForm(now),
			form({ leaderId: '', action: ' ', signal: 'y'.repeat(281), dueOn: '2027-06-01' })
		);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.errors).toEqual({
			leaderId: { code: 'required' },
			valueId: { code: 'required' },
			action: { code: 'required' },
			signal: { code: 'too_long', limit: 280 },
			dueOn: { code: 'invalid' }
		});
	});

	it('limits check-ins and drop reasons', () => {
		const checkin = parseForm(
			checkinForm(now),
			form({ did: 'z'.repeat(1001), happenedOn: '2026-04-01' })
		);
		expect(!checkin.ok && checkin.errors).toEqual({
			did: { code: 'too_long', limit: 1000 },
			happenedOn: { code: 'invalid' }
		});
		expect(parseForm(DropForm, form({ reason: '  ' })).ok).toBe(false);
		expect(parseForm(DropForm, form({ reason: 'Team split up' })).ok).toBe(true);
	});

	it('reads the list filter, ignoring what it does not know', () => {
		expect(commitmentFilter(new URLSearchParams('status=done&leader=abc'))).toEqual({
			status: 'done',
			due: undefined,
			leaderId: 'abc'
		});
		expect(commitmentFilter(new URLSearchParams('status=overdue&due=quarter'))).toEqual({
			status: 'overdue',
			due: 'quarter',
			leaderId: undefined
		});
		expect(commitmentFilter(new URLSearchParams('status=gone&due=decade'))).toEqual({
			status: undefined,
			due: undefined,
			leaderId: undefined
		});
	});

	it('extends to a later date within two years, with a short reason, each refusal by name', () => {
		const extend = extendForm('2026-03-10', now);
		const errors = (values: Record<string, string>) => {
			const parsed = parseForm(extend, form(values));
			return parsed.ok ? null : parsed.errors;
		};
		const reason = 'The supplier moved the launch';
		expect(errors({ newDueOn: '2026-04-30', extendReason: reason })).toBeNull();
		expect(errors({ newDueOn: '2026-03-10', extendReason: reason })).toEqual({
			newDueOn: { code: 'due_not_later' }
		});
		expect(errors({ newDueOn: '2026-02-01', extendReason: reason })?.newDueOn?.code).toBe(
			'due_not_later'
		);
		expect(errors({ newDueOn: '2028-03-15', extendReason: reason })).toBeNull();
		expect(errors({ newDueOn: '2028-03-16', extendReason: reason })).toEqual({
			newDueOn: { code: 'due_too_far' }
		});
		expect(errors({ newDueOn: '2026-02-30', extendReason: reason })?.newDueOn?.code).toBe(
			'invalid'
		);
		expect(errors({ newDueOn: '', extendReason: '' })).toEqual({
			newDueOn: { code: 'required' },
			extendReason: { code: 'required' }
		});
		expect(errors({ newDueOn: '2026-04-30', extendReason: 'no' })?.extendReason).toEqual({
			code: 'too_short',
			limit: 3
		});
		expect(errors({ newDueOn: '2026-04-30', extendReason: 'x'.repeat(301) })?.extendReason).toEqual(
			{ code: 'too_long', limit: 300 }
		);
	});
});
