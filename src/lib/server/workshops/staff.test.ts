import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import { archiveValue, createValue } from '../culture/queries';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { DomainError } from '../errors';
import { addCard, addParticipant, createWorkshop, listActivities, listCards } from './queries';
import { listNicknames, listTeamValueOptions, mergeSelectedCards, unmergeCard } from './staff';

let db: Database;
let close: () => void;
let userId: string;
let teamId: string;
let activityId: string;
let workshopId: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: 'ann@example.org', name: 'Ann', passwordHash: 'x' },
		'Org'
	);
	userId = user.id;
	teamId = await createTeam(db, orgId, 'Team');
	({ id: workshopId } = await createWorkshop(db, {
		teamId,
		title: 'W',
		createdBy: userId,
		agenda: [
			{
				kind: 'collect',
				title: 'Values',
				prompt: '',
				config: { kind: 'collect', lens: 'current', target: 'value' }
			}
		]
	}));
	activityId = (await listActivities(db, workshopId))[0].id;
});

afterEach(() => close());

describe('mergeSelectedCards', () => {
	it('folds cards into the first that stands alone, and never leaves chains', async () => {
		const a = await addCard(db, activityId, null, 'Speed');
		const b = await addCard(db, activityId, null, 'Velocity');
		const c = await addCard(db, activityId, null, 'Fast');
		const d = await addCard(db, activityId, null, 'Quick');
		expect(await mergeSelectedCards(db, activityId, [c, d])).toBe(c);
		// Merging c (which holds d) into a: d moves along to a.
		expect(await mergeSelectedCards(db, activityId, [a, b, c])).toBe(a);
		const cards = await listCards(db, activityId, { includeHidden: true });
		expect(Object.fromEntries(cards.map((x) => [x.text, x.mergedInto]))).toEqual({
			Speed: null,
			Velocity: a,
			Fast: a,
			Quick: a
		});

		await unmergeCard(db, activityId, b);
		const after = await listCards(db, activityId, { includeHidden: true });
		expect(after.find((x) => x.id === b)?.mergedInto).toBeNull();
	});

	it('refuses when no selected card of this activity stands alone', async () => {
		const a = await addCard(db, activityId, null, 'Speed');
		const b = await addCard(db, activityId, null, 'Velocity');
		await mergeSelectedCards(db, activityId, [a, b]);
		await expect(mergeSelectedCards(db, activityId, [b, 'elsewhere'])).rejects.toBeInstanceOf(
			DomainError
		);
	});
});

describe('listTeamValueOptions', () => {
	it('lists the team’s values in order with their lenses, archived ones marked', async () => {
		const one = await createValue(db, teamId, userId, {
			name: 'Ownership',
			meaning: '',
			lenses: ['strategic', 'current']
		});
		const two = await createValue(db, teamId, userId, { name: 'Old', meaning: '', lenses: [] });
		await archiveValue(db, teamId, two);
		expect(await listTeamValueOptions(db, teamId)).toEqual([
			{ id: one, name: 'Ownership', lenses: ['current', 'strategic'], archived: false },
			{ id: two, name: 'Old', lenses: [], archived: true }
		]);
	});
});

describe('listNicknames', () => {
	it('gives the nicknames people chose, in the order they joined', async () => {
		await addParticipant(db, workshopId, 'Sam');
		await addParticipant(db, workshopId, null);
		await addParticipant(db, workshopId, 'Noor');
		expect(await listNicknames(db, workshopId, 10)).toEqual(['Sam', 'Noor']);
		expect(await listNicknames(db, workshopId, 1)).toEqual(['Sam']);
	});
});
