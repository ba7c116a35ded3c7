import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/culture';
import { openDatabase, type Database } from '../db';
import { testDatabase } from '../db/testing';
import { DomainError } from '../errors';
import {
	acceptInvitation,
	addTeamMember,
	changeRole,
	createInvitation,
	createTeam,
	createUserFromInvitation,
	createUserWithOrganisation,
	findOpenInvitation,
	findUserByEmail,
	getMembership,
	getTeam,
	INVITATION_LIFETIME,
	isTeamMember,
	listMembers,
	listOpenInvitations,
	listOrganisationsOf,
	listTeamIdsOf,
	listTeamMembers,
	removeMember,
	removeTeamMember,
	renameTeam,
	revokeInvitation
} from './queries';

let db: Database;
let close: () => void;
let ownerId: string;
let orgId: string;

const person = (name: string) => ({
	name,
	email: `${name.toLowerCase()}@example.org`,
	passwordHash: 'x'
});

async function invite(role: Role = 'facilitator', teamId: string | null = null, now?: number) {
	const { token } = await createInvitation(db, { orgId, role, teamId, createdBy: ownerId }, now);
	return token;
}

async function joinAs(name: string, role: Role = 'facilitator', teamId: string | null = null) {
	const { user } = await createUserFromInvitation(db, person(name), await invite(role, teamId));
	return user.id;
}

async function refusal(work: Promise<unknown>): Promise<string> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	return (error as DomainError).code;
}

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const founded = await createUserWithOrganisation(db, person('Ann'), 'Acme');
	ownerId = founded.user.id;
	orgId = founded.orgId;
});

afterEach(() => close());

describe('sign-up', () => {
	it('founds an organisation owned by the new account', async () => {
		expect(await listOrganisationsOf(db, ownerId)).toEqual([
			{ id: orgId, name: 'Acme', role: 'owner' }
		]);
		const members = await listMembers(db, orgId);
		expect(members.map((m) => [m.name, m.role])).toEqual([['Ann', 'owner']]);
		expect(members[0].joinedAt).toBeInstanceOf(Date);
	});

	it('refuses a taken e-mail address and founds nothing', async () => {
		expect(await refusal(createUserWithOrganisation(db, person('Ann'), 'Other'))).toBe(
			'email_taken'
		);
		expect(await listOrganisationsOf(db, ownerId)).toHaveLength(1);
	});
});

