import { describe, expect, it } from 'vitest';
import type { PulseAggregate } from './dashboard';
import {
	groupParticipation,
	monthlyParticipation,
	participation,
	participationMax,
	pulseParticipation
} from './participation';

const pulse = (teamId: string, opensOn: string, respondents: number): PulseAggregate => ({
	pulseId: `${teamId}-${opensOn}`,
	teamId,
	opensOn,
	createdAt: 0,
	responses: respondents,
	respondents,
	valueAnswers: respondents,
	valueFavourable: 0,
	enpsAnswers: 0,
	promoters: 0,
	detractors: 0
});

describe('participation', () => {
	it('is respondents over size: 18 of 24 is 75 %', () => {
		expect(participation(18, 24)).toEqual({
			respondents: 18,
			size: 24,
			percent: 75,
			overSize: false
		});
	});

	it('above 100 % is shown as it is, flagged: the size looks too small', () => {
		expect(participation(30, 24)).toMatchObject({ percent: 125, overSize: true });
		expect(participation(24, 24)).toMatchObject({ percent: 100, overSize: false });
	});

	it('has no value without a size', () => {
		expect(participation(5, null)).toBeNull();
		expect(participation(5, 0)).toBeNull();
	});

	it('of a group sums respondents over the sizes of the teams with a shown pulse', () => {
		const sizes = new Map<string, number | null>([
			['a', 20],
			['b', 10],
			['c', null],
			['d', 40]
		]);
		// a: 15 of 20, b: 6 of 10; c has no size; d's pulse (3) is withheld below 5.
		const pulses = [
			pulse('a', '2026-03-02', 15),
			pulse('b', '2026-03-09', 6),
			pulse('c', '2026-03-09', 9),
			pulse('d', '2026-03-16', 3)
		];
		expect(groupParticipation(pulses, sizes, 5)).toEqual({
			respondents: 21,
			size: 30,
			percent: 70,
			overSize: false
		});
		expect(groupParticipation([pulse('d', '2026-03-16', 3)], sizes, 5)).toBeNull();
	});

	it('per month counts each shown pulse with its team size', () => {
		const sizes = new Map<string, number | null>([
			['a', 20],
			['b', 10]
		]);
		const months = monthlyParticipation(
			[pulse('a', '2026-04-01', 10), pulse('a', '2026-03-01', 16), pulse('b', '2026-03-20', 8)],
			sizes,
			5
		);
		expect(months.map((m) => [m.date, m.participation?.percent])).toEqual([
			['2026-03', 80],
			['2026-04', 50]
		]);
	});

	it("per pulse follows the pulses' order and leaves a withheld pulse out", () => {
		const shown = pulseParticipation(
			[pulse('a', '2026-05-01', 12), pulse('a', '2026-04-01', 2)],
			16,
			5
		);
		expect(shown.map((p) => p?.percent ?? null)).toEqual([null, 75]);
	});
});

describe("a participation chart's axis", () => {
	it('ends at 100 %, or at the next 10 above a participation over 100 %', () => {
		expect(participationMax([null, participation(18, 24)])).toBe(100);
		expect(participationMax([participation(30, 24)])).toBe(130);
		expect(participationMax([])).toBe(100);
	});
});
