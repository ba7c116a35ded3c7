import { describe, expect, it } from 'vitest';
import type { CommitmentRecord } from './commitments';
import type { PulseAggregate } from './dashboard';
import { compareTeams, teamsDifference } from './team-comparison';

let made = 0;
/**
 * A pulse of `teamId` on `opensOn` whose release had `respondents` people (two value answers
 * each, `fav` favourable) and eNPS [promoters, detractors]; `responses` so far when withheld.
 */
function pulse(
	teamId: string,
	opensOn: string,
	respondents: number,
	fav: number,
	enps: [number, number] = [0, 0],
	responses = respondents
): PulseAggregate {
	made++;
	return {
		pulseId: `p${made}`,
		teamId,
		opensOn,
		createdAt: made,
		responses,
		respondents,
		valueAnswers: respondents * 2,
		valueFavourable: fav,
		enpsAnswers: respondents,
		promoters: enps[0],
		detractors: enps[1]
	};
}

/** A pulse with too few answers so far: never released, only its count is known. */
const withheld = (teamId: string, opensOn: string, n: number) =>
	pulse(teamId, opensOn, 0, 0, [0, 0], n);

const now = new Date('2026-10-15T12:00:00Z');
const q3 = { kind: 'quarter', at: '2026-08-01' } as const;
const none = { pulses: [], records: [] };

