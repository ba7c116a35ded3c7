import { describe, expect, it } from 'vitest';
import { followThroughAt } from './commitments';
import { chooseLeaders, type LeaderRow } from './leaders';

const now = new Date('2026-03-10T12:00:00Z');
const row = (name: string, teamIds: string[], rate: number | null, favourable: number | null) =>
	({
		id: name.toLowerCase(),
		name,
		teams: teamIds.map((id) => ({ id, name: id })),
		followThrough: { ...followThroughAt([], now), rate },
		open: 0,
		overdue: 0,
		favourable,
		answers: favourable === null ? 0 : 10,
		asOf: favourable === null ? null : '2026-03-01'
	}) satisfies LeaderRow;

const rows = [
	row('Zoë', ['a'], 40, 90),
	row('Ann', ['a', 'b'], 80, null),
	row('Émile', ['b'], null, 60),
	row('Bo', ['b'], 40, 30)
];
const names = (chosen: LeaderRow[]) => chosen.map((r) => r.name);

describe('choosing leaders', () => {
	it('sorts by name, or by a figure with the missing ones last and names breaking ties', () => {
		const by = (sort: Parameters<typeof chooseLeaders>[1]['sort']) =>
			names(chooseLeaders(rows, { teamId: null, search: '', sort }));
		expect(by('name')).toEqual(['Ann', 'Bo', 'Émile', 'Zoë']);
		expect(by('follow_low')).toEqual(['Bo', 'Zoë', 'Ann', 'Émile']);
		expect(by('follow_high')).toEqual(['Ann', 'Bo', 'Zoë', 'Émile']);
		expect(by('seen_low')).toEqual(['Bo', 'Émile', 'Zoë', 'Ann']);
		expect(by('seen_high')).toEqual(['Zoë', 'Émile', 'Bo', 'Ann']);
	});

	it('keeps the leaders of one team, and names found ignoring case and accents', () => {
		expect(names(chooseLeaders(rows, { teamId: 'b', search: '', sort: 'name' }))).toEqual([
			'Ann',
			'Bo',
			'Émile'
		]);
		expect(names(chooseLeaders(rows, { teamId: null, search: ' EMI ', sort: 'name' }))).toEqual([
			'Émile'
		]);
		expect(names(chooseLeaders(rows, { teamId: 'a', search: 'zoe', sort: 'name' }))).toEqual([
			'Zoë'
		]);
		expect(chooseLeaders(rows, { teamId: 'a', search: 'bo', sort: 'name' })).toEqual([]);
		// A department: the leaders of any of its teams.
		const department = new Set(['b']);
		expect(
			names(chooseLeaders(rows, { teamId: null, search: '', sort: 'name', inTeams: department }))
		).toEqual(names(chooseLeaders(rows, { teamId: 'b', search: '', sort: 'name' })));
		expect(
			chooseLeaders(rows, { teamId: null, search: '', sort: 'name', inTeams: new Set() })
		).toEqual([]);
	});

	it('does not change the rows it was given', () => {
		const before = names(rows);
		chooseLeaders(rows, { teamId: null, search: '', sort: 'seen_high' });
		expect(names(rows)).toEqual(before);
	});
});
