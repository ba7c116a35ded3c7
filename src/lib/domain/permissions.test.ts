import { describe, expect, it } from 'vitest';
import { ROLES } from './culture';
import {
	answersExportRefusal,
	can,
	canCreateCommitment,
	canLoseOwner,
	canSeeLeaderScore,
	canUpdateCommitment,
	type Action
} from './permissions';

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
			'map.edit',
			'follow.manage',
			'dashboard.org',
			'answers.export'
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

describe('follow-through permissions', () => {
	const me = { id: 'me' };
	const own = { leaderId: 'me' };
	const someoneElse = { leaderId: 'them' };

	it('lets facilitators of the team manage every commitment, nobody else outside it', () => {
		expect(can('facilitator', 'follow.manage', mine)).toBe(true);
		expect(can('facilitator', 'follow.manage', other)).toBe(false);
		expect(canUpdateCommitment('facilitator', mine, me, someoneElse)).toBe(true);
		expect(canUpdateCommitment('facilitator', other, me, someoneElse)).toBe(false);
		expect(canUpdateCommitment('owner', other, me, someoneElse)).toBe(true);
	});

	it('lets a leader update their own commitments in their own team only', () => {
		expect(canUpdateCommitment('leader', mine, me, own)).toBe(true);
		expect(canUpdateCommitment('leader', mine, me, someoneElse)).toBe(false);
		expect(canUpdateCommitment('leader', other, me, own)).toBe(false);
		expect(canCreateCommitment('leader', mine)).toBe(true);
		expect(canCreateCommitment('leader', other)).toBe(false);
	});

	it('keeps viewers read-only, with the organisation dashboard', () => {
		expect(canUpdateCommitment('viewer', mine, me, own)).toBe(false);
		expect(canCreateCommitment('viewer', mine)).toBe(false);
		expect(can('viewer', 'follow.manage', mine)).toBe(false);
		expect(can('viewer', 'dashboard.org')).toBe(true);
		expect(can('leader', 'dashboard.org')).toBe(false);
	});

	it('shows a leader their own score from the pulse and no other leader’s', () => {
		expect(canSeeLeaderScore('leader', me, 'me')).toBe(true);
		expect(canSeeLeaderScore('leader', me, 'them')).toBe(false);
		expect(canSeeLeaderScore('leader', me, null)).toBe(false);
		for (const role of ['owner', 'facilitator', 'viewer'] as const) {
			expect(canSeeLeaderScore(role, me, 'them')).toBe(true);
			expect(canSeeLeaderScore(role, me, null)).toBe(true);
		}
	});
});

describe('answersExportRefusal', () => {
	const ended = { status: 'ended' } as const;

	it("gives a workshop's answers to owners and its team's facilitators once it has ended", () => {
		expect(answersExportRefusal('owner', other, ended)).toBeNull();
		expect(answersExportRefusal('facilitator', mine, ended)).toBeNull();
	});

	it("refuses viewers, leaders and other teams' facilitators, whatever the workshop's state", () => {
		for (const status of ['draft', 'live', 'locked', 'ended'] as const) {
			expect(answersExportRefusal('viewer', mine, { status })).toBe('role');
			expect(answersExportRefusal('viewer', other, { status })).toBe('role');
			expect(answersExportRefusal('leader', mine, { status })).toBe('role');
			expect(answersExportRefusal('facilitator', other, { status })).toBe('role');
		}
	});

	it('refuses everyone while the workshop has not ended', () => {
		for (const status of ['draft', 'live', 'locked'] as const) {
			expect(answersExportRefusal('owner', mine, { status })).toBe('not_ended');
			expect(answersExportRefusal('facilitator', mine, { status })).toBe('not_ended');
		}
	});
});
