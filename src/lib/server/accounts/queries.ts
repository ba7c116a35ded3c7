import { and, asc, eq, exists, gt, inArray, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import { nameKey, type Role } from '../../domain/culture';
import type { ContentLanguage } from '../../domain/templates';
import type { Database } from '../db';
import { invitations, memberships, organisations, teamMembers, teams, users } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { hashToken, newId, newToken } from '../ids';

/*
 * Writes that must check something first (an open invitation, a remaining owner) do the check
 * inside the statement or inside one batch, never in an interactive transaction: a batch runs
 * start to finish without yielding, so concurrent requests cannot interleave with it, and it
 * never holds SQLite's write lock across an `await`.
 */

export const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000;

// ------------------------------------------------------------------ users

export interface NewUser {
	email: string;
	name: string;
	passwordHash: string;
}

function userCreated(id: string, user: NewUser) {
	return { id, email: user.email, name: user.name };
}

/** Awaits a write, turning a broken UNIQUE constraint into the domain's word for it. */
async function unlessTaken<T>(
	code: 'email_taken' | 'duplicate' | 'already_member',
	work: Promise<T>
): Promise<T> {
	try {
		return await work;
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError(code);
		throw error;
	}
}

export async function findUserByEmail(db: Database, email: string) {
	const [user] = await db.select().from(users).where(eq(users.email, email));
	return user ?? null;
}

/** Sign-up without an invitation: the new account founds an organisation and owns it. */
export async function createUserWithOrganisation(
	db: Database,
	user: NewUser,
	organisationName: string
) {
	const userId = newId();
	const orgId = newId();
	await unlessTaken(
		'email_taken',
		db.batch([
			db.insert(users).values({ id: userId, ...user }),
			db.insert(organisations).values({ id: orgId, name: organisationName }),
			db.insert(memberships).values({ orgId, userId, role: 'owner' })
		])
	);
	return { user: userCreated(userId, user), orgId };
}

/** Sign-up through an invitation link: the account joins the inviting organisation. */
export async function createUserFromInvitation(
	db: Database,
	user: NewUser,
	token: string,
	now = new Date()
) {
	const userId = newId();
	// The account is only created while the invitation is open, in the same batch that uses it up.
	const [created, ...redeemed] = await unlessTaken(
		'email_taken',
		db.batch([
			db.run(
				sql`insert into ${users} (id, email, name, password_hash)
					select ${userId}, ${user.email}, ${user.name}, ${user.passwordHash}
					where ${exists(db.select().from(invitations).where(openWithToken(token, now)))}`
			),
			...redemption(db, token, userId, now)
		])
	);
	if (created.rowsAffected === 0) throw new DomainError('invitation_invalid');
	return { user: userCreated(userId, user), orgId: redeemedOrgId(redeemed[0]) };
}

// ---------------------------------------------------------- organisations

export async function createOrganisation(db: Database, ownerId: string, name: string) {
	const id = newId();
	await db.batch([
		db.insert(organisations).values({ id, name }),
		db.insert(memberships).values({ orgId: id, userId: ownerId, role: 'owner' })
	]);
	return id;
}

export async function getOrganisation(db: Database, orgId: string) {
	const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
	return org ?? null;
}

export async function updateOrganisation(
	db: Database,
	orgId: string,
	changes: { name: string; minGroupSize: number }
) {
	await db.update(organisations).set(changes).where(eq(organisations.id, orgId));
}

export async function listOrganisationsOf(db: Database, userId: string) {
	return db
		.select({ id: organisations.id, name: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(memberships.orgId, organisations.id))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.name));
}

// ------------------------------------------------------------- membership

const membershipOf = (orgId: string, userId: string) =>
	and(eq(memberships.orgId, orgId), eq(memberships.userId, userId));

export async function getMembership(db: Database, orgId: string, userId: string) {
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(membershipOf(orgId, userId));
	return row ?? null;
}

export async function listMembers(db: Database, orgId: string) {
	return db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: memberships.role,
			joinedAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(eq(memberships.orgId, orgId))
		.orderBy(asc(users.name), asc(users.email));
}

/**
 * The row being changed stays, or stops being, an owner only if another owner remains. The
 * count is taken inside the same statement, so two owners demoting each other at once cannot
 * leave the organisation without one.
 */
const keepsAnOwner = (orgId: string) =>
	or(
		ne(memberships.role, 'owner'),
		gt(
			sql`(select count(*) from ${memberships} where ${memberships.orgId} = ${orgId} and ${memberships.role} = 'owner')`,
			1
		)
	);

