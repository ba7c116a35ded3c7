import { describe, expect, it } from 'vitest';
import type { CommitmentRecord } from './commitments';
import type { PulseAggregate } from './dashboard';
import {
	comparePeriods,
	fallbackPulse,
	followThroughByDueMonth,
	followThroughDueIn,
	periodFigures
} from './period-figures';

let made = 0;
/** A pulse whose release had `respondents` people, `fav` of `answers` value answers favourable. */
function pulse(
	teamId: string,
	opensOn: string,
	respondents: number,
	fav: number,
	answers = respondents * 2,
	enps: [number, number] = [0, 0]
): PulseAggregate {
	made++;
	return {
		pulseId: `p${made}`,
		teamId,
		opensOn,
		createdAt: made,
		responses: respondents,
		respondents,
		valueAnswers: answers,
		valueFavourable: fav,
		enpsAnswers: respondents,
		promoters: enps[0],
		detractors: enps[1]
	};
}

describe('a period sums whole shown pulses', () => {
	it('adds the shown pulses in the period and leaves out those below the minimum, saying so', () => {
		const pulses = [
			pulse('a', '2026-07-01', 10, 10),
			pulse('a', '2026-08-03', 12, 12),
			pulse('b', '2026-08-03', 4, 8), // below the minimum of 5
			pulse('b', '2026-09-01', 6, 6),
			pulse('a', '2026-10-01', 10, 20) // next quarter
		];
		const q3 = periodFigures(pulses, { from: '2026-07-01', to: '2026-09-30' }, 5);
		expect(q3).toMatchObject({
			pulses: 3,
			respondents: 28,
			valueAnswers: 56,
			valueFavourable: 28,
			favourable: 50,
			// Team a at most 12 in one pulse, team b 6: 18 distinct people at least.
			people: 18,
			withheld: [{ teamId: 'b', date: '2026-08-03', n: 4 }]
		});
	});

	it('compares with the period before and flags only a change beyond its uncertainty', () => {
		// Team of 40: Q2 50 % favourable, Q3 80 %: 30 points, margin 20.9: flagged.
		const big = [pulse('a', '2026-05-04', 40, 40, 80), pulse('a', '2026-08-03', 40, 64, 80)];
		const period = {
			current: { from: '2026-07-01', to: '2026-09-30' },
			previous: { from: '2026-04-01', to: '2026-06-30' }
		};
		const c = comparePeriods(big, period, 5);
		expect(c.favourable!.change).toBeCloseTo(30, 10);
		expect(c.favourable!.significant).toBe(true);
		// Team of 12, the same shares: within the noise.
		const small = [pulse('a', '2026-05-04', 12, 12, 24), pulse('a', '2026-08-03', 12, 19, 24)];
		expect(comparePeriods(small, period, 5).favourable!.significant).toBe(false);
		// Nothing shown before: no change at all.
		expect(comparePeriods([big[1]], period, 5).favourable).toBe(null);
	});

	it("falls back to a team's latest shown pulse before the period ends, with its day", () => {
		const pulses = [
			pulse('a', '2026-08-03', 10, 15, 20, [5, 2]),
			pulse('a', '2026-09-01', 3, 6, 6)
		];
		const range = { from: '2026-09-01', to: '2026-09-30' };
		expect(periodFigures(pulses, range, 5).pulses).toBe(0);
		expect(fallbackPulse(pulses, range, 5)).toEqual({
			date: '2026-08-03',
			favourable: 75,
			enps: 30
		});
		expect(fallbackPulse(pulses, { from: '2026-01-01', to: '2026-07-31' }, 5)).toBe(null);
	});
});

describe('follow-through per period', () => {
	const at = (iso: string) => new Date(iso);
	const record = (
		dueOn: string,
		status: CommitmentRecord['status'],
		closed: string | null = null
	): CommitmentRecord => ({
		dueOn,
		status,
		doneAt: status === 'done' ? at(closed!) : null,
		droppedAt: status === 'dropped' ? at(closed!) : null,
		createdAt: at('2026-01-01T00:00:00Z')
	});
	const records = [
		record('2026-08-10', 'done', '2026-08-10T20:00:00Z'), // on time (the due day counts)
		record('2026-08-20', 'done', '2026-08-25T09:00:00Z'), // late
		record('2026-09-15', 'open'), // overdue by now
		record('2026-09-30', 'dropped', '2026-09-01T09:00:00Z'), // dropped before it was due
		record('2026-12-20', 'open'), // due later in Q4: open, not overdue
		record('2026-05-01', 'done', '2026-04-30T09:00:00Z') // Q2: not in Q3
	];
	const now = at('2026-12-07T12:00:00Z');

	it('counts the commitments due in the period: on time, late, open, overdue, dropped', () => {
		expect(
			followThroughDueIn(records, { from: '2026-07-01', to: '2026-09-30' }, now)
		).toMatchObject({
			due: 3,
			onTime: 1,
			late: 1,
			overdue: 1,
			open: 0,
			dropped: 1,
			rate: (100 * 1) / 3
		});
		expect(
			followThroughDueIn(records, { from: '2026-10-01', to: '2026-12-31' }, now)
		).toMatchObject({ due: 0, open: 1, overdue: 0, rate: null });
	});

	it('moves month by month instead of averaging the whole history', () => {
		expect(
			followThroughByDueMonth(records, ['2026-05', '2026-08', '2026-09', '2026-10'], now)
		).toEqual([
			{ date: '2026-05', rate: 100, due: 1 },
			{ date: '2026-08', rate: 50, due: 2 },
			{ date: '2026-09', rate: 0, due: 1 },
			{ date: '2026-10', rate: null, due: 0 }
		]);
	});
});