describe('two teams side by side in a period', () => {
	it('sums each team’s shown pulses in the period and flags a difference beyond its uncertainty', () => {
		// A: nine people, 4 of 18 favourable (22.2 %); B: nine people, 16 of 18 (88.9 %).
		// p̄ = 0.556, SE = √(0.556 · 0.444 · 2/9) = 0.234, margin 1.96 · 0.234 = 45.9 points;
		// the difference +66.7 is beyond it: flagged.
		const a = [pulse('a', '2026-08-03', 9, 4), pulse('a', '2026-06-01', 20, 40)];
		const b = [pulse('b', '2026-09-07', 9, 16), pulse('b', '2026-10-05', 20, 0)];
		const c = compareTeams({ ...none, pulses: a }, { ...none, pulses: b }, q3, 5, now);
		expect(c.a.range).toEqual({ from: '2026-07-01', to: '2026-09-30' });
		expect(c.a.figures).toMatchObject({ pulses: 1, people: 9, favourable: (4 * 100) / 18 });
		expect(c.b.figures).toMatchObject({ pulses: 1, people: 9, favourable: (16 * 100) / 18 });
		expect(c.favourable!.change).toBeCloseTo(66.67, 2);
		expect(c.favourable!.margin).toBeCloseTo(45.91, 2);
		expect(c.favourable!.significant).toBe(true);
	});

	it('does not flag a difference within its uncertainty for ten people a side', () => {
		// 50 % against 60 % of ten people each: p̄ = 0.55, margin 1.96 · √(0.2475 · 0.2) = 43.6.
		const c = compareTeams(
			{ ...none, pulses: [pulse('a', '2026-08-03', 10, 10)] },
			{ ...none, pulses: [pulse('b', '2026-08-03', 10, 12)] },
			q3,
			5,
			now
		);
		expect(c.favourable).toMatchObject({ significant: false });
		expect(c.favourable!.change).toBeCloseTo(10, 6);
		expect(c.favourable!.margin).toBeCloseTo(43.6, 1);
	});

	it('tests the eNPS difference with each team’s own spread (Welch)', () => {
		// A: 5 promoters, 2 detractors of 10 → +30, variance 0.7 − 0.09 = 0.61;
		// B: 1 and 6 of 10 → −50, variance 0.7 − 0.25 = 0.45. SE = √(0.061 + 0.045) = 0.3256,
		// margin 63.8; the difference −80 is beyond it.
		const c = compareTeams(
			{ ...none, pulses: [pulse('a', '2026-08-03', 10, 10, [5, 2])] },
			{ ...none, pulses: [pulse('b', '2026-08-03', 10, 10, [1, 6])] },
			q3,
			5,
			now
		);
		expect(c.a.figures?.enps).toBeCloseTo(30, 6);
		expect(c.b.figures?.enps).toBeCloseTo(-50, 6);
		expect(c.enps!.change).toBeCloseTo(-80, 6);
		expect(c.enps!.margin).toBeCloseTo(63.81, 2);
		expect(c.enps!.significant).toBe(true);
	});

	it('leaves out a pulse below the minimum, names it, and computes no difference around it', () => {
		const a = [pulse('a', '2026-08-03', 9, 4), withheld('a', '2026-09-07', 3)];
		const b = [withheld('b', '2026-08-10', 4), pulse('b', '2026-06-01', 9, 18)];
		const c = compareTeams({ ...none, pulses: a }, { ...none, pulses: b }, q3, 5, now);
		// A: the shown pulse only; the withheld one is named with its count so far.
		expect(c.a.figures).toMatchObject({ pulses: 1, respondents: 9 });
		expect(c.a.withheld).toEqual([{ date: '2026-09-07', n: 3 }]);
		// B: nothing shown in the quarter, and no earlier pulse put in its place.
		expect(c.b.figures).toBeNull();
		expect(c.b.withheld).toEqual([{ date: '2026-08-10', n: 4 }]);
		expect(c.favourable).toBeNull();
		expect(c.enps).toBeNull();
	});

	it('takes each team’s own last shown pulse for “the last pulse”, naming newer withheld ones', () => {
		const a = [pulse('a', '2026-09-07', 9, 4), pulse('a', '2026-08-03', 9, 18)];
		const b = [pulse('b', '2026-07-06', 9, 16), withheld('b', '2026-10-05', 2)];
		const c = compareTeams(
			{ ...none, pulses: a },
			{ ...none, pulses: b },
			{ kind: 'pulse' },
			5,
			now
		);
		expect(c.a.range).toEqual({ from: '2026-09-07', to: '2026-09-07' });
		expect(c.b.range).toEqual({ from: '2026-07-06', to: '2026-07-06' });
		expect(c.b.withheld).toEqual([{ date: '2026-10-05', n: 2 }]);
		expect(c.favourable?.significant).toBe(true);
		// A team with no shown pulse at all: nothing to show, and why.
		const empty = compareTeams(
			{ ...none, pulses: a },
			{ ...none, pulses: [withheld('b', '2026-10-05', 2)] },
			{ kind: 'pulse' },
			5,
			now
		);
		expect(empty.b).toEqual({
			range: null,
			figures: null,
			withheld: [{ date: '2026-10-05', n: 2 }],
			dueIn: null
		});
		expect(empty.favourable).toBeNull();
	});

	it('counts each team’s commitments due in the period', () => {
		const record = (
			dueOn: string,
			status: CommitmentRecord['status'],
			doneAt: string | null = null
		): CommitmentRecord => ({
			status,
			dueOn,
			doneAt: doneAt ? new Date(doneAt) : null,
			droppedAt: null,
			createdAt: new Date('2026-06-01T00:00:00Z')
		});
		const c = compareTeams(
			{
				pulses: [],
				records: [
					record('2026-08-20', 'done', '2026-08-19T10:00:00Z'),
					record('2026-09-01', 'open'), // overdue
					record('2026-11-01', 'open') // due next quarter: not counted
				]
			},
			{ pulses: [], records: [record('2026-07-10', 'done', '2026-07-12T10:00:00Z')] },
			q3,
			5,
			now
		);
		expect(c.a.dueIn).toMatchObject({ total: 2, onTime: 1, overdue: 1, rate: 50 });
		expect(c.b.dueIn).toMatchObject({ total: 1, late: 1, rate: 0 });
		expect(c.a.figures).toBeNull();
	});

	it('has no difference when a side has no figure', () => {
		expect(teamsDifference(null, null)).toEqual({ favourable: null, enps: null });
	});
});
