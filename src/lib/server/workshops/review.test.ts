import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../domain/review';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import { createValue, getValue, listLensMap } from '../culture/queries';
import type { Database } from '../db';
import { cultureElements, cultureValues, mapReviewDecisions, valueLenses } from '../db/schema';
import { testDatabase } from '../db/testing';
import type { NewActivity } from './queries';
import {
	addCard,
	addParticipant,
	createWorkshop,
	groupCard,
	listActivities,
	mergeCards
} from './queries';
import { applyReview, listWorkshopsToReview, loadReview, type ReviewProposal } from './review';
import { workshops } from '../db/schema';

let db: Database;
let close: () => void;
let userId: string;
let teamId: string;
let otherTeamValue: string;
let ownership: string;
/** The minimum group size: 1 in most tests, so that a few cards are proposed. */
const MIN = 1;

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
	const other = await createTeam(db, orgId, 'Other team');
	otherTeamValue = await createValue(db, other, userId, { name: 'Speed', meaning: '', lenses: [] });
});

afterEach(() => close());

async function workshopWith(agenda: NewActivity[], people = 3) {
	const { id } = await createWorkshop(db, { teamId, title: 'Kick-off', createdBy: userId, agenda });
	await db
		.update(workshops)
		.set({ status: 'ended', endedAt: new Date() })
		.where(eq(workshops.id, id));
	const activityIds = (await listActivities(db, id)).map((a) => a.id);
	const participantIds: string[] = [];
	for (let i = 0; i < people; i++) participantIds.push((await addParticipant(db, id, null)).id);
	let turn = 0;
	const write = (activityId: string, text: string) =>
		addCard(db, activityId, participantIds[turn++ % participantIds.length], text);
	return { workshop: { id, teamId }, activityIds, write };
}

const proposalsOf = async (workshop: { id: string; teamId: string }) =>
	(await loadReview(db, workshop, MIN)).activities.flatMap((a) => a.proposals);

const accept = (p: ReviewProposal, change: Partial<Decision> = {}): Decision => ({
	key: p.key,
	accept: true,
	destination: p.destination,
	text: p.text,
	valueId: p.valueId,
	lens: p.lens,
	...change
});

const valueRows = () =>
	db
		.select()
		.from(cultureValues)
		.where(eq(cultureValues.teamId, teamId))
		.orderBy(cultureValues.position);

describe('loadReview', () => {
	it('proposes one value per set of near-duplicates and a merge for a known name', async () => {
		const w = await workshopWith([collect('strategic', 'value')]);
		const [a] = w.activityIds;
		for (const text of ['Trust', ' trust', 'Trust 1', 'OWNERSHIP', 'Speed']) await w.write(a, text);

		const review = await loadReview(db, w.workshop, MIN);
		expect(review.open).toBe(3);
		expect(review.activities[0].proposals.map((p) => [p.text, p.destination, p.cards])).toEqual([
			['Trust', 'value', 3],
			['Ownership', 'merge', 1],
			['Speed', 'value', 1]
		]);
	});

	it('proposes nothing from an activity fewer than the minimum wrote in', async () => {
		const w = await workshopWith([collect('current', 'signal')], 2);
		await w.write(w.activityIds[0], 'Open doors');
		await w.write(w.activityIds[0], 'Names on runbooks');
		const review = await loadReview(db, w.workshop, 3);
		expect(review.activities[0]).toMatchObject({ tooFew: { n: 2, min: 3 }, proposals: [] });
		expect((await loadReview(db, w.workshop, 2)).activities[0].proposals).toHaveLength(2);
	});
});

