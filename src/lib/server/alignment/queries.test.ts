import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignmentSummary, DEFAULT_TOUCHPOINTS } from '../../domain/alignment';
import { createTeam } from '../accounts/queries';
import type { Database } from '../db';
import { alignmentJudgements, teams, touchpoints } from '../db/schema';
import { testDatabase } from '../db/testing';
import { DomainError } from '../errors';
import { seedWorkshop } from '../live/testing';
import {
	addTouchpoint,
	addTouchpoints,
	archiveTouchpoint,
	judgeCell,
	listCells,
	listJudgements,
	listTouchpoints
} from './queries';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2 });
});
afterEach(() => close());

describe('the alignment matrix', () => {
	it('keeps every judgement and shows the latest per cell', async () => {
		await addTouchpoints(db, seeded.teamId, DEFAULT_TOUCHPOINTS.en);
		await addTouchpoints(db, seeded.teamId, ['website', 'Intranet']);
		const points = await listTouchpoints(db, seeded.teamId);
		expect(points.map((p) => p.name)).toEqual([...DEFAULT_TOUCHPOINTS.en, 'Intranet']);
		await expect(addTouchpoint(db, seeded.teamId, ' WEBSITE ')).rejects.toEqual(
			new DomainError('duplicate')
		);

		const [website, recruiting] = points;
		const judge = (
			touchpointId: string,
			valueId: string,
			rating: 'aligned' | 'partly' | 'conflicting',
			note = ''
		) =>
			judgeCell(db, {
				teamId: seeded.teamId,
				touchpointId,
				valueId,
				rating,
				note,
				authorId: seeded.userId
			});
		await judge(website.id, seeded.valueIds[0], 'conflicting', 'Stock photos, no people');
		await judge(website.id, seeded.valueIds[0], 'partly', 'Team page added');
		await judge(recruiting.id, seeded.valueIds[1], 'aligned');
		const cells = await listCells(db, seeded.teamId);
		expect(cells.map((c) => [c.touchpointId, c.valueId, c.rating, c.note]).sort()).toEqual(
			[
				[website.id, seeded.valueIds[0], 'partly', 'Team page added'],
				[recruiting.id, seeded.valueIds[1], 'aligned', '']
			].sort()
		);
		expect((await listJudgements(db, seeded.teamId, 10)).map((h) => h.rating)).toEqual([
			'aligned',
			'partly',
			'conflicting'
		]);
		expect(alignmentSummary(cells, points.length * 2)).toEqual({
			aligned: 1,
			partly: 1,
			conflicting: 0,
			judged: 2,
			unjudged: 18,
			alignedShare: 50
		});
	});

	it('refuses cells of another team, and archived touchpoints', async () => {
		const other = await createTeam(db, seeded.orgId, 'Other');
		await addTouchpoints(db, other, ['Website']);
		const [foreign] = await listTouchpoints(db, other);
		const input = {
			teamId: seeded.teamId,
			valueId: seeded.valueIds[0],
			rating: 'aligned' as const,
			note: '',
			authorId: seeded.userId
		};
		await expect(judgeCell(db, { ...input, touchpointId: foreign.id })).rejects.toEqual(
			new DomainError('not_found', 'touchpoint')
		);
		await addTouchpoints(db, seeded.teamId, ['Website']);
		const [own] = await listTouchpoints(db, seeded.teamId);
		expect(await archiveTouchpoint(db, other, own.id)).toBe(false);
		expect(await archiveTouchpoint(db, seeded.teamId, own.id)).toBe(true);
		await expect(judgeCell(db, { ...input, touchpointId: own.id })).rejects.toEqual(
			new DomainError('not_found', 'touchpoint')
		);
		expect(await db.select().from(alignmentJudgements)).toHaveLength(0);
		await db.delete(teams).where(eq(teams.id, seeded.teamId));
		expect(await db.select().from(touchpoints)).toHaveLength(1);
	});
});
