import { describe, expect, it } from 'vitest';
import type { TeamInPeriod } from '$lib/domain/period-figures';
import { orgTeamsTable, teamTable } from './tables';

const none: TeamInPeriod = {
	days: null,
	shown: 0,
	favourable: null,
	enps: null,
	change: null,
	fallback: false,
	withheld: []
};

describe('the tables as CSV rows', () => {
	it('keep withheld cells withheld, saying why, as the organisation dashboard does', () => {
		const table = orgTeamsTable(
			[
				{
					name: 'Support',
					inPeriod: { ...none, withheld: [{ date: '2026-02-02', n: 2 }] },
					dueInPeriod: null,
					open: 1,
					overdue: 0,
					entropy: null
				},
				{
					name: 'Sales',
					inPeriod: {
						...none,
						days: { from: '2026-01-05', to: '2026-01-05' },
						shown: 1,
						favourable: 50,
						enps: 33.3,
						fallback: true,
						change: { change: 12, margin: 9.6, significant: true } as TeamInPeriod['change']
					},
					dueInPeriod: 75,
					open: 2,
					overdue: 1,
					entropy: { percent: 40 }
				}
			],
			3
		);
		expect(table.header).toHaveLength(9);
		expect(table.rows[0]).toHaveLength(9);
		expect(table.rows[0][1]).toMatch(/2 .*3|3.*2/);
		expect(table.rows[0].slice(2, 5)).toEqual(['', '', '']);
		expect(table.rows[0].join('')).not.toMatch(/%/);
		expect(table.rows[1].slice(2, 5)).toEqual(['50 %', '▲ +12 ± 10', '+33']);
		expect(table.rows[1].slice(5, 8)).toEqual(['75 %', '2', '1']);
	});

	it("give a value's latest shown % favourable, never a hidden pulse's", () => {
		const hidden = { hidden: true, reason: 'below_minimum', n: 2, min: 3 } as const;
		const table = teamTable('values', {
			commitments: [],
			leaders: [],
			values: [
				{
					name: 'Candour',
					points: [
						{ date: '2026-01-05', respondents: 3, hidden: null, favourable: 50 },
						{ date: '2026-02-02', respondents: 2, hidden, favourable: null }
					]
				}
			]
		});
		expect(table.rows).toEqual([['Candour', '50 %']]);
	});
});
