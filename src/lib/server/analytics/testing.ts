/**
 * A team with values and a workshop whose answers a test spells out, on a real database: what
 * the analytics tests (and the bench) start from.
 */
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { eq } from 'drizzle-orm';
import { cultureValues, organisations } from '../db/schema';
import { newId } from '../ids';
import {
	addParticipant,
	createWorkshop,
	listActivities,
	writeVotes,
	type NewActivity
} from '../workshops/queries';
import type { Lens } from '../../domain/culture';
import type { RatingCount } from './queries';

export interface Fixture {
	orgId: string;
	userId: string;
	teamId: string;
	workshopId: string;
	/** Value ids in the map's order. */
	values: string[];
	/** Activity ids in agenda order. */
	activities: string[];
	/** New participants, `count` of them. */
	participants(count: number): Promise<string[]>;
	/** Stores answers: per participant, item (`valueIndex:lens`) → score. */
	answer(
		activityIndex: number,
		participantId: string,
		answers: Record<string, number>
	): Promise<void>;
}

export async function analyticsFixture(
	db: Database,
	options: {
		values: { name: string; limiting?: boolean }[];
		agenda: (values: string[]) => NewActivity[];
		email?: string;
		minGroupSize?: number;
	}
): Promise<Fixture> {
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: options.email ?? `f${newId()}@example.org`, name: 'F', passwordHash: 'x' },
		'Acme'
	);
	if (options.minGroupSize !== undefined) {
		await db
			.update(organisations)
			.set({ minGroupSize: options.minGroupSize })
			.where(eq(organisations.id, orgId));
	}
	const teamId = await createTeam(db, orgId, `Team ${newId()}`);
	const values = options.values.map(() => newId());
	await db.insert(cultureValues).values(
		options.values.map((v, position) => ({
			id: values[position],
			teamId,
			name: v.name,
			nameKey: v.name.toLowerCase(),
			position,
			limiting: v.limiting ?? false
		}))
	);
	const { id: workshopId } = await createWorkshop(db, {
		teamId,
		title: 'Kick-off',
		createdBy: user.id,
		agenda: options.agenda(values)
	});
	const activities = (await listActivities(db, workshopId)).map((a) => a.id);
	return {
		orgId,
		userId: user.id,
		teamId,
		workshopId,
		values,
		activities,
		async participants(count) {
			const ids: string[] = [];
			for (let i = 0; i < count; i++) ids.push((await addParticipant(db, workshopId, null)).id);
			return ids;
		},
		async answer(activityIndex, participantId, answers) {
			await writeVotes(db, [
				{
					activityId: activities[activityIndex],
					participantId,
					replaceAll: false,
					answers: Object.entries(answers).map(([key, score]) => {
						const [index, lens] = key.split(':') as [string, Lens];
						const valueId = values[Number(index)];
						return { itemId: `${valueId}:${lens}`, valueId, cardId: null, lens, score };
					})
				}
			]);
		}
	};
}

export const rate = (
	values: string[],
	lenses: Lens[],
	scale: '1-5' | '0-10' = '1-5'
): NewActivity => ({
	kind: 'rate',
	title: 'Rate',
	prompt: '',
	config: { kind: 'rate', lenses, scale, valueIds: values }
});

export const dots = (values: string[], lens: Lens, count = 3): NewActivity => ({
	kind: 'dot_vote',
	title: 'Dots',
	prompt: '',
	config: { kind: 'dot_vote', lens, dots: count, valueIds: values }
});

export const points = (values: string[], lens: Lens): NewActivity => ({
	kind: 'allocate',
	title: 'Points',
	prompt: '',
	config: { kind: 'allocate', lens, valueIds: values }
});

/**
 * Released rating counts as a test spells them out, each item's people the sum of its counts:
 * one answer per person per item, as the database's releases have it.
 */
export function withPeople(rows: Omit<RatingCount, 'people'>[]): RatingCount[] {
	const people = new Map<string, number>();
	const key = (r: Omit<RatingCount, 'people'>) => `${r.activityId} ${r.valueId} ${r.lens}`;
	for (const row of rows) people.set(key(row), (people.get(key(row)) ?? 0) + row.n);
	return rows.map((row) => ({ ...row, people: people.get(key(row))! }));
}
