import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { DomainError } from '../errors';
import {
	addCard,
	addParticipant,
	createWorkshop,
	listActivities,
	listCards,
	setCardHidden
} from './queries';
import { mergeSelectedCards } from './staff';
import {
	acceptSuggestedGroup,
	dismissSuggestion,
	listDismissed,
	listGroupIds,
	renameGroup,
	suggestionsForWall
} from './suggestions';

let db: Database;
let close: () => void;
let activityId: string;
let participantId: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: 'ann@example.org', name: 'Ann', passwordHash: 'x' },
		'Org'
	);
	const teamId = await createTeam(db, orgId, 'Team');
	const { id: workshopId } = await createWorkshop(db, {
		teamId,
		title: 'W',
		createdBy: user.id,
		agenda: [
			{
				kind: 'collect',
				title: 'What happens',
				prompt: '',
				config: { kind: 'collect', lens: 'current', target: 'signal' }
			}
		]
	});
	activityId = (await listActivities(db, workshopId))[0].id;
	({ id: participantId } = await addParticipant(db, workshopId, null));
});

afterEach(() => close());

const write = (text: string) => addCard(db, activityId, participantId, text);

describe('acceptSuggestedGroup', () => {
	it('folds the cards, and what was folded into them, into a new group card with the name', async () => {
		const a = await write('Meetings always run late');
		const b = await write('Vergaderingen lopen altijd uit');
		const c = await write('meetings run late');
		const d = await write('Our meetings overrun');
		await mergeSelectedCards(db, activityId, [c, d]);
		const group = await acceptSuggestedGroup(db, activityId, 'Meetings overrun', [a, b, c]);
		const cards = await listCards(db, activityId, { includeHidden: true });
		expect(Object.fromEntries(cards.map((x) => [x.text, x.mergedInto]))).toEqual({
			'Meetings always run late': group,
			'Vergaderingen lopen altijd uit': group,
			'meetings run late': group,
			'Our meetings overrun': group,
			'Meetings overrun': null
		});
		expect(await listGroupIds(db, activityId)).toEqual([group]);
	});

	it('leaves out cards merged, hidden or of another activity meanwhile; fewer than two is stale', async () => {
		const a = await write('Blame');
		const b = await write('blame culture');
		const c = await write('Finger pointing');
		await setCardHidden(db, activityId, c, true);
		await expect(
			acceptSuggestedGroup(db, activityId, 'Blame', [a, c, 'elsewhere'])
		).rejects.toBeInstanceOf(DomainError);
		await mergeSelectedCards(db, activityId, [a, b]);
		await expect(acceptSuggestedGroup(db, activityId, 'Blame', [a, b])).rejects.toThrow(
			'not_found'
		);
		expect(await listGroupIds(db, activityId)).toEqual([]);
	});
});

describe('renameGroup', () => {
	it('renames a group card, never a participant’s card', async () => {
		const a = await write('Heroics at night');
		const b = await write('heroes at night');
		const group = await acceptSuggestedGroup(db, activityId, 'Heroics', [a, b]);
		await renameGroup(db, activityId, group, 'Night heroics');
		const cards = await listCards(db, activityId, { includeHidden: true });
		expect(cards.find((x) => x.id === group)?.text).toBe('Night heroics');
		await expect(renameGroup(db, activityId, a, 'Changed words')).rejects.toThrow('not_found');
		const after = await listCards(db, activityId, { includeHidden: true });
		expect(after.find((x) => x.id === a)?.text).toBe('Heroics at night');
	});
});

describe('suggestionsForWall', () => {
	it('suggests loose cards that say the same thing, and not again once dismissed', async () => {
		const a = await write('Meetings always overrun');
		const b = await write('Vergaderingen lopen altijd uit');
		const c = await write('The meetings overrun again');
		await write('Great coffee');
		const wall = async () => ({
			activityId,
			cards: (await listCards(db, activityId, { includeHidden: true })).map((x) => ({
				id: x.id,
				text: x.text,
				hidden: x.hidden,
				mergedInto: x.mergedInto
			}))
		});
		const first = await suggestionsForWall(db, await wall(), 'collect');
		expect(first?.suggestions.map((g) => g.cardIds)).toEqual([[a, b, c].sort()]);
		expect(await suggestionsForWall(db, await wall(), 'outsider')).toBeNull();

		dismissSuggestion(activityId, [c, a, b]);
		expect(listDismissed(activityId)).toEqual([[a, b, c].sort().join(',')]);
		expect((await suggestionsForWall(db, await wall(), 'collect'))?.suggestions).toEqual([]);

		// A new card that says it too makes a new suggestion.
		const d = await write('meetings overrun, always late');
		const later = await suggestionsForWall(db, await wall(), 'collect');
		expect(later?.suggestions.map((g) => g.cardIds)).toEqual([[a, b, c, d].sort()]);
	});
});
