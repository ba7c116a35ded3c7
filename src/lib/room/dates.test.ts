import { describe, expect, it } from 'vitest';
import { dueDate, dueRange } from './dates';

const now = new Date('2026-03-15T10:00:00Z');

describe('due dates of commitments', () => {
	it('run from today (a day early, for time zones) to a year ahead', () => {
		expect(dueRange(now)).toEqual({ min: '2026-03-14', max: '2027-03-15' });
		expect(dueDate('2026-03-14', now)).toBe('2026-03-14');
		expect(dueDate('2027-03-15', now)).toBe('2027-03-15');
		expect(dueDate('2026-03-13', now)).toBeNull();
		expect(dueDate('2027-03-16', now)).toBeNull();
	});

	it('must be real calendar dates', () => {
		expect(dueDate('2026-02-30', now)).toBeNull();
		expect(dueDate('15-03-2026', now)).toBeNull();
		expect(dueDate('', now)).toBeNull();
		expect(dueDate(undefined, now)).toBeNull();
	});
});
