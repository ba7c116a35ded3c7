import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import { createValue, getValue, listLensMap } from '../culture/queries';
import type { Database } from '../db';
import { cultureElements, cultureValues } from '../db/schema';
import { testDatabase } from '../db/testing';
import type { NewActivity } from './queries';
import {
	addCard,
	addParticipant,
	createWorkshop,
	groupCard,
	listActivities,
	mergeCards,
	setCardHidden
} from './queries';
import { sendWorkshopToMap, shortName } from './to-map';

let db: Database;
let close: () => void;
let userId: string;
let teamId: string;
let ownership: string;

const collect = (lens: 'current' | 'strategic', target: string): NewActivity => ({
	kind: 'collect',
	title: `${lens} ${target}`,
	prompt: '',
	config: { kind: 'collect', lens, target } as NewActivity['config']
});

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: 'ann@example.org', name: 'Ann', passwordHash: 'x' },
		'Org'
	);
	userId = user.id;
	teamId = await createTeam(db, orgId, 'Team');
	ownership = await createValue(db, teamId, userId, {
		name: 'Ownership',
		meaning: '',
		lenses: ['current']
	});
});

afterEach(() => close());

async function workshopWith(agenda: NewActivity[]) {
	const { id } = await createWorkshop(db, { teamId, title: 'W', createdBy: userId, agenda });
	const activityIds = (await listActivities(db, id)).map((a) => a.id);
	const { id: participantId } = await addParticipant(db, id, null);
	return { id, activityIds, participantId };
}

describe('sendWorkshopToMap', () => {
	it('turns value cards into values under the lens, deduplicated by name with the map', async () => {
		const w = await workshopWith([collect('strategic', 'value')]);
		const [a] = w.activityIds;
		await addCard(db, a, w.participantId, '  Trust ');
		await addCard(db, a, w.participantId, 'trust'); // the same name, another card
		await addCard(db, a, w.participantId, 'OWNERSHIP'); // already on the map, under `current`
		const hidden = await addCard(db, a, w.participantId, 'Something rude');
		await setCardHidden(db, a, hidden, true);
		const into = await addCard(db, a, w.participantId, 'Speed');
		const folded = await addCard(db, a, w.participantId, 'Velocity');
		await mergeCards(db, a, into, [folded]);

		const report = await sendWorkshopToMap(db, w.id);
		expect(report).toMatchObject({ values: 2, lensesAdded: 1, elements: 0, unchanged: 1 });

		const rows = await db
			.select()
			.from(cultureValues)
			.where(eq(cultureValues.teamId, teamId))
			.orderBy(cultureValues.position);
		expect(rows.map((r) => r.name)).toEqual(['Ownership', 'Trust', 'Speed']);
		const trust = rows[1];
		expect(trust).toMatchObject({
			source: 'workshop',
			authorKind: 'participant',
			authorUserId: null,
			workshopId: w.id,
			position: 1
		});
		expect((await getValue(db, teamId, trust.id))?.lenses).toEqual(['strategic']);
		// The existing value now also belongs to the strategic culture; its provenance is untouched.
		expect((await getValue(db, teamId, ownership))?.lenses).toEqual(['current', 'strategic']);
		expect(rows[0].source).toBe('staff');
	});

	it('adds behaviours to the value they were grouped under and skips ungrouped ones', async () => {
		const w = await workshopWith([
			collect('strategic', 'looks_like'),
			collect('current', 'boundary')
		]);
		const [looks, boundary] = w.activityIds;
		const grouped = await addCard(db, looks, w.participantId, 'We fix what we find');
		await groupCard(db, looks, grouped, ownership);
		const loose = await addCard(db, looks, w.participantId, 'Nobody knows');
		const line = await addCard(db, boundary, w.participantId, 'Blaming others');
		await groupCard(db, boundary, line, ownership);

		const report = await sendWorkshopToMap(db, w.id);
		expect(report).toMatchObject({ values: 0, elements: 2 });
		expect(report.skipped).toEqual([
			{ activityId: looks, cardId: loose, text: 'Nobody knows', reason: 'needs_value' }
		]);
		const value = await getValue(db, teamId, ownership);
		expect(value?.elements.strategic.looks_like.map((e) => e.text)).toEqual([
			'We fix what we find'
		]);
		expect(value?.elements.current.boundary[0]).toMatchObject({
			text: 'Blaming others',
			authorKind: 'participant',
			source: 'workshop'
		});
	});

	it('keeps rituals, heroes and signals standalone unless grouped, with short names', async () => {
		const w = await workshopWith([collect('current', 'ritual'), collect('current', 'hero')]);
		const [ritual, hero] = w.activityIds;
		const long =
			'The Friday demo where every team shows what they finished this week, also the things that did not work out';
		await addCard(db, ritual, w.participantId, long);
		const grouped = await addCard(db, hero, w.participantId, 'The on-call engineer');
		await groupCard(db, hero, grouped, ownership);

		expect(await sendWorkshopToMap(db, w.id)).toMatchObject({ elements: 2, skipped: [] });
		const map = await listLensMap(db, teamId, 'current');
		expect(map.standalone.ritual).toHaveLength(1);
		expect(map.standalone.ritual[0]).toMatchObject({ name: shortName(long).name, text: long });
		const value = await getValue(db, teamId, ownership);
		expect(value?.elements.current.hero[0]).toMatchObject({
			name: 'The on-call engineer',
			text: ''
		});
	});

	it('adds nothing twice when run again, and only new cards the second time', async () => {
		const w = await workshopWith([collect('current', 'value'), collect('current', 'signal')]);
		const [values, signals] = w.activityIds;
		await addCard(db, values, w.participantId, 'Care');
		await addCard(db, signals, w.participantId, 'Open doors');
		expect(await sendWorkshopToMap(db, w.id)).toMatchObject({ values: 1, elements: 1 });

		expect(await sendWorkshopToMap(db, w.id)).toMatchObject({
			values: 0,
			lensesAdded: 0,
			elements: 0,
			unchanged: 2
		});
		await addCard(db, signals, w.participantId, 'Names on runbooks');
		expect(await sendWorkshopToMap(db, w.id)).toMatchObject({ elements: 1, unchanged: 2 });

		const elements = await db
			.select()
			.from(cultureElements)
			.where(and(eq(cultureElements.teamId, teamId), eq(cultureElements.workshopId, w.id)));
		expect(elements.map((e) => e.name).sort()).toEqual(['Names on runbooks', 'Open doors']);
		const all = await db.select().from(cultureValues).where(eq(cultureValues.teamId, teamId));
		expect(all).toHaveLength(2);
	});

	it('ignores activities that collect nothing and unknown workshops', async () => {
		const w = await workshopWith([
			{ kind: 'outsider', title: 'Voices', prompt: '', config: { kind: 'outsider' } }
		]);
		await addCard(db, w.activityIds[0], w.participantId, 'Too many meetings');
		expect(await sendWorkshopToMap(db, w.id)).toMatchObject({ values: 0, elements: 0 });
		expect(await sendWorkshopToMap(db, 'nope')).toMatchObject({ values: 0, elements: 0 });
	});
});

describe('shortName', () => {
	it('keeps short texts whole and cuts long ones at a word', () => {
		expect(shortName('  Trust  each other ')).toEqual({ name: 'Trust each other', rest: '' });
		const long = 'word '.repeat(30).trim();
		const { name, rest } = shortName(long);
		expect(name.length).toBeLessThanOrEqual(80);
		expect(name).toMatch(/word…$/);
		expect(rest).toBe(long);
	});
});