describe('invitations', () => {
	it('expire after seven days', async () => {
		const now = Date.now();
		const { expiresAt } = await createInvitation(
			db,
			{ orgId, role: 'viewer', teamId: null, createdBy: ownerId },
			now
		);
		expect(expiresAt.getTime()).toBe(now + INVITATION_LIFETIME);
		expect(INVITATION_LIFETIME).toBe(7 * 24 * 60 * 60 * 1000);
	});

	it('add the invitee with the invited role', async () => {
		const token = await invite('leader');
		expect(await findOpenInvitation(db, token)).toMatchObject({ orgName: 'Acme', role: 'leader' });
		const { user, orgId: joined } = await createUserFromInvitation(db, person('Bob'), token);
		expect(joined).toBe(orgId);
		expect(await getMembership(db, orgId, user.id)).toEqual({ role: 'leader' });
	});

	it('are single use', async () => {
		const token = await invite();
		await createUserFromInvitation(db, person('Bob'), token);
		expect(await findOpenInvitation(db, token)).toBeNull();
		expect(await refusal(createUserFromInvitation(db, person('Cid'), token))).toBe(
			'invitation_invalid'
		);
		expect(await findUserByEmail(db, 'cid@example.org')).toBeNull();

		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await refusal(acceptInvitation(db, token, other.user.id))).toBe('invitation_invalid');
		expect(await getMembership(db, orgId, other.user.id)).toBeNull();
		expect(await listMembers(db, orgId)).toHaveLength(2);
	});

	it('do not let a removed member back in through the link they used', async () => {
		const token = await invite('viewer');
		const { user } = await createUserFromInvitation(db, person('Bob'), token);
		await removeMember(db, orgId, user.id);
		expect(await refusal(acceptInvitation(db, token, user.id))).toBe('invitation_invalid');
		expect(await getMembership(db, orgId, user.id)).toBeNull();
	});

	it('refuse an expired invitation', async () => {
		const token = await invite('viewer', null, Date.now() - INVITATION_LIFETIME - 1000);
		expect(await findOpenInvitation(db, token)).toBeNull();
		expect(await listOpenInvitations(db, orgId)).toEqual([]);
		expect(await refusal(createUserFromInvitation(db, person('Bob'), token))).toBe(
			'invitation_invalid'
		);
		expect(await findUserByEmail(db, 'bob@example.org')).toBeNull();
	});

	it('refuse a revoked invitation', async () => {
		const token = await invite();
		const [open] = await listOpenInvitations(db, orgId);
		expect(await revokeInvitation(db, orgId, open.id)).toBe(true);
		expect(await revokeInvitation(db, orgId, open.id)).toBe(false);
		expect(await listOpenInvitations(db, orgId)).toEqual([]);
		expect(await refusal(createUserFromInvitation(db, person('Bob'), token))).toBe(
			'invitation_invalid'
		);
	});

	it('cannot be revoked through another organisation', async () => {
		await invite();
		const [open] = await listOpenInvitations(db, orgId);
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await revokeInvitation(db, other.orgId, open.id)).toBe(false);
		expect(await listOpenInvitations(db, orgId)).toHaveLength(1);
	});

	it('put the invitee in the invitation team', async () => {
		const teamId = await createTeam(db, orgId, 'Sales');
		const token = await invite('leader', teamId);
		expect((await listOpenInvitations(db, orgId))[0].teamName).toBe('Sales');
		const { user } = await createUserFromInvitation(db, person('Bob'), token);
		expect(await isTeamMember(db, teamId, user.id)).toBe(true);
		expect(await listTeamMembers(db, teamId)).toMatchObject([{ name: 'Bob', role: 'leader' }]);
	});

	it('refuse a team of another organisation', async () => {
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		const foreignTeam = await createTeam(db, other.orgId, 'Theirs');
		expect(await refusal(invite('viewer', foreignTeam))).toBe('not_found');
	});

	it('refuse someone who is already a member, leaving the invitation open', async () => {
		const token = await invite();
		expect(await refusal(acceptInvitation(db, token, ownerId))).toBe('already_member');
		expect(await findOpenInvitation(db, token)).not.toBeNull();
		expect(await getMembership(db, orgId, ownerId)).toEqual({ role: 'owner' });
	});

	it('let a signed-in member of another organisation join', async () => {
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await acceptInvitation(db, await invite('viewer'), other.user.id)).toBe(orgId);
		expect((await listOrganisationsOf(db, other.user.id)).map((o) => o.name)).toEqual([
			'Acme',
			'Elsewhere'
		]);
	});
});

describe('concurrent acceptance of one link', () => {
	async function race(database: Database) {
		const founded = await createUserWithOrganisation(database, person('Fay'), 'Fabrikam');
		const { token } = await createInvitation(database, {
			orgId: founded.orgId,
			role: 'viewer',
			teamId: null,
			createdBy: founded.user.id
		});
		const existing = await createUserWithOrganisation(database, person('Eve'), 'Elsewhere');
		const results = await Promise.allSettled([
			createUserFromInvitation(database, person('Bob'), token),
			createUserFromInvitation(database, person('Cid'), token),
			acceptInvitation(database, token, existing.user.id)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) {
			if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'invitation_invalid' });
		}
		expect(await listMembers(database, founded.orgId)).toHaveLength(2);
	}

	it('yields one member (in memory)', async () => {
		await race(db);
	});

	it('yields one member (in a database file with several connections)', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'undercurrent-accounts-'));
		const opened = await openDatabase({ url: `file:${join(folder, 'test.db')}` });
		try {
			await race(opened.db);
		} finally {
			opened.client.close();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});

