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
	type CommitmentRecord
} from './commitments';

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
			c({ createdAt: at('2026-03-18T00:00:00Z'), dueOn: '2026-03-19' })
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
