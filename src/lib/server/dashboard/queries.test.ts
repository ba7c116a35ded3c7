import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import { addTeamMember, createTeam } from '../accounts/queries';
import { createValue } from '../culture/queries';
import { loadOrgLeaders } from './leaders';
import { closeCommitment, createCommitment } from '../commitments/queries';
import { commitments, memberships, pulses, users } from '../db/schema';
import { newId } from '../ids';
import { createPulse, getPulse, listItems, savePulseResponse } from '../pulses/queries';
import { addParticipant, writeVotes } from '../workshops/queries';
import { analyticsFixture, dots, points } from '../analytics/testing';
import { loadResults } from '../analytics/report';
import {
	listPulseAggregates,
	listRatingAggregates,
	loadOrgDashboard,
	loadTeamDashboard
} from './queries';
import { periodFigures } from '../../domain/period-figures';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, minGroupSize: 3 });
});
afterEach(() => close());

/**
 * A pulse on `opensOn` answered by one device per list of scores, in the pulse's order: value 1,
 * value 2, then each leader when asked about, then eNPS.
 */
async function answered(
	teamId: string,
	opensOn: string,
	answers: number[][],
	options: { withLeaders?: boolean } = {}
) {
	const id = await createPulse(db, {
		teamId,
		opensOn,
		closesOn: opensOn,
		cadenceWeeks: 4,
		openQuestion: '?',
		withSafety: false,
		createdBy: seeded.userId,
		...options
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

describe('dashboard data', () => {
	it('sums each pulse in SQL and shows values over time, hidden below the minimum', async () => {
		// January: value 1 favourable 2 of 3, value 2 1 of 3; eNPS 10, 9, 3 → 67 − 33 = +33.
		await answered(seeded.teamId, '2026-01-05', [
			[5, 2, 10],
			[4, 4, 9],
			[1, 3, 3]
		]);
		// February: everyone favourable on value 1; eNPS 10, 10, 8 → +67.
		await answered(seeded.teamId, '2026-02-02', [
			[5, 4, 10],
			[4, 1, 10],
			[4, 2, 8]
		]);
		// March: only two answered.
		await answered(seeded.teamId, '2026-03-02', [
			[5, 5, 10],
			[5, 5, 10]
		]);
		const sums = await listPulseAggregates(db, { teamId: seeded.teamId });
		expect(sums.find((s) => s.opensOn === '2026-01-05')).toMatchObject({
			respondents: 3,
			valueAnswers: 6,
			valueFavourable: 3,
			enpsAnswers: 3,
			promoters: 2,
			detractors: 1
		});

		const now = new Date('2026-03-10T12:00:00Z');
		const team = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 3, now });
		expect(team.pulses.map((p) => [p.date, p.favourable, p.enps && Math.round(p.enps)])).toEqual([
			['2026-01-05', 50, 33],
			['2026-02-02', (4 * 100) / 6, 67],
			['2026-03-02', null, null]
		]);
		expect(team.pulses[2].hidden).toEqual({ hidden: true, reason: 'below_minimum', n: 2, min: 3 });
		expect(team.values[0].points.map((p) => p.favourable)).toEqual([(2 * 100) / 3, 100, null]);

		await createTeam(db, seeded.orgId, 'Empty');
		const org = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		expect(org.months.map((m) => [m.date, m.respondents, m.hidden?.n ?? null])).toEqual([
			['2026-01', 3, null],
			['2026-02', 3, null],
			['2026-03', 2, 2]
		]);
		// Support's latest shown pulse is February's: March's is withheld.
		expect(org.teams.map((t) => [t.name, t.pulses, t.latest?.date ?? null])).toEqual([
			['Empty', 0, null],
			['Support', 3, '2026-02-02']
		]);
	});
});

describe("a team's latest pulse on the organisation's dashboard", () => {
	it('is the latest shown one, not a withheld one opened the same day, whatever the order', async () => {
		const now = new Date('2026-03-10T12:00:00Z');
		// Support: the larger pulse was made first, the withheld one after it, on the same day.
		await answered(seeded.teamId, '2026-03-02', [
			[5, 5, 10],
			[4, 4, 9],
			[4, 2, 3]
		]);
		await answered(seeded.teamId, '2026-03-02', [[1, 1, 0]]);
		// Other (no values yet, so only eNPS is asked): the other way round.
		const other = await createTeam(db, seeded.orgId, 'Other');
		await answered(other, '2026-03-02', [[0]]);
		await answered(other, '2026-03-02', [[10], [10], [9]]);
		const org = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		expect(
			org.teams.map((t) => [t.name, t.pulses, t.latest?.respondents, t.latest?.hidden])
		).toEqual([
			['Other', 2, 3, null],
			['Support', 2, 3, null]
		]);
		expect(org.teams.map((t) => Math.round(t.latest!.enps!))).toEqual([100, 33]);
	});

	it('is the latest of two shown pulses of one day by when they were made, and says why when none is shown', async () => {
		const now = new Date('2026-03-10T12:00:00Z');
		const first = await answered(seeded.teamId, '2026-03-02', [
			[5, 5, 10],
			[4, 4, 10],
			[4, 2, 10]
		]);
		const second = await answered(seeded.teamId, '2026-03-02', [
			[5, 5, 0],
			[4, 4, 0],
			[4, 2, 0]
		]);
		// Made in the same millisecond or not, the later one is the one made last.
		await db
			.update(pulses)
			.set({ createdAt: new Date('2026-03-01T10:00:00Z') })
			.where(eq(pulses.id, second));
		await db
			.update(pulses)
			.set({ createdAt: new Date('2026-03-01T11:00:00Z') })
			.where(eq(pulses.id, first));
		const org = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		expect(org.teams[0].latest?.enps).toBe(100);
		const none = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 4, now });
		expect(none.teams[0].latest?.hidden).toEqual({
			hidden: true,
			reason: 'below_minimum',
			n: 3,
			min: 4
		});
	});
});

