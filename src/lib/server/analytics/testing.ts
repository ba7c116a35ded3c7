/**
 * A team with values and a workshop whose answers a test spells out, on a real database: what
 * the analytics tests (and the bench) start from.
 */
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { cultureValues } from '../db/schema';
import { newId } from '../ids';
import {
	addParticipant,
	createWorkshop,
	listActivities,
	writeVotes,
	type NewActivity
} from '../workshops/queries';
import type { Lens } from '../../domain/culture';

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
	}
): Promise<Fixture> {
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: options.email ?? `f${newId()}@example.org`, name: 'F', passwordHash: 'x' },
		'Acme'
	);
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
