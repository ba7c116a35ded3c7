import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { cultureElements, cultureValues, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { addParticipant, createWorkshop, listActivities, writeVotes } from '../workshops/queries';
import { DomainError } from '../errors';
import {
	archiveElement,
	archiveValue,
	compareLenses,
	countValueUses,
	createElement,
	createValue,
	deleteElement,
	deleteValue,
	getValue,
	listLensMap,
	markElementLimiting,
	markValueLimiting,
	moveValue,
	restoreElement,
	restoreValue,
	setValueLenses,
	updateElement,
	updateValue
} from './queries';

let db: Database;
let close: () => void;
let userId: string;
let teamId: string;
let otherTeamId: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: 'ann@example.org', name: 'Ann', passwordHash: 'x' },
		'Org'
	);
	userId = user.id;
	teamId = await createTeam(db, orgId, 'Team');
	// Another organisation's team: none of its ids may reach ours, nor ours theirs.
	const other = await createUserWithOrganisation(
		db,
		{ email: 'bob@example.org', name: 'Bob', passwordHash: 'x' },
		'Other'
	);
	otherTeamId = await createTeam(db, other.orgId, 'Team');
});

afterEach(() => close());

const value = (name: string, lenses: ('assumed' | 'current' | 'paradise' | 'strategic')[]) =>
	createValue(db, teamId, userId, { name, meaning: `${name} means…`, lenses });

async function expectDomainError(promise: Promise<unknown>, code: DomainError['code']) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
}

async function names(lens: 'assumed' | 'current' | 'paradise' | 'strategic', archived = false) {
	const map = await listLensMap(db, teamId, lens, { includeArchived: archived });
	return map.values.map((v) => v.name);
}

describe('values', () => {
	it('records staff provenance and the lenses given', async () => {
		const id = await value('Ownership', ['current', 'paradise']);
		const [row] = await db.select().from(cultureValues).where(eq(cultureValues.id, id));
		expect(row).toMatchObject({
			authorKind: 'staff',
			authorUserId: userId,
			source: 'staff',
			nameKey: 'ownership',
			position: 0
		});
		expect((await getValue(db, teamId, id))?.lenses).toEqual(['current', 'paradise']);
	});

	it('refuses a name the team already uses, whatever its case, accents or spacing', async () => {
		await value('Eigenaarschap', ['current']);
		await expectDomainError(value('  eigenaarschäp ', ['assumed']), 'duplicate');
		const other = await value('Openness', ['current']);
		await expectDomainError(
			updateValue(db, teamId, other, { name: 'EIGENAARSCHAP', meaning: '' }),
			'duplicate'
		);
		// Another team may use the same name.
		await createValue(db, otherTeamId, userId, {
			name: 'Eigenaarschap',
			meaning: '',
			lenses: ['current']
		});
	});

	it('lets a value keep its own name under another spelling', async () => {
		const id = await value('Ownership', ['current']);
		await updateValue(db, teamId, id, { name: 'OWNERSHIP', meaning: 'ours', limiting: true });
		expect(await getValue(db, teamId, id)).toMatchObject({
			name: 'OWNERSHIP',
			meaning: 'ours',
			limiting: true
		});
	});

	it('adds each new value at the end of the order', async () => {
		await value('A', ['current']);
		await value('B', ['assumed']);
		await value('C', ['current']);
		const rows = await db.select().from(cultureValues);
		expect(rows.map((r) => [r.name, r.position])).toEqual([
			['A', 0],
			['B', 1],
			['C', 2]
		]);
		expect(await names('current')).toEqual(['A', 'C']);
	});

	it('shows a value only under the lenses it belongs to', async () => {
		const id = await value('Speed', ['assumed']);
		expect(await names('assumed')).toEqual(['Speed']);
		expect(await names('current')).toEqual([]);
		await setValueLenses(db, teamId, id, ['current', 'strategic', 'current']);
		expect(await names('assumed')).toEqual([]);
		expect(await names('current')).toEqual(['Speed']);
		expect((await getValue(db, teamId, id))?.lenses).toEqual(['current', 'strategic']);
		await updateValue(db, teamId, id, { name: 'Speed', meaning: '', lenses: ['paradise'] });
		expect(await names('paradise')).toEqual(['Speed']);
		expect(await names('strategic')).toEqual([]);
	});

	it('moves values up and down, past neighbours outside the lens, which stay put', async () => {
		const a = await value('A', ['current']);
		await value('Hidden', ['assumed']);
		const c = await value('C', ['current']);
		await value('D', ['current']);
		await moveValue(db, teamId, c, 'up', 'current');
		expect(await names('current')).toEqual(['C', 'A', 'D']);
		expect(await names('assumed')).toEqual(['Hidden']);
		await moveValue(db, teamId, c, 'up', 'current');
		expect(await names('current')).toEqual(['C', 'A', 'D']);
		await moveValue(db, teamId, a, 'down', 'current');
		expect(await names('current')).toEqual(['C', 'D', 'A']);
		await moveValue(db, teamId, a, 'down');
		expect(await names('current')).toEqual(['C', 'D', 'A']);
		const order = await db.select().from(cultureValues).orderBy(cultureValues.position);
		expect(order.map((v) => v.name)).toEqual(['C', 'Hidden', 'D', 'A']);
		const positions = (await db.select().from(cultureValues)).map((v) => v.position).sort();
		expect(positions).toEqual([0, 1, 2, 3]);
	});

	it('archives and restores values; archived ones appear only when asked for', async () => {
		const id = await value('Speed', ['current']);
		await archiveValue(db, teamId, id);
		expect(await names('current')).toEqual([]);
		expect(await names('current', true)).toEqual(['Speed']);
		expect((await compareLenses(db, teamId, 'current', 'assumed')).values).toEqual([]);
		await restoreValue(db, teamId, id);
		expect(await names('current')).toEqual(['Speed']);
	});

	it('deletes a value with its elements', async () => {
		const id = await value('Speed', ['current']);
		await createElement(db, teamId, userId, {
			lens: 'current',
			kind: 'looks_like',
			valueId: id,
			name: null,
			text: 'Ships daily'
		});
		await deleteValue(db, teamId, id);
		expect(await getValue(db, teamId, id)).toBeNull();
		expect(await db.select().from(cultureElements)).toEqual([]);
	});

	it('finds nothing by an id of another team', async () => {
		const theirs = await createValue(db, otherTeamId, userId, {
			name: 'Theirs',
			meaning: '',
			lenses: ['current']
		});
		expect(await getValue(db, teamId, theirs)).toBeNull();
		await expectDomainError(
			updateValue(db, teamId, theirs, { name: 'Mine', meaning: '' }),
			'not_found'
		);
		await expectDomainError(setValueLenses(db, teamId, theirs, ['assumed']), 'not_found');
		await expectDomainError(moveValue(db, teamId, theirs, 'up'), 'not_found');
		await expectDomainError(archiveValue(db, teamId, theirs), 'not_found');
		await expectDomainError(restoreValue(db, teamId, theirs), 'not_found');
		await expectDomainError(markValueLimiting(db, teamId, theirs, true), 'not_found');
		await expectDomainError(deleteValue(db, teamId, theirs), 'not_found');
		const [row] = await db.select().from(cultureValues).where(eq(cultureValues.id, theirs));
		expect(row).toMatchObject({ name: 'Theirs', archivedAt: null, limiting: false });
	});
});