describe('per leader', () => {
	async function leader(name: string) {
		const id = newId();
		await db.insert(users).values({ id, email: `${id}@example.org`, name, passwordHash: 'x' });
		await db.insert(memberships).values({ orgId: seeded.orgId, userId: id, role: 'leader' });
		await addTeamMember(db, seeded.orgId, seeded.teamId, id);
		return id;
	}

	it('gives % favourable per leader asked about, beside their follow-through', async () => {
		const bo = await leader('Bo');
		const ann = await leader('Ann');
		// Ann kept her one commitment (due in February, done in January); Bo has none.
		const commitment = await createCommitment(db, {
			teamId: seeded.teamId,
			leaderId: ann,
			valueId: seeded.valueIds[0],
			action: 'Share my mistakes first',
			signal: 'Retro starts with mine',
			dueOn: '2026-02-28'
		});
		await db
			.update(commitments)
			.set({ createdAt: new Date('2026-01-02T10:00:00Z') })
			.where(eq(commitments.id, commitment));
		await closeCommitment(
			db,
			seeded.teamId,
			commitment,
			{ status: 'done' },
			new Date('2026-01-20T10:00:00Z')
		);
		// January asks about both: [value 1, value 2, Ann, Bo, eNPS]. Ann 5, 4, 2: 2 of 3
		// favourable; Bo 2, 4, 5: 2 of 3. February does not ask about leaders.
		await answered(
			seeded.teamId,
			'2026-01-05',
			[
				[5, 2, 5, 2, 10],
				[4, 4, 4, 4, 9],
				[1, 3, 2, 5, 3]
			],
			{ withLeaders: true }
		);
		await answered(seeded.teamId, '2026-02-02', [
			[5, 4, 10],
			[4, 1, 10],
			[4, 2, 8]
		]);
		const now = new Date('2026-03-10T12:00:00Z');
		const team = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 3, now });
		expect(team.leaders.map((l) => [l.id, l.name, l.followThrough])).toEqual([
			[ann, 'Ann', 100],
			[bo, 'Bo', null]
		]);
		expect(team.leaders[0].points.map((p) => p.favourable)).toEqual([(2 * 100) / 3, null]);
		// The values' % favourable leaves the leader statements out: 3 of 6 in January.
		expect(team.pulses[0].favourable).toBe(50);

		const hidden = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 4, now });
		expect(hidden.leaders[0].points[0]).toMatchObject({
			favourable: null,
			hidden: { hidden: true, reason: 'below_minimum', n: 3, min: 4 }
		});
	});

	it('gives each leader across the teams: follow-through everywhere, what shown pulses said', async () => {
		const ann = await leader('Ann');
		const other = await createTeam(db, seeded.orgId, 'Second team');
		await addTeamMember(db, seeded.orgId, other, ann);
		const valueOf = {
			[seeded.teamId]: seeded.valueIds[0],
			[other]: await createValue(db, other, seeded.userId, {
				name: 'Candour',
				meaning: 'We say it',
				lenses: ['current']
			})
		};
		const commit = async (teamId: string, dueOn: string) => {
			const id = await createCommitment(db, {
				teamId,
				leaderId: ann,
				valueId: valueOf[teamId],
				action: 'Ask before deciding',
				signal: 'Decisions name who was asked',
				dueOn
			});
			await db
				.update(commitments)
				.set({ createdAt: new Date('2026-01-02T10:00:00Z') })
				.where(eq(commitments.id, id));
			return id;
		};
		// Done on time in the first team; overdue in the second: 1 of 2 due on time.
		const kept = await commit(seeded.teamId, '2026-02-28');
		await closeCommitment(db, seeded.teamId, kept, { status: 'done' }, new Date('2026-02-01'));
		await commit(other, '2026-02-28');
		// First team, January: Ann 5, 4, 2 (2 of 3 favourable). Second team ([value, Ann,
		// eNPS]), January: 5, 1, 1 (1 of 3); March: only 2 people, below the minimum of 3, so
		// January stays the one shown, as on that team's dashboard.
		await answered(
			seeded.teamId,
			'2026-01-05',
			[
				[5, 2, 5, 10],
				[4, 4, 4, 9],
				[1, 3, 2, 3]
			],
			{ withLeaders: true }
		);
		await answered(
			other,
			'2026-01-12',
			[
				[4, 5, 9],
				[4, 1, 9],
				[4, 1, 2]
			],
			{ withLeaders: true }
		);
		await answered(
			other,
			'2026-03-02',
			[
				[4, 5, 9],
				[4, 5, 9]
			],
			{ withLeaders: true }
		);

		const now = new Date('2026-03-10T12:00:00Z');
		const { leaders } = await loadOrgLeaders(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		const row = leaders.find((l) => l.id === ann)!;
		expect(row.teams.map((t) => t.name)).toEqual(['Second team', 'Support']);
		expect(row.followThrough).toMatchObject({ due: 2, onTime: 1, overdue: 1, rate: 50 });
		expect([row.open, row.overdue]).toEqual([1, 1]);
		// (2 + 1) of (3 + 3) answers: the March pulse of two people adds nothing.
		expect([row.favourable, row.answers, row.asOf]).toEqual([50, 6, '2026-01-12']);

		// With a minimum of 4 nothing people said about Ann is shown; her record still is.
		const strict = await loadOrgLeaders(db, { orgId: seeded.orgId, minGroupSize: 4, now });
		const hidden = strict.leaders.find((l) => l.id === ann)!;
		expect([hidden.favourable, hidden.answers, hidden.asOf]).toEqual([null, 0, null]);
		expect(hidden.followThrough.rate).toBe(50);
	});
});

