import { describe, expect, it } from 'vitest';
import {
	checkinDate,
	dueInstant,
	followThroughAt,
	followThroughBy,
	isOverdue,
	openAndOverdue,
	outcomeAt,
	standingSeries,
	type CommitmentRecord,
	commitmentStanding,
	countStates,
	daysOverdue,
	extendedDueDate,
	inState,
	isDueIn
} from './commitments';
import { periodDays } from './calendar';

const at = (iso: string) => Date.parse(iso);
const made = at('2026-03-01T09:00:00Z');
const c = (
	over: Partial<CommitmentRecord> & { key?: string }
): CommitmentRecord & { key: string } => ({
	key: 'a',
	status: 'open',
	dueOn: '2026-03-10',
	doneAt: null,
	droppedAt: null,
	createdAt: made,
	...over
});

describe('due dates', () => {
	it('counts the whole due day as on time', () => {
		expect(dueInstant('2026-03-10')).toBe(at('2026-03-10T23:59:59.999Z'));
		expect(isOverdue(c({}), at('2026-03-10T23:00:00Z'))).toBe(false);
		expect(isOverdue(c({}), at('2026-03-11T00:00:00Z'))).toBe(true);
		expect(isOverdue(c({ status: 'done', doneAt: made }), at('2026-04-01T00:00:00Z'))).toBe(false);
	});
});

describe('outcomeAt', () => {
	it('sees a commitment as it stood then: not made, open, or closed', () => {
		const done = c({ status: 'done', doneAt: at('2026-03-08T12:00:00Z') });
		expect(outcomeAt(done, at('2026-02-28T00:00:00Z'))).toBeNull();
		expect(outcomeAt(done, at('2026-03-05T00:00:00Z'))).toEqual({
			status: 'open',
			dueAt: dueInstant('2026-03-10')
		});
		expect(outcomeAt(done, at('2026-03-09T00:00:00Z'))).toMatchObject({ status: 'done' });
	});
});

describe('follow-through over time (docs/metrics.md §9, worked by hand)', () => {
	// The example of §9 on 31 March, with the due dates as whole days.
	const records = [
		c({ key: 'ann', status: 'done', doneAt: at('2026-03-09T10:00:00Z') }), // on time
		c({ key: 'ann', status: 'done', doneAt: at('2026-03-10T22:00:00Z') }), // on the day
		c({ key: 'bob', status: 'done', doneAt: at('2026-03-12T10:00:00Z') }), // late
		c({ key: 'bob', dueOn: '2026-03-20' }), // overdue by 31 March
		c({ key: 'bob', dueOn: '2026-04-20' }), // not due
		c({
			key: 'cid',
			status: 'dropped',
			dueOn: '2026-03-20',
			droppedAt: at('2026-03-15T10:00:00Z')
		}), // out
		c({ key: 'cid', status: 'dropped', dueOn: '2026-03-20', droppedAt: at('2026-03-25T10:00:00Z') }) // a miss
	];
	const end = at('2026-03-31T12:00:00Z');

	it('is done on time ÷ due: 2 of 5 on 31 March', () => {
		expect(followThroughAt(records, end)).toEqual({
			due: 5,
			onTime: 2,
			late: 1,
			overdue: 1,
			droppedLate: 1,
			rate: 40
		});
	});

	it('was different earlier in the month: on 11 March, 2 on time of 2 due', () => {
		// Bob's late one was still open on 11 March, and overdue: 2 ÷ 3.
		expect(followThroughAt(records, at('2026-03-11T12:00:00Z'))).toMatchObject({
			due: 3,
			onTime: 2,
			overdue: 1
		});
		expect(followThroughAt(records, at('2026-03-05T12:00:00Z')).rate).toBeNull();
	});

	it('splits per leader', () => {
		const byLeader = followThroughBy(records, (r) => r.key, end);
		expect(byLeader.get('ann')?.rate).toBe(100);
		expect(byLeader.get('bob')).toMatchObject({ due: 2, onTime: 0, rate: 0 });
		expect(byLeader.get('cid')).toMatchObject({ due: 1, droppedLate: 1, rate: 0 });
		expect([...byLeader.keys()]).toEqual(['ann', 'bob', 'cid']);
	});

	it('counts open and overdue', () => {
		expect(openAndOverdue(records, end)).toEqual({ open: 2, overdue: 1 });
		expect(openAndOverdue(records, at('2026-03-09T00:00:00Z'))).toEqual({ open: 7, overdue: 0 });
	});
});

