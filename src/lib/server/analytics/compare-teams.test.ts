import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/culture';
import { addTeamMember, createTeam } from '../accounts/queries';
import { closeCommitment, createCommitment } from '../commitments/queries';
import type { Database } from '../db';
import { commitments, memberships, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { newId } from '../ids';
import { seedWorkshop } from '../live/testing';
import { createPulse, getPulse, listItems, savePulseResponse } from '../pulses/queries';
import { listComparableTeams, loadTeamsComparison } from './compare-teams';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
});
afterEach(() => close());

/** A pulse of `teamId` on `opensOn` answered by one device per list of scores, in item order. */
async function answered(teamId: string, opensOn: string, answers: number[][]) {
	const id = await createPulse(db, {
		teamId,
		opensOn,
		closesOn: opensOn,
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId
	});
	const pulse = (await getPulse(db, teamId, id))!;
	const items = await listItems(db, id);
	for (const [i, scores] of answers.entries()) {
		await savePulseResponse(db, {
			pulse,
			tokenHash: `${id}-${i}`,
			scores: new Map(scores.map((s, k) => [items[k].id, s])),
			open: ''
		});
	}
	return id;
}

async function member(role: Role, teamIds: string[] = []) {
	const id = newId();
	await db.insert(users).values({ id, email: `${id}@example.org`, name: 'Ann', passwordHash: 'x' });
	await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role });
	for (const teamId of teamIds) await addTeamMember(db, seeded.orgId, teamId, id);
	return id;
}

describe('comparing two teams’ pulse checks', () => {
	it('offers a leader only their own teams, and everyone else every team', async () => {
		const other = await createTeam(db, seeded.orgId, 'Other');
		const leader = await member('leader', [seeded.teamId]);
		const viewer = await member('viewer');
		const names = async (userId: string, role: Role) =>
			(
				await listComparableTeams(db, { orgId: seeded.orgId, teamId: seeded.teamId, userId, role })
			).map((t) => t.name);
		expect(await names(leader, 'leader')).toEqual(['Support']);
		expect(await names(viewer, 'viewer')).toEqual(['Other', 'Support']);
		expect(await names(seeded.userId, 'owner')).toEqual(['Other', 'Support']);
		// Once the leader leads the other team too, it is offered.
		await addTeamMember(db, seeded.orgId, other, leader);
		expect(await names(leader, 'leader')).toEqual(['Other', 'Support']);
	});

	it('reads both teams’ shown pulses of a quarter from the database, the difference and what was due', async () => {
		const now = new Date('2026-10-15T12:00:00Z');
		// Support (value 1, value 2, eNPS): three people in August, 5 of 6 value answers favourable;
		// eNPS 10, 9, 3 → +33. Another in the quarter before, not counted.
		await answered(seeded.teamId, '2026-08-03', [
			[5, 4, 10],
			[4, 4, 9],
			[5, 2, 3]
		]);
		await answered(seeded.teamId, '2026-06-01', [
			[1, 1, 0],
			[1, 1, 0],
			[1, 1, 0]
		]);
		// Other (no values, so only eNPS): three in September, all detractors → −100; two in
		// August, below the minimum of three: left out and named.
		const other = await createTeam(db, seeded.orgId, 'Other');
		await answered(other, '2026-09-07', [[0], [1], [2]]);
		await answered(other, '2026-08-10', [[10], [10]]);
		// A commitment of Support's due in the quarter, done on time.
		const leader = await member('leader', [seeded.teamId]);
		const due = await createCommitment(db, {
			teamId: seeded.teamId,
			leaderId: leader,
			valueId: seeded.valueIds[0],
			action: 'Share my mistakes first',
			signal: 'Retro starts with mine',
			dueOn: '2026-09-20'
		});
		await db
			.update(commitments)
			.set({ createdAt: new Date('2026-07-01T10:00:00Z') })
			.where(eq(commitments.id, due));
		await closeCommitment(
			db,
			seeded.teamId,
			due,
			{ status: 'done' },
			new Date('2026-09-18T10:00:00Z')
		);

		const c = await loadTeamsComparison(db, {
			teamId: seeded.teamId,
			otherTeamId: other,
			minGroupSize: 3,
			period: { kind: 'quarter', at: '2026-08-01' },
			now
		});
		expect(c.a.figures).toMatchObject({ pulses: 1, people: 3, valueAnswers: 6, enpsAnswers: 3 });
		expect(c.a.figures!.favourable).toBeCloseTo((5 * 100) / 6, 6);
		expect(c.a.figures!.enps).toBeCloseTo(100 / 3, 6);
		expect(c.b.figures).toMatchObject({ pulses: 1, people: 0, enpsPeople: 3, enps: -100 });
		expect(c.b.figures!.favourable).toBeNull();
		expect(c.b.withheld).toEqual([{ date: '2026-08-10', n: 2 }]);
		// Other asked no values: no favourable difference. eNPS −100 against +33: −133 points;
		// A's spread (2 + 1 of 3 → 1 − 0.111 = 0.889, over 3 people), B's none (all −1):
		// margin 1.96 · √(0.889 / 3) = 106.7; −133 is beyond it.
		expect(c.favourable).toBeNull();
		expect(c.enps!.change).toBeCloseTo(-133.33, 2);
		expect(c.enps!.margin).toBeCloseTo(106.69, 1);
		expect(c.enps!.significant).toBe(true);
		expect(c.a.dueIn).toMatchObject({ total: 1, onTime: 1, rate: 100 });
		expect(c.b.dueIn).toMatchObject({ total: 0, rate: null });

		// At a minimum of four, no pulse of either team is shown: nothing computed.
		const strict = await loadTeamsComparison(db, {
			teamId: seeded.teamId,
			otherTeamId: other,
			minGroupSize: 4,
			period: { kind: 'quarter', at: '2026-08-01' },
			now
		});
		expect(strict.a.figures).toBeNull();
		expect(strict.b.figures).toBeNull();
		expect(strict.enps).toBeNull();
		expect(strict.a.withheld).toEqual([{ date: '2026-08-03', n: 3 }]);
	});
});