describe('gaps per workshop', () => {
	it('sums the ratings in SQL per value and lens, and gives each workshop its gaps', async () => {
		const people = await Promise.all(
			[0, 1, 2].map(() => addParticipant(db, seeded.workshopId, null))
		);
		const [a] = seeded.valueIds;
		// 0–10: current 2, 4, 6 (mean 4 = 40 %); strategic 8, 8, 8 (80 %); assumed 9 × 3 (90 %).
		const scores: Record<string, number[]> = {
			current: [2, 4, 6],
			strategic: [8, 8, 8],
			assumed: [9, 9, 9]
		};
		await writeVotes(
			db,
			people.map((p, i) => ({
				activityId: seeded.activities.rate.id,
				participantId: p.id,
				replaceAll: false,
				answers: Object.entries(scores).map(([lens, s]) => ({
					itemId: `${a}:${lens}`,
					valueId: a,
					cardId: null,
					lens,
					score: s[i]
				}))
			}))
		);
		const rows = await listRatingAggregates(db, seeded.teamId);
		expect(rows.find((r) => r.lens === 'current')).toMatchObject({
			valueId: a,
			scale: { min: 0, max: 10 },
			answers: 3,
			total: 12,
			people: 3
		});
		const team = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 3 });
		expect(team.gaps).toHaveLength(1);
		expect(team.gaps[0].strategic).toBeCloseTo(40);
		expect(team.gaps[0].sayDo).toBeCloseTo(-50);
		const hidden = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 4 });
		expect(hidden.gaps[0].hidden).toEqual({ hidden: true, reason: 'below_minimum', n: 3, min: 4 });
	});
});