describe('checkinDate', () => {
	const now = new Date('2026-03-15T10:00:00Z');
	it('takes real days from a year back to today', () => {
		expect(checkinDate('2026-03-15', now)).toBe('2026-03-15');
		expect(checkinDate('2026-03-16', now)).toBe('2026-03-16');
		expect(checkinDate('2026-03-17', now)).toBeNull();
		expect(checkinDate('2025-03-14', now)).toBe('2025-03-14');
		expect(checkinDate('2025-03-13', now)).toBeNull();
		expect(checkinDate('2026-02-30', now)).toBeNull();
		expect(checkinDate('15-03-2026', now)).toBeNull();
		expect(checkinDate(undefined, now)).toBeNull();
	});
});

describe('standingSeries', () => {
	it('agrees with followThroughAt and openAndOverdue at every instant', () => {
		const records = [
			c({ status: 'done', doneAt: at('2026-03-09T10:00:00Z') }),
			c({ status: 'done', doneAt: at('2026-03-12T10:00:00Z') }),
			c({ dueOn: '2026-03-20' }),
			c({ status: 'dropped', dueOn: '2026-03-20', droppedAt: at('2026-03-15T10:00:00Z') }),
			c({ status: 'dropped', dueOn: '2026-03-20', droppedAt: at('2026-03-25T10:00:00Z') }),
			c({ createdAt: at('2026-03-18T00:00:00Z'), dueOn: '2026-03-19' }),
			// Extended: late against the original date, overdue only past the new one.
			c({ dueOn: '2026-03-25', originalDueOn: '2026-03-10' }),
			c({
				status: 'done',
				dueOn: '2026-03-25',
				originalDueOn: '2026-03-10',
				doneAt: at('2026-03-20T10:00:00Z')
			})
		];
		const instants = Array.from(
			{ length: 40 },
			(_, i) => at('2026-02-28T12:00:00Z') + i * 86_400_000
		);
		const series = standingSeries(records, instants);
		instants.forEach((instant, i) => {
			const ft = followThroughAt(records, instant);
			expect(series[i], new Date(instant).toISOString()).toEqual({
				due: ft.due,
				onTime: ft.onTime,
				rate: ft.rate,
				...openAndOverdue(records, instant)
			});
		});
	});
});

describe('overdue, in days and in one wording', () => {
	it('counts whole days past the due day, 1 on the day after', () => {
		expect(daysOverdue(c({}), at('2026-03-10T23:59:59Z'))).toBe(0);
		expect(daysOverdue(c({}), at('2026-03-11T00:00:01Z'))).toBe(1);
		expect(daysOverdue(c({}), at('2026-03-11T23:00:00Z'))).toBe(1);
		expect(daysOverdue(c({}), at('2026-03-22T08:00:00Z'))).toBe(12);
		expect(daysOverdue(c({ status: 'done', doneAt: made }), at('2026-03-22T08:00:00Z'))).toBe(0);
	});

	it('calls an open commitment past its due date overdue, on every page alike', () => {
		const later = at('2026-03-22T08:00:00Z');
		expect(commitmentStanding(c({}), later)).toEqual({ state: 'overdue', daysOverdue: 12 });
		expect(commitmentStanding(c({}), at('2026-03-09T08:00:00Z'))).toEqual({
			state: 'open',
			daysOverdue: 0
		});
		expect(commitmentStanding(c({ status: 'dropped' }), later).state).toBe('dropped');
		// An extension moves what is overdue (the current date), not what was late.
		expect(
			commitmentStanding(c({ dueOn: '2026-04-10', originalDueOn: '2026-03-10' }), later)
		).toEqual({
			state: 'open',
			daysOverdue: 0
		});
	});

	it('filters "open" with the overdue ones in it, and counts each status', () => {
		const overdue = { state: 'overdue', daysOverdue: 3 } as const;
		const open = { state: 'open', daysOverdue: 0 } as const;
		const done = { state: 'done', daysOverdue: 0 } as const;
		expect(inState(overdue, 'open')).toBe(true);
		expect(inState(open, 'overdue')).toBe(false);
		expect(inState(done, undefined)).toBe(true);
		expect(countStates([overdue, open, open, done])).toEqual({
			open: 3,
			overdue: 1,
			done: 1,
			dropped: 0
		});
	});
});

