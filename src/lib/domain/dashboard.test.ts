import { describe, expect, it } from 'vitest';
import type { CommitmentRecord } from './commitments';
import {
	commitmentSeries,
	favourableSeries,
	latestFavourable,
	monthlySeries,
	pulseSeries,
	latestEntropy,
	workshopEntropySeries,
	workshopGapSeries,
	type PulseAggregate,
	type RatingAggregate,
	type VoteAggregate
} from './dashboard';

const pulse = (over: Partial<PulseAggregate>): PulseAggregate => ({
	responses: over.respondents ?? 5,
	pulseId: 'p',
	teamId: 't',
	opensOn: '2026-01-05',
	createdAt: 0,
	respondents: 5,
	valueAnswers: 10,
	valueFavourable: 5,
	enpsAnswers: 5,
	promoters: 2,
	detractors: 1,
	...over
});

describe('pulseSeries', () => {
	it('shows % favourable and eNPS per pulse, oldest first, hidden below the minimum', () => {
		const series = pulseSeries(
			[
				pulse({ pulseId: 'b', opensOn: '2026-02-02', valueFavourable: 8, promoters: 4 }),
				pulse({ pulseId: 'a' }),
				pulse({ pulseId: 'c', opensOn: '2026-03-02', respondents: 4 })
			],
			5
		);
		expect(series).toEqual([
			// 5 of 10 favourable; eNPS 2/5 − 1/5 = 40 − 20 = +20
			{ date: '2026-01-05', respondents: 5, hidden: null, favourable: 50, enps: 20 },
			// 8 of 10; 80 − 20 = +60
			{ date: '2026-02-02', respondents: 5, hidden: null, favourable: 80, enps: 60 },
			{
				date: '2026-03-02',
				respondents: 4,
				hidden: { hidden: true, reason: 'below_minimum', n: 4, min: 5 },
				favourable: null,
				enps: null
			}
		]);
	});
});

describe('monthlySeries', () => {
	it('adds up the answers of the pulses big enough on their own, per month', () => {
		const series = monthlySeries(
			[
				pulse({ teamId: 'a', opensOn: '2026-01-05' }), // 5/10, +1 net of 5
				pulse({
					teamId: 'b',
					opensOn: '2026-01-19',
					respondents: 10,
					valueAnswers: 30,
					valueFavourable: 27,
					enpsAnswers: 10,
					promoters: 6,
					detractors: 1
				}),
				pulse({ teamId: 'c', opensOn: '2026-01-20', respondents: 2, valueFavourable: 0 }), // left out
				pulse({ teamId: 'a', opensOn: '2026-02-02', respondents: 3 })
			],
			5
		);
		// January: (5 + 27) of 40 = 80 %; eNPS (2 + 6 − 1 − 1) of 15 = 40 %.
		expect(series[0]).toEqual({
			date: '2026-01',
			respondents: 15,
			hidden: null,
			favourable: 80,
			enps: 40
		});
		expect(series[1]).toMatchObject({
			date: '2026-02',
			hidden: { n: 3, min: 5 },
			favourable: null
		});
	});
});