describe('entropy per workshop', () => {
	it('matches the results page per lens, for the team and in the organisation’s table', async () => {
		const fixture = await analyticsFixture(db, {
			values: [{ name: 'Trust' }, { name: 'Blame', limiting: true }],
			agenda: (v) => [dots(v, 'current'), points(v, 'current'), dots(v, 'strategic')]
		});
		const people = await fixture.participants(5);
		for (const [i, person] of people.entries()) {
			// Current dots: 2 on Blame from everyone, 1 on Trust; points: 30 on Blame from two.
			await fixture.answer(0, person, { '0:current': 1, '1:current': 2 });
			await fixture.answer(
				1,
				person,
				i < 2 ? { '0:current': 70, '1:current': 30 } : { '0:current': 100 }
			);
			await fixture.answer(2, person, { '0:strategic': 3 });
		}
		const results = await loadResults(db, { id: fixture.workshopId, teamId: fixture.teamId }, 5);
		const fromResults = Object.fromEntries(
			results.votes.map((l) => [l.lens, l.entropy?.percent ?? null])
		);
		// Current: dots 66.7 % on Blame; Blame's points come from two people, fewer than the
		// minimum of five, so they are never released: 0 %. (66.7 + 0) / 2 = 33.3 %.
		expect(fromResults.current).toBeCloseTo(200 / 3 / 2);
		expect(fromResults.strategic).toBe(0);

		const team = await loadTeamDashboard(db, { teamId: fixture.teamId, minGroupSize: 5 });
		expect(team.entropy).toHaveLength(1);
		expect(team.entropy[0].entropy.current).toBeCloseTo(fromResults.current!);
		expect(team.entropy[0].entropy.strategic).toBe(0);
		expect(team.entropy[0].entropy.assumed).toBeNull();

		const org = await loadOrgDashboard(db, { orgId: fixture.orgId, minGroupSize: 5 });
		expect(org.teams[0].entropy?.percent).toBeCloseTo(fromResults.current!);

		const few = await loadTeamDashboard(db, { teamId: fixture.teamId, minGroupSize: 6 });
		expect(few.entropy[0].hidden).toEqual({ hidden: true, reason: 'below_minimum', n: 5, min: 6 });
		const orgFew = await loadOrgDashboard(db, { orgId: fixture.orgId, minGroupSize: 6 });
		expect(orgFew.teams[0].entropy).toBeNull();
	});
});