describe('due periods', () => {
	const now = new Date('2026-05-20T12:00:00Z');
	it('is the calendar month, quarter or year that holds today', () => {
		expect(periodDays('month', now)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
		expect(periodDays('quarter', now)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
		expect(periodDays('year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(periodDays('month', new Date('2028-02-10T00:00:00Z')).to).toBe('2028-02-29');
		expect(periodDays('quarter', new Date('2026-12-31T23:00:00Z'))).toEqual({
			from: '2026-10-01',
			to: '2026-12-31'
		});
	});
	it('narrows by the due date, both ends included', () => {
		expect(isDueIn('2026-06-30', 'quarter', now)).toBe(true);
		expect(isDueIn('2026-07-01', 'quarter', now)).toBe(false);
		expect(isDueIn('2026-04-30', 'month', now)).toBe(false);
		expect(isDueIn('1999-01-01', undefined, now)).toBe(true);
	});
});

describe('extending a due date', () => {
	const now = new Date('2026-03-15T10:00:00Z');
	it('takes a real date after the current one and at most two years ahead', () => {
		expect(extendedDueDate('2026-04-01', '2026-03-10', now)).toEqual({
			ok: true,
			dueOn: '2026-04-01'
		});
		expect(extendedDueDate('2026-03-10', '2026-03-10', now)).toEqual({
			ok: false,
			code: 'not_later'
		});
		expect(extendedDueDate('2028-03-15', '2026-03-10', now).ok).toBe(true);
		expect(extendedDueDate('2028-03-16', '2026-03-10', now)).toEqual({
			ok: false,
			code: 'too_far'
		});
		expect(extendedDueDate('2026-04-31', '2026-03-10', now)).toEqual({
			ok: false,
			code: 'invalid'
		});
		expect(extendedDueDate(20260401, '2026-03-10', now)).toEqual({ ok: false, code: 'invalid' });
	});

	it('cannot game follow-through: done after the original date is late, however far it moved', () => {
		const end = at('2026-03-31T12:00:00Z');
		const extended = c({
			status: 'done',
			dueOn: '2026-04-30',
			originalDueOn: '2026-03-10',
			doneAt: at('2026-03-20T10:00:00Z')
		});
		expect(followThroughAt([extended], end)).toMatchObject({ due: 1, onTime: 0, late: 1, rate: 0 });
		// Still open after the original date: a miss for follow-through, not yet overdue on the list.
		const open = c({ dueOn: '2026-04-30', originalDueOn: '2026-03-10' });
		expect(followThroughAt([open], end)).toMatchObject({ due: 1, overdue: 1, rate: 0 });
		expect(openAndOverdue([open], end)).toEqual({ open: 1, overdue: 0 });
		// Dropped after the original date passed: still a miss, as without the extension.
		const dropped = c({
			status: 'dropped',
			dueOn: '2026-04-30',
			originalDueOn: '2026-03-10',
			droppedAt: at('2026-03-20T10:00:00Z')
		});
		expect(followThroughAt([dropped], end)).toMatchObject({ due: 1, droppedLate: 1 });
		// Done before the original date: on time.
		const early = c({
			status: 'done',
			dueOn: '2026-04-30',
			originalDueOn: '2026-03-10',
			doneAt: made
		});
		expect(followThroughAt([early], end).rate).toBe(100);
	});
});