describe('applyReview', () => {
	it('writes only the accepted proposals, with their origin and card count, in one go', async () => {
		const w = await workshopWith([collect('current', 'looks_like'), collect('strategic', 'value')]);
		const [looks, values] = w.activityIds;
		const fix = await w.write(looks, 'We fix what we break');
		await groupCard(db, looks, fix, ownership);
		for (const text of ['We fix what we breaks', 'we fix  what we break']) {
			await groupCard(db, looks, await w.write(looks, text), ownership);
		}
		await w.write(looks, 'Nobody answers');
		const into = await w.write(values, 'Care');
		await mergeCards(db, values, into, [await w.write(values, 'Caring')]);
		await w.write(values, 'Blame');
		const mapBefore = await valueRows();

		const [fixes, nobody, care, blame] = await proposalsOf(w.workshop);
		expect([fixes.text, fixes.cards, nobody.text, care.text, care.cards, blame.text]).toEqual([
			'We fix what we break',
			3,
			'Nobody answers',
			'Care',
			2,
			'Blame'
		]);
		expect(await valueRows()).toEqual(mapBefore);

		const result = await applyReview(db, {
			workshop: w.workshop,
			userId,
			minGroup: MIN,
			decisions: [
				accept(fixes),
				accept(nobody, {
					destination: 'feels_like',
					valueId: ownership,
					text: 'Nobody answers us'
				}),
				accept(care),
				accept(blame, { accept: false })
			]
		});
		expect(result).toEqual({
			ok: true,
			outcome: { values: 1, lensesAdded: 0, elements: 2, unchanged: 0, rejected: 1 }
		});
		const rows = await valueRows();
		expect(rows.map((r) => [r.name, r.source, r.workshopId, r.cardCount])).toEqual([
			['Ownership', 'staff', null, null],
			['Care', 'workshop', w.workshop.id, 2]
		]);
		const value = await getValue(db, teamId, ownership);
		expect(value?.elements.current.looks_like.map((e) => e.text)).toEqual(['We fix what we break']);
		expect(value?.elements.current.feels_like.map((e) => e.text)).toEqual(['Nobody answers us']);
		const elements = await db
			.select()
			.from(cultureElements)
			.where(eq(cultureElements.teamId, teamId));
		expect(elements.map((e) => [e.source, e.workshopId, e.cardCount])).toEqual([
			['workshop', w.workshop.id, 3],
			['workshop', w.workshop.id, 1]
		]);

		const after = await loadReview(db, w.workshop, MIN);
		expect(after).toMatchObject({ open: 0, decided: 4 });
		expect(after.activities[1].proposals.find((p) => p.text === 'Blame')?.decided).toMatchObject({
			decision: 'rejected'
		});
	});

	it('adds nothing twice when accepted again, and lets the rest be reviewed later', async () => {
		const w = await workshopWith([collect('current', 'signal')]);
		const [a] = w.activityIds;
		await w.write(a, 'Open doors');
		await w.write(a, 'Names on runbooks');
		const [names, doors] = await proposalsOf(w.workshop);
		const first = { workshop: w.workshop, userId, minGroup: MIN, decisions: [accept(doors)] };
		expect(await applyReview(db, first)).toMatchObject({ ok: true, outcome: { elements: 1 } });
		expect(await applyReview(db, first)).toMatchObject({
			ok: true,
			outcome: { elements: 0, unchanged: 0, rejected: 0 }
		});
		expect((await loadReview(db, w.workshop, MIN)).open).toBe(1);
		expect(
			await applyReview(db, { ...first, decisions: [accept(doors), accept(names)] })
		).toMatchObject({ ok: true, outcome: { elements: 1 } });
		const map = await listLensMap(db, teamId, 'current');
		expect(map.standalone.signal.map((e) => e.name).sort()).toEqual([
			'Names on runbooks',
			'Open doors'
		]);
	});

	it('writes nothing when one accepted item is bad, and says which', async () => {
		const w = await workshopWith([collect('current', 'value'), collect('current', 'boundary')]);
		const [values, lines] = w.activityIds;
		await w.write(values, 'Care');
		await w.write(lines, 'Shouting');
		const [care, shouting] = await proposalsOf(w.workshop);
		const before = await db.select().from(cultureValues);
		const result = await applyReview(db, {
			workshop: w.workshop,
			userId,
			minGroup: MIN,
			decisions: [
				accept(care),
				accept(shouting, { destination: 'merge', valueId: otherTeamValue }),
				accept(shouting, { key: 'nope' })
			]
		});
		expect(result).toEqual({
			ok: false,
			problems: { [shouting.key]: 'value_unknown', nope: 'gone' }
		});
		const needsValue = await applyReview(db, {
			workshop: w.workshop,
			userId,
			minGroup: MIN,
			decisions: [accept(care), accept(shouting)]
		});
		expect(needsValue).toEqual({ ok: false, problems: { [shouting.key]: 'value_required' } });
		expect(await db.select().from(cultureValues)).toEqual(before);
		expect(await db.select().from(cultureElements)).toEqual([]);
		expect(await db.select().from(mapReviewDecisions)).toEqual([]);
		expect(
			await db.select().from(valueLenses).where(eq(valueLenses.valueId, otherTeamValue))
		).toEqual([]);
	});

	it('creates each element once when two reviews accept at the same time', async () => {
		const w = await workshopWith([collect('strategic', 'value'), collect('current', 'ritual')]);
		const [values, rituals] = w.activityIds;
		await w.write(values, 'Care');
		await w.write(rituals, 'Friday demo');
		await w.write(rituals, 'friday demos');
		const proposals = await proposalsOf(w.workshop);
		const run = () =>
			applyReview(db, {
				workshop: w.workshop,
				userId,
				minGroup: MIN,
				decisions: proposals.map((p) => accept(p))
			});
		const results = await Promise.all([run(), run(), run()]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect((await valueRows()).map((r) => r.name)).toEqual(['Ownership', 'Care']);
		const elements = await db
			.select()
			.from(cultureElements)
			.where(eq(cultureElements.teamId, teamId));
		expect(elements.map((e) => [e.name, e.cardCount])).toEqual([['Friday demo', 2]]);
	});

	it('merges a new value into one the map already has under a near-duplicate name', async () => {
		const w = await workshopWith([collect('strategic', 'value')]);
		await w.write(w.activityIds[0], 'Speed');
		const [speed] = await proposalsOf(w.workshop);
		await createValue(db, teamId, userId, { name: 'speeds', meaning: '', lenses: [] });
		const result = await applyReview(db, {
			workshop: w.workshop,
			userId,
			minGroup: MIN,
			decisions: [accept(speed)]
		});
		expect(result).toMatchObject({ ok: true, outcome: { values: 0, lensesAdded: 1 } });
		expect((await valueRows()).map((r) => r.name)).toEqual(['Ownership', 'speeds']);
	});
});

describe('listWorkshopsToReview', () => {
	it('names ended workshops with undecided proposals', async () => {
		const w = await workshopWith([collect('current', 'signal')]);
		expect(await listWorkshopsToReview(db, teamId, MIN)).toEqual([]);
		await w.write(w.activityIds[0], 'Open doors');
		expect(await listWorkshopsToReview(db, teamId, MIN)).toEqual([
			{ id: w.workshop.id, title: 'Kick-off', open: 1 }
		]);
		const [doors] = await proposalsOf(w.workshop);
		await applyReview(db, {
			workshop: w.workshop,
			userId,
			minGroup: MIN,
			decisions: [accept(doors, { accept: false })]
		});
		expect(await listWorkshopsToReview(db, teamId, MIN)).toEqual([]);
	});
});