describe('elements', () => {
	it('needs a value for behaviours and boundaries, not for rituals, heroes and signals', async () => {
		for (const kind of ['looks_like', 'sounds_like', 'feels_like', 'boundary'] as const) {
			await expectDomainError(
				createElement(db, teamId, userId, {
					lens: 'current',
					kind,
					valueId: null,
					name: null,
					text: 'x'
				}),
				'value_required'
			);
		}
		await createElement(db, teamId, userId, {
			lens: 'current',
			kind: 'ritual',
			valueId: null,
			name: 'Friday demo',
			text: 'Everyone shows what they built.'
		});
		const map = await listLensMap(db, teamId, 'current');
		expect(map.standalone.ritual.map((e) => e.name)).toEqual(['Friday demo']);
		expect(map.standalone.ritual[0]).toMatchObject({ authorName: 'Ann', authorKind: 'staff' });
	});

	it('refuses a value of another team', async () => {
		const theirs = await createValue(db, otherTeamId, userId, {
			name: 'Theirs',
			meaning: '',
			lenses: ['current']
		});
		await expectDomainError(
			createElement(db, teamId, userId, {
				lens: 'current',
				kind: 'hero',
				valueId: theirs,
				name: 'Someone',
				text: ''
			}),
			'not_found'
		);
		expect(await db.select().from(cultureElements)).toEqual([]);
	});

	it('groups a value’s elements by lens and kind, in the order they were added', async () => {
		const id = await value('Ownership', ['current', 'paradise']);
		const add = (lens: 'current' | 'paradise', kind: 'looks_like' | 'boundary', text: string) =>
			createElement(db, teamId, userId, { lens, kind, valueId: id, name: 'ignored', text });
		await add('current', 'looks_like', 'one');
		await add('current', 'looks_like', 'two');
		await add('paradise', 'boundary', 'three');
		const full = await getValue(db, teamId, id);
		expect(full?.elements.current.looks_like.map((e) => e.text)).toEqual(['one', 'two']);
		const positions = await db.select({ p: cultureElements.position }).from(cultureElements);
		expect(positions.map((r) => r.p).sort()).toEqual([0, 0, 1]);
		expect(full?.elements.current.looks_like[0].name).toBeNull();
		expect(full?.elements.paradise.boundary.map((e) => e.text)).toEqual(['three']);
		const current = await listLensMap(db, teamId, 'current');
		expect(current.values[0].elements.boundary).toEqual([]);
	});

	it('edits, marks limiting, archives, restores and deletes an element', async () => {
		const id = await createElement(db, teamId, userId, {
			lens: 'assumed',
			kind: 'signal',
			valueId: null,
			name: 'Open door',
			text: ''
		});
		await updateElement(db, teamId, id, { name: '', text: 'Always open', limiting: false });
		let [row] = await db.select().from(cultureElements).where(eq(cultureElements.id, id));
		expect(row).toMatchObject({ name: 'Open door', text: 'Always open' });
		expect(row.updatedAt).toBeInstanceOf(Date);

		await markElementLimiting(db, teamId, id, true);
		await archiveElement(db, teamId, id);
		expect((await listLensMap(db, teamId, 'assumed')).standalone.signal).toEqual([]);
		const archived = await listLensMap(db, teamId, 'assumed', { includeArchived: true });
		expect(archived.standalone.signal[0]).toMatchObject({ limiting: true });
		expect(archived.standalone.signal[0].archivedAt).toBeInstanceOf(Date);

		await restoreElement(db, teamId, id);
		[row] = await db.select().from(cultureElements).where(eq(cultureElements.id, id));
		expect(row.archivedAt).toBeNull();
		await deleteElement(db, teamId, id);
		expect(await db.select().from(cultureElements)).toEqual([]);
	});

	it('finds no element by an id of another team', async () => {
		const theirs = await createElement(db, otherTeamId, userId, {
			lens: 'current',
			kind: 'ritual',
			valueId: null,
			name: 'Theirs',
			text: ''
		});
		await expectDomainError(
			updateElement(db, teamId, theirs, { name: 'x', text: 'x' }),
			'not_found'
		);
		await expectDomainError(markElementLimiting(db, teamId, theirs, true), 'not_found');
		await expectDomainError(archiveElement(db, teamId, theirs), 'not_found');
		await expectDomainError(restoreElement(db, teamId, theirs), 'not_found');
		await expectDomainError(deleteElement(db, teamId, theirs), 'not_found');
		expect((await listLensMap(db, otherTeamId, 'current')).standalone.ritual).toHaveLength(1);
		expect((await listLensMap(db, teamId, 'current')).standalone.ritual).toEqual([]);
	});

	it('keeps the author’s name off once their account is gone', async () => {
		await createElement(db, teamId, userId, {
			lens: 'current',
			kind: 'hero',
			valueId: null,
			name: 'The fixer',
			text: ''
		});
		await db.delete(users).where(eq(users.id, userId));
		const [hero] = (await listLensMap(db, teamId, 'current')).standalone.hero;
		expect(hero).toMatchObject({ authorKind: 'staff', authorName: null });
	});
});