describe('a period on the dashboards', () => {
	const now = new Date('2026-09-10T12:00:00Z');
	const quarter = { kind: 'quarter', at: '2026-08-15' } as const;

	it("sums a quarter's shown pulses against the quarter before, per team and for the organisation", async () => {
		// Support, Q2: value answers 2 of 6 favourable; Q3: 5 of 6 (33 % → 83 %).
		await answered(seeded.teamId, '2026-05-04', [
			[5, 2, 10],
			[1, 4, 3],
			[2, 3, 8]
		]);
		await answered(seeded.teamId, '2026-08-03', [
			[5, 4, 10],
			[4, 4, 10],
			[5, 2, 9]
		]);
		// Other (eNPS only): shown in Q2; in Q3 only two answered, below the minimum of 3.
		const other = await createTeam(db, seeded.orgId, 'Other');
		await answered(other, '2026-06-01', [[10], [9], [2]]);
		await answered(other, '2026-08-10', [[0], [1]]);
		// A commitment of Support's due in Q3, done two days late.
		const leaderId = newId();
		await db
			.insert(users)
			.values({ id: leaderId, email: `${leaderId}@example.org`, name: 'Ann', passwordHash: 'x' });
		await db.insert(memberships).values({ orgId: seeded.orgId, userId: leaderId, role: 'leader' });
		await addTeamMember(db, seeded.orgId, seeded.teamId, leaderId);
		const due = await createCommitment(db, {
			teamId: seeded.teamId,
			leaderId,
			valueId: seeded.valueIds[0],
			action: 'Share my mistakes first',
			signal: 'Retro starts with mine',
			dueOn: '2026-08-20'
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
			new Date('2026-08-22T10:00:00Z')
		);

		const org = await loadOrgDashboard(db, {
			orgId: seeded.orgId,
			minGroupSize: 3,
			now,
			period: quarter
		});
		expect(org.period).toMatchObject({
			kind: 'quarter',
			current: { from: '2026-07-01', to: '2026-09-30' },
			previous: { from: '2026-04-01', to: '2026-06-30' },
			toDate: true
		});
		// Q3: only Support's pulse counts; Other's is withheld and said so.
		expect(org.comparison!.current).toMatchObject({
			pulses: 1,
			respondents: 3,
			valueAnswers: 6,
			valueFavourable: 5,
			withheld: [{ teamId: other, date: '2026-08-10', n: 2 }]
		});
		expect(org.comparison!.previous).toMatchObject({ pulses: 2, respondents: 6 });
		// 33 % → 83 % with three people each: +50 points, margin 1.96·√(0.583·0.417·(2/3)) = 78.9.
		expect(org.comparison!.favourable!.change).toBeCloseTo(50, 10);
		expect(org.comparison!.favourable!.margin).toBeCloseTo(78.9, 1);
		expect(org.comparison!.favourable!.significant).toBe(false);
		expect(org.dueInPeriod).toMatchObject({ due: 1, onTime: 0, late: 1, rate: 0 });
		expect(org.dueBefore).toMatchObject({ due: 0, rate: null });

		const [otherRow, support] = org.teams;
		expect(support.inPeriod).toMatchObject({
			days: { from: '2026-07-01', to: '2026-09-30' },
			shown: 1,
			fallback: false,
			withheld: []
		});
		expect(support.inPeriod.change!.change).toBeCloseTo(50, 10);
		expect(support.dueInPeriod).toBe(0);
		// Other does not vanish: its June pulse, marked with its day, and why August's is not shown.
		expect(otherRow.inPeriod).toMatchObject({
			days: { from: '2026-06-01', to: '2026-06-01' },
			fallback: true,
			change: null,
			withheld: [{ date: '2026-08-10', n: 2 }]
		});
		expect(Math.round(otherRow.inPeriod.enps!)).toBe(33);

		// By default (each team's last pulse), Other falls back to June too, and names August's.
		const byPulse = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		expect(byPulse.teams[0].inPeriod).toMatchObject({
			days: { from: '2026-06-01', to: '2026-06-01' },
			fallback: true,
			withheld: [{ date: '2026-08-10', n: 2 }]
		});
		expect(byPulse.teams[1].inPeriod).toMatchObject({
			days: { from: '2026-08-03', to: '2026-08-03' },
			fallback: false
		});
		// Follow-through by default: the organisation's month (August: the late one); the team's
		// days since its pulse before (5 May to 3 August: none was due).
		expect(byPulse.dueInPeriod).toMatchObject({ total: 1, late: 1 });
		const teamByPulse = await loadTeamDashboard(db, {
			teamId: seeded.teamId,
			minGroupSize: 3,
			now
		});
		expect(teamByPulse.dueInPeriod).toMatchObject({ total: 0, due: 0 });
		expect(teamByPulse.dueBefore).toBe(null);

		// The team's own dashboard, same quarter.
		const team = await loadTeamDashboard(db, {
			teamId: seeded.teamId,
			minGroupSize: 3,
			now,
			period: quarter
		});
		expect(team.comparison!.current.favourable).toBeCloseTo(500 / 6);
		expect(team.comparison!.previous!.favourable).toBeCloseTo(200 / 6);
		expect(team.dueInPeriod).toMatchObject({ due: 1, late: 1 });
	});

	it('by default is the last shown pulse against the one before (the month, for the organisation)', async () => {
		await answered(seeded.teamId, '2026-07-06', [
			[5, 2, 10],
			[1, 2, 3],
			[2, 3, 8]
		]);
		await answered(seeded.teamId, '2026-08-03', [
			[5, 4, 10],
			[4, 4, 10],
			[5, 2, 9]
		]);
		// September's pulse has two respondents: the last shown one is August's.
		await answered(seeded.teamId, '2026-09-07', [
			[5, 5, 10],
			[5, 5, 10]
		]);
		const team = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 3, now });
		expect(team.period).toMatchObject({
			kind: 'pulse',
			current: { from: '2026-08-03', to: '2026-08-03' },
			previous: { from: '2026-07-06', to: '2026-07-06' }
		});
		expect(team.comparison!.favourable!.change).toBeCloseTo(200 / 3, 10);
		const org = await loadOrgDashboard(db, { orgId: seeded.orgId, minGroupSize: 3, now });
		expect(org.period).toMatchObject({
			current: { from: '2026-08-01', to: '2026-08-31' },
			previous: { from: '2026-07-01', to: '2026-07-31' }
		});
		// A team with no shown pulse at all has no period: nothing to compare.
		const none = await loadTeamDashboard(db, { teamId: seeded.teamId, minGroupSize: 9, now });
		expect(none.period).toBe(null);
		expect(none.comparison).toBe(null);
	});
});

