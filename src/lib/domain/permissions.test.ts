import { describe, expect, it } from 'vitest';
import { ROLES } from './culture';
import { can, canLoseOwner, type Action } from './permissions';

const mine = { isTeamMember: true };
const other = { isTeamMember: false };

describe('can', () => {
	it('lets owners do everything, on any team', () => {
		const actions: Action[] = [
			'org.manage',
			'org.data',
			'members.manage',
			'members.list',
			'teams.create',
			'team.manage',
			'team.view',
			'map.edit'
		];
		for (const action of actions) expect(can('owner', action, other)).toBe(true);
	});

	it('keeps organisation management with owners', () => {
		for (const role of ROLES.filter((r) => r !== 'owner')) {
			expect(can(role, 'org.manage')).toBe(false);
			expect(can(role, 'org.data')).toBe(false);
			expect(can(role, 'members.manage')).toBe(false);
			expect(can(role, 'teams.create')).toBe(false);
			expect(can(role, 'team.manage', mine)).toBe(false);
		}
	});

	it('lets facilitators edit the maps of their own teams only', () => {
		expect(can('facilitator', 'map.edit', mine)).toBe(true);
		expect(can('facilitator', 'map.edit', other)).toBe(false);
		expect(can('facilitator', 'team.view', other)).toBe(true);
	});

	it('shows leaders their own teams only, read-only', () => {
		expect(can('leader', 'team.view', mine)).toBe(true);
		expect(can('leader', 'team.view', other)).toBe(false);
		expect(can('leader', 'map.edit', mine)).toBe(false);
		expect(can('leader', 'members.list')).toBe(false);
	});

	it('lets viewers read every team and change nothing', () => {
		expect(can('viewer', 'team.view', other)).toBe(true);
		expect(can('viewer', 'members.list')).toBe(true);
		expect(can('viewer', 'map.edit', mine)).toBe(false);
	});
});

describe('canLoseOwner', () => {
	it('never lets the last owner go', () => {
		expect(canLoseOwner(1, true)).toBe(false);
		expect(canLoseOwner(2, true)).toBe(true);
		expect(canLoseOwner(1, false)).toBe(true);
	});
});
