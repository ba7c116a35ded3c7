import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { sessions, users } from '../db/schema';
import { hashToken, newToken } from '../ids';

/** Sessions per Lucia's guide: 30 days, renewed when less than half remains. */
export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export const generateSessionToken = newToken;

export async function createSession(db: Database, token: string, userId: string): Promise<Session> {
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME)
	};
	await db.insert(sessions).values(session);
	return session;
}

/** The session and user behind a token, with sliding expiry; null when unknown or expired. */
export async function validateSessionToken(
	db: Database,
	token: string
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({
			session: sessions,
			user: { id: users.id, email: users.email, name: users.name }
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const { session, user } = row;
	const now = Date.now();
	if (now >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (now >= session.expiresAt.getTime() - SESSION_LIFETIME / 2) {
		session.expiresAt = new Date(now + SESSION_LIFETIME);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
	}
	return { session, user };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