describe('no two periods differ by a pulse below the minimum', () => {
	it('cannot isolate a withheld pulse by differencing two overlapping custom periods', async () => {
		const min = 4;
		// Six people on 5 January and 2 February: shown (released at 3, then at 6). Three on
		// 20 January: released at the organisation's minimum of 3, so its sums are in the
		// database, but below the minimum of 4 the dashboards are asked for: withheld.
		await answered(seeded.teamId, '2026-01-05', [
			[5, 5, 10],
			[4, 2, 9],
			[2, 2, 3],
			[5, 4, 10],
			[3, 4, 7],
			[4, 4, 9]
		]);
		const withheldId = await answered(seeded.teamId, '2026-01-20', [
			[1, 1, 0],
			[1, 2, 1],
			[5, 5, 10]
		]);
		await answered(seeded.teamId, '2026-02-02', [
			[4, 4, 8],
			[4, 5, 9],
			[1, 5, 10],
			[3, 3, 6],
			[2, 2, 2],
			[5, 5, 10]
		]);
		const all = await listPulseAggregates(db, { teamId: seeded.teamId });
		const withheld = all.find((p) => p.pulseId === withheldId)!;
		expect(withheld.respondents).toBe(3);
		expect(withheld.valueAnswers).toBe(6);
		expect(all.filter((p) => p.pulseId !== withheldId).map((p) => p.respondents)).toEqual([6, 6]);

		// The attack: January up to the 19th, and January up to the 20th. They must not differ.
		const figures = async (from: string, to: string) => {
			const period = { kind: 'custom', from, to } as const;
			const team = await loadTeamDashboard(db, {
				teamId: seeded.teamId,
				minGroupSize: min,
				now: new Date('2026-03-01T12:00:00Z'),
				period
			});
			const org = await loadOrgDashboard(db, {
				orgId: seeded.orgId,
				minGroupSize: min,
				now: new Date('2026-03-01T12:00:00Z'),
				period
			});
			const { range: _, withheld: __, ...sums } = team.comparison!.current;
			const { range: ___, withheld: ____, ...orgSums } = org.comparison!.current;
			expect(orgSums).toEqual(sums);
			return sums;
		};
		const upTo19 = await figures('2026-01-01', '2026-01-19');
		const upTo20 = await figures('2026-01-01', '2026-01-20');
		expect(upTo20).toEqual(upTo19);
		expect(await figures('2026-01-20', '2026-01-20')).toMatchObject({
			pulses: 0,
			respondents: 0,
			valueAnswers: 0,
			favourable: null,
			enps: null
		});
		const fromThe6th = await figures('2026-01-06', '2026-02-28');
		const fromThe21st = await figures('2026-01-21', '2026-02-28');
		expect(fromThe6th).toEqual(fromThe21st);

		// Every custom period from 1 December to 28 February, against every other: each is
		// exactly what it would be if the withheld pulse had never been answered, so no
		// difference of two of them can hold its answers.
		const without = all.filter((p) => p.pulseId !== withheldId);
		const days: string[] = [];
		for (let d = Date.UTC(2025, 11, 1); d <= Date.UTC(2026, 1, 28); d += 86_400_000) {
			days.push(new Date(d).toISOString().slice(0, 10));
		}
		let compared = 0;
		for (const [i, from] of days.entries()) {
			for (const to of days.slice(i)) {
				const seen = periodFigures(all, { from, to }, min);
				const never = periodFigures(without, { from, to }, min);
				expect({ ...seen, withheld: [] }).toEqual({ ...never, withheld: [] });
				compared++;
			}
		}
		expect(compared).toBe((days.length * (days.length + 1)) / 2);
	});
});