describe('favourableSeries', () => {
	it('gives % favourable per subject and pulse, null where not asked, hidden below the minimum', () => {
		const pulses = [
			pulse({ pulseId: 'b', opensOn: '2026-02-02', respondents: 6 }),
			pulse({ pulseId: 'a', opensOn: '2026-01-05', respondents: 5 }),
			pulse({ pulseId: 'c', opensOn: '2026-03-02', respondents: 3 })
		];
		const rows = [
			// Ann: 2 of 5 in January, 6 of 6 in February; Bo asked only in February: 3 of 6.
			{ pulseId: 'a', subjectId: 'ann', answers: 5, favourable: 2 },
			{ pulseId: 'b', subjectId: 'ann', answers: 6, favourable: 6 },
			{ pulseId: 'b', subjectId: 'bo', answers: 6, favourable: 3 },
			{ pulseId: 'c', subjectId: 'ann', answers: 3, favourable: 0 }
		];
		const [ann, bo] = favourableSeries(
			pulses,
			rows,
			[
				{ id: 'ann', name: 'Ann' },
				{ id: 'bo', name: 'Bo' }
			],
			5
		);
		expect(ann).toMatchObject({ id: 'ann', name: 'Ann' });
		expect(ann.points.map((p) => p.favourable)).toEqual([40, 100, null]);
		expect(ann.points[2]).toEqual({
			date: '2026-03-02',
			respondents: 3,
			hidden: { hidden: true, reason: 'below_minimum', n: 3, min: 5 },
			favourable: null
		});
		expect(bo.points.map((p) => p.favourable)).toEqual([null, 50, null]);
		expect(latestFavourable(ann.points)).toBe(100);
		expect(latestFavourable(bo.points)).toBe(50);
		expect(latestFavourable([])).toBeNull();
	});
});

describe('commitmentSeries', () => {
	it('follows the record over time', () => {
		const c = (over: Partial<CommitmentRecord>): CommitmentRecord => ({
			status: 'open',
			dueOn: '2026-01-31',
			doneAt: null,
			droppedAt: null,
			createdAt: Date.parse('2026-01-01T00:00:00Z'),
			...over
		});
		const records = [
			c({ status: 'done', doneAt: Date.parse('2026-01-20T10:00:00Z') }),
			c({}), // overdue from February
			c({ dueOn: '2026-03-31' })
		];
		expect(commitmentSeries(records, ['2026-02-15', '2026-01-10', '2026-01-25'])).toEqual([
			{ date: '2026-01-10', rate: null, due: 0, open: 3, overdue: 0 },
			{ date: '2026-01-25', rate: 100, due: 1, open: 2, overdue: 0 },
			{ date: '2026-02-15', rate: 50, due: 2, open: 2, overdue: 1 }
		]);
	});
});

describe('workshopGapSeries', () => {
	const row = (over: Partial<RatingAggregate>): RatingAggregate => {
		const date = over.date ?? '2026-01-10';
		return {
			workshopId: 'w1',
			title: 'Kick-off',
			date,
			at: Date.parse(`${date}T09:00:00Z`),
			scale: { min: 1, max: 5 },
			valueId: 'a',
			lens: 'current',
			answers: 5,
			total: 10,
			people: 5,
			...over
		};
	};

	it('gives the mean strategic and say-do gap per workshop, on one 0–100 scale', () => {
		const series = workshopGapSeries(
			[
				// Value a, 1–5: current mean 2 (25 %), strategic 4 (75 %), assumed 4.5 (87.5 %).
				row({}),
				row({ lens: 'strategic', total: 20 }),
				row({ lens: 'assumed', total: 22.5 }),
				// Value b, 0–10: current 5 (50 %), strategic 9 (90 %); no assumed.
				row({ valueId: 'b', scale: { min: 0, max: 10 }, total: 25 }),
				row({ valueId: 'b', scale: { min: 0, max: 10 }, lens: 'strategic', total: 45 }),
				// A later workshop with too few people.
				row({ workshopId: 'w2', date: '2026-03-01', people: 3 }),
				row({ workshopId: 'w2', date: '2026-03-01', lens: 'strategic', people: 3 })
			],
			5
		);
		expect(series).toEqual([
			// strategic: (50 + 40) / 2 = 45; say-do: 25 − 87.5 = −62.5
			{
				date: '2026-01-10',
				workshopId: 'w1',
				title: 'Kick-off',
				hidden: null,
				strategic: 45,
				sayDo: -62.5
			},
			{
				date: '2026-03-01',
				workshopId: 'w2',
				title: 'Kick-off',
				hidden: { hidden: true, reason: 'below_minimum', n: 3, min: 5 },
				strategic: null,
				sayDo: null
			}
		]);
	});

	it('orders two workshops of one day by the hour they ran', () => {
		const morning = Date.parse('2026-01-10T09:00:00Z');
		const afternoon = Date.parse('2026-01-10T14:00:00Z');
		const series = workshopGapSeries(
			[
				row({ workshopId: 'pm', title: 'Afternoon', at: afternoon }),
				row({ workshopId: 'pm', title: 'Afternoon', at: afternoon, lens: 'strategic' }),
				row({ workshopId: 'am', title: 'Morning', at: morning }),
				row({ workshopId: 'am', title: 'Morning', at: morning, lens: 'strategic', total: 15 })
			],
			5
		);
		expect(series.map((p) => [p.title, p.strategic])).toEqual([
			['Morning', 25],
			['Afternoon', 0]
		]);
	});
});