describe('compare', () => {
	it('lists values present in either lens, with null where a value is absent', async () => {
		const both = await value('Both', ['assumed', 'current']);
		await value('Wall only', ['assumed']);
		await value('Lived only', ['current']);
		await value('Dream', ['paradise']);
		await createElement(db, teamId, userId, {
			lens: 'current',
			kind: 'sounds_like',
			valueId: both,
			name: null,
			text: 'I’ve got this'
		});
		const result = await compareLenses(db, teamId, 'assumed', 'current');
		expect(
			result.values.map((r) => [r.value.name, r.a !== null, r.b !== null, r.b?.sounds_like.length])
		).toEqual([
			['Both', true, true, 1],
			['Wall only', true, false, undefined],
			['Lived only', false, true, 0]
		]);
	});
});

describe('a value the team has voted on', () => {
	it('can be archived but no longer deleted', async () => {
		const id = await value('Ownership', ['current']);
		expect(await countValueUses(db, id)).toBe(0);
		const { id: workshopId } = await createWorkshop(db, {
			teamId,
			title: 'Kick-off',
			createdBy: userId,
			agenda: [
				{
					kind: 'rate',
					title: 'Rate',
					prompt: '',
					config: { kind: 'rate', lenses: ['current'], scale: '1-5', valueIds: [id] }
				}
			]
		});
		const [activity] = await listActivities(db, workshopId);
		const participant = await addParticipant(db, workshopId, null);
		await writeVotes(db, [
			{
				activityId: activity.id,
				participantId: participant.id,
				replaceAll: false,
				answers: [{ itemId: `${id}:current`, valueId: id, cardId: null, lens: 'current', score: 4 }]
			}
		]);
		expect(await countValueUses(db, id)).toBe(1);
		await expectDomainError(deleteValue(db, teamId, id), 'has_votes');
		await archiveValue(db, teamId, id);
		expect((await getValue(db, teamId, id))?.archivedAt).not.toBeNull();
	});
});