describe('owners', () => {
	it('the last owner can be neither demoted nor removed', async () => {
		expect(await refusal(changeRole(db, orgId, ownerId, 'viewer'))).toBe('last_owner');
		expect(await refusal(removeMember(db, orgId, ownerId))).toBe('last_owner');
		expect(await getMembership(db, orgId, ownerId)).toEqual({ role: 'owner' });
	});

	it('an owner can be demoted or removed while another owner remains', async () => {
		const bob = await joinAs('Bob', 'owner');
		await changeRole(db, orgId, ownerId, 'facilitator');
		expect(await getMembership(db, orgId, ownerId)).toEqual({ role: 'facilitator' });
		expect(await refusal(removeMember(db, orgId, bob))).toBe('last_owner');
		await changeRole(db, orgId, ownerId, 'owner');
		await removeMember(db, orgId, bob);
		expect(await getMembership(db, orgId, bob)).toBeNull();
	});

	it('two owners demoting each other at once leave one owner', async () => {
		const bob = await joinAs('Bob', 'owner');
		const results = await Promise.allSettled([
			changeRole(db, orgId, ownerId, 'viewer'),
			changeRole(db, orgId, bob, 'viewer')
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect((await listMembers(db, orgId)).filter((m) => m.role === 'owner')).toHaveLength(1);
	});

	it('changing the role of a non-member finds nothing', async () => {
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await refusal(changeRole(db, orgId, other.user.id, 'viewer'))).toBe('not_found');
		expect(await refusal(removeMember(db, orgId, other.user.id))).toBe('not_found');
		expect(await getMembership(db, other.orgId, other.user.id)).toEqual({ role: 'owner' });
	});
});

describe('removing a member', () => {
	it('removes their team memberships in that organisation only', async () => {
		const here = await createTeam(db, orgId, 'Sales');
		const bob = await joinAs('Bob', 'facilitator', here);
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		const there = await createTeam(db, other.orgId, 'Support');
		await acceptInvitation(
			db,
			(
				await createInvitation(db, {
					orgId: other.orgId,
					role: 'facilitator',
					teamId: there,
					createdBy: other.user.id
				})
			).token,
			bob
		);

		await removeMember(db, orgId, bob);
		expect(await getMembership(db, orgId, bob)).toBeNull();
		expect(await isTeamMember(db, here, bob)).toBe(false);
		expect(await isTeamMember(db, there, bob)).toBe(true);
		expect(await getMembership(db, other.orgId, bob)).toEqual({ role: 'facilitator' });
	});

	it('keeps their team memberships when the removal is refused', async () => {
		const here = await createTeam(db, orgId, 'Sales');
		await addTeamMember(db, orgId, here, ownerId);
		await refusal(removeMember(db, orgId, ownerId));
		expect(await isTeamMember(db, here, ownerId)).toBe(true);
	});
});

describe('teams', () => {
	it('have names unique per organisation, ignoring case and spacing', async () => {
		const sales = await createTeam(db, orgId, 'Sales');
		expect(await refusal(createTeam(db, orgId, '  SALES '))).toBe('duplicate');
		const support = await createTeam(db, orgId, 'Support');
		expect(await refusal(renameTeam(db, orgId, support, 'sales'))).toBe('duplicate');
		await renameTeam(db, orgId, sales, 'sales');
		expect((await getTeam(db, orgId, sales))?.name).toBe('sales');

		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		await expect(createTeam(db, other.orgId, 'Sales')).resolves.toEqual(expect.any(String));
	});

	it('have the staff member who created one as its first member', async () => {
		const sales = await createTeam(db, orgId, 'Sales', { creatorId: ownerId });
		expect(await isTeamMember(db, sales, ownerId)).toBe(true);
		expect(await listTeamMembers(db, sales)).toMatchObject([{ name: 'Ann', role: 'owner' }]);
		// A name taken leaves no membership behind either.
		expect(await refusal(createTeam(db, orgId, 'sales', { creatorId: ownerId }))).toBe('duplicate');
		expect(await listTeamIdsOf(db, orgId, ownerId)).toEqual(new Set([sales]));
	});

	it("are not found through another organisation's id", async () => {
		const sales = await createTeam(db, orgId, 'Sales');
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await getTeam(db, other.orgId, sales)).toBeNull();
		expect(await getTeam(db, orgId, sales)).toMatchObject({ id: sales, name: 'Sales' });
		await renameTeam(db, other.orgId, sales, 'Hijacked');
		expect((await getTeam(db, orgId, sales))?.name).toBe('Sales');
	});

	it('take members of the organisation only', async () => {
		const sales = await createTeam(db, orgId, 'Sales');
		const other = await createUserWithOrganisation(db, person('Dee'), 'Elsewhere');
		expect(await refusal(addTeamMember(db, orgId, sales, other.user.id))).toBe('not_found');
		expect(await isTeamMember(db, sales, other.user.id)).toBe(false);

		const theirs = await createTeam(db, other.orgId, 'Theirs');
		expect(await refusal(addTeamMember(db, orgId, theirs, ownerId))).toBe('not_found');
		expect(await isTeamMember(db, theirs, ownerId)).toBe(false);
	});

	it('add and remove members, adding twice being harmless', async () => {
		const sales = await createTeam(db, orgId, 'Sales');
		const bob = await joinAs('Bob', 'viewer');
		await addTeamMember(db, orgId, sales, bob);
		await addTeamMember(db, orgId, sales, bob);
		expect(await listTeamMembers(db, sales)).toMatchObject([{ userId: bob, role: 'viewer' }]);
		await removeTeamMember(db, sales, bob);
		expect(await listTeamMembers(db, sales)).toEqual([]);
	});
});