describe('workshopEntropySeries', () => {
	const row = (over: Partial<VoteAggregate>): VoteAggregate => ({
		workshopId: 'w1',
		teamId: 't1',
		title: 'Kick-off',
		date: '2026-01-10',
		at: Date.parse('2026-01-10T09:00:00Z'),
		activityId: 'dots-current',
		lens: 'current',
		valueId: 'blame',
		limiting: true,
		total: 3,
		...over
	});
	const none = { assumed: null, current: null, paradise: null, strategic: null };

	it('gives the share of votes on limiting values per lens', () => {
		const series = workshopEntropySeries(
			[
				// Current: 3 of 12 dots on a limiting value, 25 %.
				row({}),
				row({ valueId: 'trust', limiting: false, total: 9 }),
				// Strategic: no limiting value, 0 %.
				row({ activityId: 'dots-strategic', lens: 'strategic', valueId: 'trust', limiting: false })
			],
			new Map([
				['dots-current', 6],
				['dots-strategic', 5]
			]),
			5
		);
		expect(series).toEqual([
			{
				date: '2026-01-10',
				workshopId: 'w1',
				teamId: 't1',
				title: 'Kick-off',
				hidden: null,
				entropy: { ...none, current: 25, strategic: 0 }
			}
		]);
	});

	it('combines a lens’s activities by shares, as the results page does', () => {
		// Dots: 1 of 4 limiting (25 %); points: 50 of 100 limiting (50 %); combined 75 of 200.
		const series = workshopEntropySeries(
			[
				row({ total: 1 }),
				row({ valueId: 'trust', limiting: false, total: 3 }),
				row({ activityId: 'points', total: 50 }),
				row({ activityId: 'points', valueId: 'trust', limiting: false, total: 50 })
			],
			new Map([
				['dots-current', 5],
				['points', 7]
			]),
			5
		);
		expect(series[0].entropy.current).toBe(37.5);
	});

	it('leaves out a lens with too few voters, and says why when nothing is left', () => {
		const series = workshopEntropySeries(
			[
				row({}),
				row({ activityId: 'dots-strategic', lens: 'strategic' }),
				row({
					workshopId: 'w2',
					activityId: 'few',
					date: '2026-02-01',
					at: Date.parse('2026-02-01')
				})
			],
			new Map([
				['dots-current', 5],
				['dots-strategic', 4],
				['few', 3]
			]),
			5
		);
		expect(
			series.map((p) => [p.workshopId, p.entropy.current, p.entropy.strategic, p.hidden])
		).toEqual([
			['w1', 100, null, null],
			['w2', null, null, { hidden: true, reason: 'below_minimum', n: 3, min: 5 }]
		]);
		expect(latestEntropy(series, 'current')).toEqual({
			date: '2026-01-10',
			title: 'Kick-off',
			percent: 100
		});
		expect(latestEntropy(series, 'strategic')).toBeNull();
	});

	it('is empty without votes', () => {
		expect(workshopEntropySeries([], new Map(), 5)).toEqual([]);
	});
});