/** Why a guarded change to a membership touched no row. */
async function refusal(db: Database, orgId: string, userId: string): Promise<DomainError> {
	const member = await getMembership(db, orgId, userId);
	return new DomainError(member ? 'last_owner' : 'not_found');
}

export async function changeRole(db: Database, orgId: string, userId: string, role: Role) {
	const changed = await db
		.update(memberships)
		.set({ role })
		.where(and(membershipOf(orgId, userId), role === 'owner' ? undefined : keepsAnOwner(orgId)))
		.returning({ userId: memberships.userId });
	if (changed.length === 0) throw await refusal(db, orgId, userId);
}

/** Removes someone from the organisation and from its teams (not from other organisations'). */
export async function removeMember(db: Database, orgId: string, userId: string) {
	const [removed] = await db.batch([
		db
			.delete(memberships)
			.where(and(membershipOf(orgId, userId), keepsAnOwner(orgId)))
			.returning({ userId: memberships.userId }),
		db
			.delete(teamMembers)
			.where(
				and(
					eq(teamMembers.userId, userId),
					inArray(
						teamMembers.teamId,
						db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId))
					),
					notExists(db.select().from(memberships).where(membershipOf(orgId, userId)))
				)
			)
	]);
	if (removed.length === 0) throw await refusal(db, orgId, userId);
}

// ----------------------------------------------------------- invitations

const isOpen = (now: Date) =>
	and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

const openWithToken = (token: string, now: Date) =>
	and(eq(invitations.tokenHash, hashToken(token)), isOpen(now));

/** Creates a single-use invitation and returns its secret token (shown once, as a link). */
export async function createInvitation(
	db: Database,
	invite: { orgId: string; role: Role; teamId: string | null; createdBy: string },
	now = Date.now()
) {
	if (invite.teamId && !(await getTeam(db, invite.orgId, invite.teamId))) {
		throw new DomainError('not_found');
	}
	const token = newToken();
	const expiresAt = new Date(now + INVITATION_LIFETIME);
	await db.insert(invitations).values({
		id: newId(),
		tokenHash: hashToken(token),
		...invite,
		expiresAt
	});
	return { token, expiresAt };
}

/** The open invitation behind a token, with its organisation; null when used, revoked or expired. */
export async function findOpenInvitation(db: Database, token: string, now = new Date()) {
	const [row] = await db
		.select({
			id: invitations.id,
			orgId: invitations.orgId,
			orgName: organisations.name,
			role: invitations.role,
			teamId: invitations.teamId
		})
		.from(invitations)
		.innerJoin(organisations, eq(invitations.orgId, organisations.id))
		.where(openWithToken(token, now));
	return row ?? null;
}

/**
 * The statements that use up an open invitation for `userId`: mark it used (only if it is
 * still open), then add the membership and team membership it grants. Run them in one batch:
 * of two acceptances of one link, the second finds it used and adds nobody.
 */
function redemption(db: Database, token: string, userId: string, now: Date) {
	const usedHere = and(
		eq(invitations.tokenHash, hashToken(token)),
		eq(invitations.usedBy, userId),
		eq(invitations.usedAt, now)
	);
	const membership = db
		.select({ orgId: invitations.orgId, userId: sql`${userId}`, role: invitations.role })
		.from(invitations)
		.where(usedHere);
	const teamMembership = db
		.select({ teamId: teams.id, userId: sql`${userId}` })
		.from(invitations)
		.innerJoin(teams, and(eq(teams.id, invitations.teamId), eq(teams.orgId, invitations.orgId)))
		.where(usedHere);
	return [
		db
			.update(invitations)
			.set({ usedAt: now, usedBy: userId })
			.where(openWithToken(token, now))
			.returning({ orgId: invitations.orgId }),
		db.run(sql`insert into ${memberships} (org_id, user_id, role) ${membership.getSQL()}`),
		db.run(
			sql`insert into ${teamMembers} (team_id, user_id) ${teamMembership.getSQL()} on conflict do nothing`
		)
	] as const;
}

function redeemedOrgId(marked: { orgId: string }[]): string {
	if (marked.length === 0) throw new DomainError('invitation_invalid');
	return marked[0].orgId;
}

/** A signed-in person accepts an invitation into another organisation. */
export async function acceptInvitation(db: Database, token: string, userId: string) {
	const [marked] = await unlessTaken(
		'already_member',
		db.batch(redemption(db, token, userId, new Date()))
	);
	return redeemedOrgId(marked);
}

