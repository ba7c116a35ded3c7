/**
 * The demo (`npm run seed`): an owner, the organisation "Zeewind Energie (demo)", two teams with
 * a culture map each (maps.ts) and a year of their history (history.ts). Whatever is already
 * there is left alone, so running it again changes nothing.
 */
import { and, eq, gte, inArray } from 'drizzle-orm';
import { createUserWithOrganisation, findUserByEmail } from '../accounts/queries';
import type { Database } from '../db';
import { memberships, organisations, users } from '../db/schema';
import { seedHistory, type TeamSummary } from './history';
import { klantenservice, productEngineering, seedMap } from './maps';
import { STORIES } from './stories';

export const DEMO_EMAIL = 'demo@undercurrent.example';
export const DEMO_ORGANISATION = 'Zeewind Energie (demo)';

export interface DemoSummary {
	/** Whether the owner and organisation were made now (so the password is new). */
	created: boolean;
	orgId: string;
	maps: { team: string; values: number; elements: number }[];
	history: TeamSummary[];
}

async function findDemoOrganisation(db: Database, userId: string) {
	const [row] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.innerJoin(memberships, eq(memberships.orgId, organisations.id))
		.where(and(eq(memberships.userId, userId), eq(organisations.name, DEMO_ORGANISATION)));
	return row?.id ?? null;
}

export async function seedDemo(
	db: Database,
	input: { passwordHash: () => Promise<string>; now?: Date }
): Promise<DemoSummary> {
	const known = await findUserByEmail(db, DEMO_EMAIL);
	if (known) {
		const orgId = await findDemoOrganisation(db, known.id);
		if (!orgId) throw new Error(`${DEMO_EMAIL} exists but has no "${DEMO_ORGANISATION}".`);
		const [{ passwordHash }] = await db
			.select({ passwordHash: users.passwordHash })
			.from(users)
			.where(eq(users.id, known.id));
		const history = await seedHistory(db, {
			orgId,
			ownerId: known.id,
			passwordHash,
			now: input.now
		});
		return { created: false, orgId, maps: [], history };
	}
	const passwordHash = await input.passwordHash();
	const started = new Date();
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: DEMO_EMAIL, name: 'Demo Owner', passwordHash },
		DEMO_ORGANISATION
	);
	try {
		const maps = [];
		for (const team of [productEngineering, klantenservice]) {
			const made = await seedMap(db, orgId, user.id, team);
			maps.push({ team: team.name, values: made.values, elements: made.elements });
		}
		const history = await seedHistory(db, {
			orgId,
			ownerId: user.id,
			passwordHash,
			now: input.now
		});
		return { created: true, orgId, maps, history };
	} catch (error) {
		// Leave nothing half-made behind, so the next run starts afresh.
		await db.delete(organisations).where(eq(organisations.id, orgId));
		await db.delete(users).where(eq(users.id, user.id));
		const leaders = STORIES.flatMap((s) => s.leaders.map((l) => l.email));
		await db.delete(users).where(and(inArray(users.email, leaders), gte(users.createdAt, started)));
		throw error;
	}
}
