import { describe, expect, it } from 'vitest';
import {
	addDays,
	calendarRange,
	dueDays,
	nextCalendarRange,
	parsePeriod,
	previousRange,
	rangeLength,
	realDay,
	resolvePeriod,
	todayOf
} from './period';

describe('calendar periods', () => {
	it('finds the quarter, half year and year that hold a day, to the last day of its month', () => {
		expect(calendarRange('quarter', '2026-01-01')).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		expect(calendarRange('quarter', '2026-03-31')).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		expect(calendarRange('quarter', '2026-04-01')).toEqual({
			from: '2026-04-01',
			to: '2026-06-30'
		});
		expect(calendarRange('quarter', '2026-09-30')).toEqual({
			from: '2026-07-01',
			to: '2026-09-30'
		});
		expect(calendarRange('quarter', '2026-12-07')).toEqual({
			from: '2026-10-01',
			to: '2026-12-31'
		});
		expect(calendarRange('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
		expect(calendarRange('half', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
		expect(calendarRange('year', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
	});

	it('compares a calendar period with the one before, across a year end', () => {
		const q1 = calendarRange('quarter', '2027-02-10');
		expect(previousRange('quarter', q1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
		expect(previousRange('half', calendarRange('half', '2027-03-01'))).toEqual({
			from: '2026-07-01',
			to: '2026-12-31'
		});
		expect(previousRange('year', calendarRange('year', '2026-05-05'))).toEqual({
			from: '2025-01-01',
			to: '2025-12-31'
		});
	});

	it('offers a next period only up to today', () => {
		const q3 = calendarRange('quarter', '2026-08-01');
		expect(nextCalendarRange('quarter', q3, '2026-12-07')).toEqual({
			from: '2026-10-01',
			to: '2026-12-31'
		});
		expect(nextCalendarRange('quarter', calendarRange('quarter', '2026-12-07'), '2026-12-07')).toBe(
			null
		);
	});
});

describe('custom periods', () => {
	it('compares with as many days just before, across month ends and a leap day', () => {
		// 1–29 February 2028 is 29 days: the 29 days before end on 31 January.
		const feb = { from: '2028-02-01', to: '2028-02-29' };
		expect(rangeLength(feb)).toBe(29);
		expect(previousRange('custom', feb)).toEqual({ from: '2028-01-03', to: '2028-01-31' });
		// 31 March to 30 April (31 days) against 29 February to 30 March.
		const spring = { from: '2028-03-31', to: '2028-04-30' };
		expect(previousRange('custom', spring)).toEqual({ from: '2028-02-29', to: '2028-03-30' });
		// One day against the day before.
		expect(previousRange('custom', { from: '2026-03-01', to: '2026-03-01' })).toEqual({
			from: '2026-02-28',
			to: '2026-02-28'
		});
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('reads days as UTC calendar days: real ones only', () => {
		expect(realDay('2026-02-28')).toBe('2026-02-28');
		expect(realDay('2026-02-29')).toBe(null);
		expect(realDay('2026-13-01')).toBe(null);
		expect(realDay('2026-1-01')).toBe(null);
		expect(realDay('tomorrow')).toBe(null);
	});
});

describe('reading the period from the query', () => {
	const today = '2026-12-07';

	it('defaults to the last pulse, and a calendar period to the one holding today', () => {
		expect(parsePeriod({}, today)).toEqual({ ok: true, choice: { kind: 'pulse' } });
		expect(parsePeriod({ period: 'quarter' }, today)).toEqual({
			ok: true,
			choice: { kind: 'quarter', at: today }
		});
		expect(parsePeriod({ period: 'year', at: '2025-06-01' }, today)).toEqual({
			ok: true,
			choice: { kind: 'year', at: '2025-06-01' }
		});
		expect(parsePeriod({ period: 'custom', from: '2026-01-31', to: '2026-02-28' }, today)).toEqual({
			ok: true,
			choice: { kind: 'custom', from: '2026-01-31', to: '2026-02-28' }
		});
	});

	it('refuses unsound or absurd values with the reason and the field', () => {
		const refused = (q: Parameters<typeof parsePeriod>[0]) => {
			const r = parsePeriod(q, today);
			return r.ok ? null : [r.refusal, r.field];
		};
		expect(refused({ period: 'decade' })).toEqual(['unknown_kind', 'period']);
		expect(refused({ period: 'quarter', at: '2026-02-30' })).toEqual(['bad_date', 'at']);
		expect(refused({ period: 'quarter', at: '1066-10-14' })).toEqual(['out_of_range', 'at']);
		expect(refused({ period: 'custom', from: '2026-01-01' })).toEqual(['missing_dates', 'to']);
		expect(refused({ period: 'custom', to: '2026-01-01' })).toEqual(['missing_dates', 'from']);
		expect(refused({ period: 'custom', from: 'x', to: '2026-01-01' })).toEqual([
			'bad_date',
			'from'
		]);
		expect(refused({ period: 'custom', from: '2026-03-01', to: '2026-02-01' })).toEqual([
			'from_after_to',
			'to'
		]);
		expect(refused({ period: 'custom', from: '2000-01-01', to: '2026-01-01' })).toEqual([
			'too_long',
			'to'
		]);
		expect(refused({ period: 'custom', from: '2026-01-01', to: '9999-12-31' })).toEqual([
			'out_of_range',
			'to'
		]);
	});
});

describe('resolving a period', () => {
	it("takes a team's last shown pulse against the shown one before", () => {
		const days = ['2026-09-01', '2026-10-01', '2026-11-02'];
		expect(resolvePeriod({ kind: 'pulse' }, '2026-12-07', days)).toMatchObject({
			current: { from: '2026-11-02', to: '2026-11-02' },
			previous: { from: '2026-10-01', to: '2026-10-01' }
		});
		expect(resolvePeriod({ kind: 'pulse' }, '2026-12-07', ['2026-11-02'])?.previous).toBe(null);
		expect(resolvePeriod({ kind: 'pulse' }, '2026-12-07', [])).toBe(null);
	});

	it("takes the organisation's month of the last shown pulse against the month before with one", () => {
		const days = ['2026-08-30', '2026-10-01', '2026-10-20'];
		expect(resolvePeriod({ kind: 'pulse' }, '2026-12-07', days, 'month')).toMatchObject({
			current: { from: '2026-10-01', to: '2026-10-31' },
			previous: { from: '2026-08-01', to: '2026-08-31' },
			toDate: false
		});
	});

	it('says when a calendar period is still running, with steps back and forth', () => {
		expect(resolvePeriod({ kind: 'quarter', at: '2026-12-07' }, '2026-12-07', [])).toEqual({
			kind: 'quarter',
			current: { from: '2026-10-01', to: '2026-12-31' },
			previous: { from: '2026-07-01', to: '2026-09-30' },
			toDate: true,
			steps: { previous: '2026-07-01', next: null }
		});
		expect(resolvePeriod({ kind: 'half', at: '2026-02-01' }, '2026-12-07', [])?.steps).toEqual({
			previous: '2025-07-01',
			next: '2026-07-01'
		});
	});
});

describe('time zones', () => {
	it('reads today in UTC, as due days and pulse days are: late on 31 December in New York is Q1', () => {
		const now = new Date('2026-12-31T23:30:00-05:00');
		expect(todayOf(now)).toBe('2027-01-01');
		expect(resolvePeriod({ kind: 'quarter', at: todayOf(now) }, todayOf(now), [])?.current).toEqual(
			{ from: '2027-01-01', to: '2027-03-31' }
		);
		expect(todayOf(new Date('2027-01-01T00:30:00+02:00'))).toBe('2026-12-31');
	});
});

describe('the days whose due commitments a period counts', () => {
	it("are a team's days since its pulse before, for the last pulse; a period's own days otherwise", () => {
		const days = ['2026-10-05', '2026-11-02'];
		const last = resolvePeriod({ kind: 'pulse' }, '2026-12-07', days)!;
		expect(dueDays(last)).toEqual({
			current: { from: '2026-10-06', to: '2026-11-02' },
			previous: null
		});
		const quarter = resolvePeriod({ kind: 'quarter', at: '2026-12-07' }, '2026-12-07', days)!;
		expect(dueDays(quarter)).toEqual({ current: quarter.current, previous: quarter.previous });
		const month = resolvePeriod({ kind: 'pulse' }, '2026-12-07', days, 'month')!;
		expect(dueDays(month).current).toEqual({ from: '2026-11-01', to: '2026-11-30' });
	});
});