export async function listOpenInvitations(db: Database, orgId: string, now = new Date()) {
	return db
		.select({
			id: invitations.id,
			role: invitations.role,
			teamName: teams.name,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt
		})
		.from(invitations)
		.leftJoin(teams, eq(invitations.teamId, teams.id))
		.where(and(eq(invitations.orgId, orgId), isOpen(now)))
		.orderBy(asc(invitations.createdAt));
}

/** Withdraws an open invitation of the organisation; false when there was none to withdraw. */
export async function revokeInvitation(db: Database, orgId: string, invitationId: string) {
	const now = new Date();
	const revoked = await db
		.update(invitations)
		.set({ revokedAt: now })
		.where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId), isOpen(now)))
		.returning({ id: invitations.id });
	return revoked.length > 0;
}

// ------------------------------------------------------------------ teams

/**
 * A new team of the organisation, written in `language` (English unless said); whoever creates
 * it (`creatorId`) is its first member.
 */
export async function createTeam(
	db: Database,
	orgId: string,
	name: string,
	{ language = 'en', creatorId }: { language?: ContentLanguage; creatorId?: string } = {}
) {
	const id = newId();
	const team = db.insert(teams).values({ id, orgId, name, nameKey: nameKey(name), language });
	if (creatorId) {
		await unlessTaken(
			'duplicate',
			db.batch([team, db.insert(teamMembers).values({ teamId: id, userId: creatorId })])
		);
	} else {
		await unlessTaken('duplicate', team);
	}
	return id;
}

/** The language the team's new workshops and pulses are written in. */
export async function setTeamLanguage(
	db: Database,
	orgId: string,
	teamId: string,
	language: ContentLanguage
) {
	await db
		.update(teams)
		.set({ language })
		.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
}

export async function renameTeam(db: Database, orgId: string, teamId: string, name: string) {
	await unlessTaken(
		'duplicate',
		db
			.update(teams)
			.set({ name, nameKey: nameKey(name) })
			.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)))
	);
}

/** A team of the organisation, or null: a team id from another organisation finds nothing. */
export async function getTeam(db: Database, orgId: string, teamId: string) {
	const [team] = await db
		.select()
		.from(teams)
		.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
	return team ?? null;
}

export async function listTeams(db: Database, orgId: string) {
	return db
		.select({ id: teams.id, name: teams.name, createdAt: teams.createdAt })
		.from(teams)
		.where(eq(teams.orgId, orgId))
		.orderBy(asc(teams.name));
}

export async function listTeamIdsOf(db: Database, orgId: string, userId: string) {
	const rows = await db
		.select({ id: teams.id })
		.from(teamMembers)
		.innerJoin(teams, eq(teamMembers.teamId, teams.id))
		.where(and(eq(teams.orgId, orgId), eq(teamMembers.userId, userId)));
	return new Set(rows.map((r) => r.id));
}

export async function isTeamMember(db: Database, teamId: string, userId: string) {
	const [row] = await db
		.select({ teamId: teamMembers.teamId })
		.from(teamMembers)
		.where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
	return Boolean(row);
}

/** The staff assigned to a team, with their role in the team's organisation. */
export async function listTeamMembers(db: Database, teamId: string) {
	return db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
		.from(teamMembers)
		.innerJoin(teams, eq(teamMembers.teamId, teams.id))
		.innerJoin(users, eq(teamMembers.userId, users.id))
		.innerJoin(
			memberships,
			and(eq(memberships.orgId, teams.orgId), eq(memberships.userId, teamMembers.userId))
		)
		.where(eq(teamMembers.teamId, teamId))
		.orderBy(asc(users.name), asc(users.email));
}

/** Adds a member of the organisation to one of its teams; outsiders cannot be added. */
export async function addTeamMember(db: Database, orgId: string, teamId: string, userId: string) {
	const eligible = db
		.select({ teamId: teams.id, userId: memberships.userId })
		.from(teams)
		.innerJoin(memberships, eq(memberships.orgId, teams.orgId))
		.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId), eq(memberships.userId, userId)));
	const added = await db.run(
		sql`insert into ${teamMembers} (team_id, user_id) ${eligible.getSQL()} on conflict do nothing`
	);
	if (added.rowsAffected === 0 && (await eligible).length === 0) {
		throw new DomainError('not_found');
	}
}

export async function removeTeamMember(db: Database, teamId: string, userId: string) {
	await db
		.delete(teamMembers)
		.where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
}
