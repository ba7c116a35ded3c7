import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import { nameKey, type Role } from '../../domain/culture';
import { canLoseOwner } from '../../domain/permissions';
import type { Database } from '../db';
import { invitations, memberships, organisations, teamMembers, teams, users } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { hashToken, newId, newToken } from '../ids';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000;

// ------------------------------------------------------------------ users

export interface NewUser {
	email: string;
	name: string;
	passwordHash: string;
}

async function insertUser(tx: Tx | Database, user: NewUser) {
	const id = newId();
	try {
		await tx.insert(users).values({ id, ...user });
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError('email_taken');
		throw error;
	}
	return { id, email: user.email, name: user.name };
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
	return db.transaction(async (tx) => {
		const created = await insertUser(tx, user);
		const orgId = newId();
		await tx.insert(organisations).values({ id: orgId, name: organisationName });
		await tx.insert(memberships).values({ orgId, userId: created.id, role: 'owner' });
		return { user: created, orgId };
	});
}

/** Sign-up through an invitation link: the account joins the inviting organisation. */
export async function createUserFromInvitation(db: Database, user: NewUser, token: string) {
	return db.transaction(async (tx) => {
		const created = await insertUser(tx, user);
		const orgId = await redeemInvitation(tx, token, created.id);
		return { user: created, orgId };
	});
}

// ---------------------------------------------------------- organisations

export async function createOrganisation(db: Database, ownerId: string, name: string) {
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.insert(organisations).values({ id, name });
		await tx.insert(memberships).values({ orgId: id, userId: ownerId, role: 'owner' });
	});
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

export async function getMembership(db: Database | Tx, orgId: string, userId: string) {
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
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
		.orderBy(asc(users.name));
}

async function ownerCount(tx: Tx, orgId: string) {
	const [row] = await tx
		.select({ n: count() })
		.from(memberships)
		.where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')));
	return row.n;
}

async function requireMember(tx: Tx, orgId: string, userId: string) {
	const [row] = await tx
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
	if (!row) throw new DomainError('not_found');
	return row;
}

export async function changeRole(db: Database, orgId: string, userId: string, role: Role) {
	await db.transaction(async (tx) => {
		const member = await requireMember(tx, orgId, userId);
		if (role !== 'owner' && !canLoseOwner(await ownerCount(tx, orgId), member.role === 'owner')) {
			throw new DomainError('last_owner');
		}
		await tx
			.update(memberships)
			.set({ role })
			.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
	});
}

export async function removeMember(db: Database, orgId: string, userId: string) {
	await db.transaction(async (tx) => {
		const member = await requireMember(tx, orgId, userId);
		if (!canLoseOwner(await ownerCount(tx, orgId), member.role === 'owner')) {
			throw new DomainError('last_owner');
		}
		const orgTeams = tx.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId));
		await tx
			.delete(teamMembers)
			.where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, orgTeams)));
		await tx
			.delete(memberships)
			.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
	});
}

// ----------------------------------------------------------- invitations

/** Creates a single-use invitation and returns its secret token (shown once, as a link). */
export async function createInvitation(
	db: Database,
	invite: { orgId: string; role: Role; teamId: string | null; createdBy: string },
	now = Date.now()
) {
	const token = newToken();
	await db.insert(invitations).values({
		id: newId(),
		tokenHash: hashToken(token),
		...invite,
		expiresAt: new Date(now + INVITATION_LIFETIME)
	});
	return token;
}

/** The open invitation behind a token, with its organisation; null when used, revoked or expired. */
export async function findOpenInvitation(db: Database | Tx, token: string, now = Date.now()) {
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
		.where(
			and(
				eq(invitations.tokenHash, hashToken(token)),
				isNull(invitations.usedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date(now))
			)
		);
	return row ?? null;
}

async function redeemInvitation(tx: Tx, token: string, userId: string) {
	const invite = await findOpenInvitation(tx, token);
	if (!invite) throw new DomainError('invitation_invalid');
	if (await getMembership(tx, invite.orgId, userId)) {
		throw new DomainError('already_member');
	}
	// Marking it used first, guarded by `used_at IS NULL`, makes a race between two
	// acceptances of one link end with exactly one member.
	const marked = await tx
		.update(invitations)
		.set({ usedAt: new Date(), usedBy: userId })
		.where(and(eq(invitations.id, invite.id), isNull(invitations.usedAt)))
		.returning({ id: invitations.id });
	if (marked.length === 0) throw new DomainError('invitation_invalid');
	await tx.insert(memberships).values({ orgId: invite.orgId, userId, role: invite.role });
	if (invite.teamId) {
		await tx.insert(teamMembers).values({ teamId: invite.teamId, userId }).onConflictDoNothing();
	}
	return invite.orgId;
}

/** A signed-in person accepts an invitation into another organisation. */
export async function acceptInvitation(db: Database, token: string, userId: string) {
	return db.transaction((tx) => redeemInvitation(tx, token, userId));
}

export async function listOpenInvitations(db: Database, orgId: string, now = Date.now()) {
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
		.where(
			and(
				eq(invitations.orgId, orgId),
				isNull(invitations.usedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date(now))
			)
		)
		.orderBy(asc(invitations.createdAt));
}

export async function revokeInvitation(db: Database, orgId: string, invitationId: string) {
	await db
		.update(invitations)
		.set({ revokedAt: new Date() })
		.where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId)));
}

// ------------------------------------------------------------------ teams

export async function createTeam(db: Database, orgId: string, name: string) {
	const id = newId();
	try {
		await db.insert(teams).values({ id, orgId, name, nameKey: nameKey(name) });
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError('duplicate');
		throw error;
	}
	return id;
}

export async function renameTeam(db: Database, orgId: string, teamId: string, name: string) {
	try {
		await db
			.update(teams)
			.set({ name, nameKey: nameKey(name) })
			.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
	} catch (error) {
		if (isUniqueViolation(error)) throw new DomainError('duplicate');
		throw error;
	}
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

export async function listTeamMembers(db: Database, teamId: string) {
	return db
		.select({ userId: users.id, name: users.name, email: users.email })
		.from(teamMembers)
		.innerJoin(users, eq(teamMembers.userId, users.id))
		.where(eq(teamMembers.teamId, teamId))
		.orderBy(asc(users.name));
}

/** Adds a member of the organisation to one of its teams; outsiders cannot be added. */
export async function addTeamMember(db: Database, orgId: string, teamId: string, userId: string) {
	await db.transaction(async (tx) => {
		await requireMember(tx, orgId, userId);
		const [team] = await tx
			.select({ id: teams.id })
			.from(teams)
			.where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
		if (!team) throw new DomainError('not_found');
		await tx.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing();
	});
}

export async function removeTeamMember(db: Database, teamId: string, userId: string) {
	await db
		.delete(teamMembers)
		.where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
}
