import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamMember, createInvitation, createTeam } from '../accounts/queries';
import { createElement } from '../culture/queries';
import type { Database } from '../db';
import {
	chartEvents,
	commitments,
	mapReviewDecisions,
	memberships,
	reminders,
	sessions,
	upvotes,
	users,
	valueLenses
} from '../db/schema';
import { testDatabase } from '../db/testing';
import { addTouchpoint, judgeCell, listTouchpoints } from '../alignment/queries';
import { addPost, upvotePost } from '../board/queries';
import { addCheckin, extendCommitment } from '../commitments/queries';
import { createDepartment, setTeamDepartment } from '../departments/queries';
import { seedWorkshop } from '../live/testing';
import { createPulse, listItems, savePulseResponse } from '../pulses/queries';
import { addCard, addParticipant, writeVotes } from '../workshops/queries';
import { createAccessCodes, spendAccessCode } from '../access-codes/queries';
import { addJoinRequest } from '../admission/queries';
import { createShareLink } from '../share/queries';
import { EXPORTED, exportOrganisation, NOT_EXPORTED, schemaTables } from './export';
import { deleteOrganisation, deleteTeam, deleteWorkshop } from './queries';

let db: Database;
let close: () => void;
beforeEach(async () => ({ db, close } = await testDatabase()));
afterEach(() => close());

/** An organisation as it looks after a few workshops: every table of the schema has rows. */
async function fillOrganisation(label: string, participantCount = 6) {
	const seeded = await seedWorkshop(db, {
		values: 3,
		lenses: ['current', 'strategic'],
		email: `${label}@example.org`,
		minGroupSize: 5
	});
	const { orgId, teamId, valueIds, workshopId, activities } = seeded;
	const secondTeam = await createTeam(db, orgId, `${label} second team`);
	await setTeamDepartment(db, orgId, secondTeam, await createDepartment(db, orgId, `${label} sales`));
	await db.insert(valueLenses).values(valueIds.map((valueId) => ({ valueId, lens: 'current' as const })));
	await createElement(db, teamId, seeded.userId, {
		valueId: valueIds[0],
		lens: 'current',
		kind: 'looks_like',
		name: null,
		text: 'Says what they will do, then does it.'
	});
	await createElement(db, secondTeam, seeded.userId, {
		valueId: null,
		lens: 'current',
		kind: 'ritual',
		name: 'Demo',
		text: 'Fridays'
	});
	const leaderId = `${label}-leader`;
	await db.insert(users).values({
		id: leaderId,
		email: `${label}-leader@example.org`,
		name: 'Leader',
		passwordHash: '$argon2id$secret'
	});
	await db.insert(memberships).values({ orgId, userId: leaderId, role: 'leader' });
	await addTeamMember(db, orgId, teamId, leaderId);
	await db.insert(sessions).values({ id: `${label}-session`, userId: leaderId, expiresAt: new Date(Date.now() + 1e6) });
	await createInvitation(db, { orgId, role: 'viewer', teamId, createdBy: seeded.userId });
	await db.insert(commitments).values({
		id: `${label}-commitment`,
		teamId,
		valueId: valueIds[0],
		leaderId,
		action: 'Open every retro with what went well',
		signal: 'People speak first',
		dueOn: '2026-12-31',
		workshopId
	});
	const people = [];
	for (let i = 0; i < participantCount; i++) {
		people.push(await addParticipant(db, workshopId, i === 0 ? 'Secret Nick' : null));
	}
	await writeVotes(
		db,
		people.map((p, i) => ({
			activityId: activities.rate.id,
			participantId: p.id,
			replaceAll: false,
			answers: valueIds.map((valueId) => ({
				itemId: `${valueId}:current`,
				valueId,
				cardId: null,
				lens: 'current',
				score: (i % 3) + 5
			}))
		}))
	);
	// Two people gave dots: fewer than the minimum group size.
	await writeVotes(
		db,
		people.slice(0, 2).map((p) => ({
			activityId: activities.dots.id,
			participantId: p.id,
			replaceAll: true,
			answers: [{ itemId: `${valueIds[1]}:strategic`, valueId: valueIds[1], cardId: null, lens: 'strategic', score: 5 }]
		}))
	);
	const cardId = await addCard(db, activities.outsider.id, people[0].id, 'We never hear back about ideas');
	// Admission: one device waiting to be let in; three one-time codes, one of them used.
	await addJoinRequest(db, { workshopId, tokenHash: `${label}-waiting`, nickname: 'Waiting Nick' });
	const codes = (await createAccessCodes(db, { workshopId }, 3))!;
	await spendAccessCode(db, { workshopId }, codes[0]);
	await db.insert(upvotes).values(people.slice(1, 4).map((p) => ({ cardId, participantId: p.id })));
	// A review decision on the workshop's proposals (a rejected one writes nothing to the map).
	await db.insert(mapReviewDecisions).values({
		workshopId,
		proposalKey: `${activities.dots.id}:${cardId}`,
		decision: 'rejected',
		destination: 'none',
		cards: 1,
		decidedBy: seeded.userId,
		decidedAt: new Date()
	});

	// Follow-through: a check-in, a verified pulse answered by six with eight printed codes, the
	// board, the alignment matrix.
	await addCheckin(db, { commitmentId: `${label}-commitment`, authorId: leaderId, did: 'Opened the retro', happenedOn: '2026-11-02' });
	await extendCommitment(db, teamId, `${label}-commitment`, { fromDueOn: '2026-12-31', toDueOn: '2027-01-31', reason: 'The retro moved', authorId: leaderId });
	const pulseId = await createPulse(db, {
		teamId,
		opensOn: '2026-11-01',
		closesOn: '2026-11-15',
		cadenceWeeks: 4,
		openQuestion: 'What would you change?',
		withSafety: false,
		verified: true,
		createdBy: seeded.userId
	});
	const items = await listItems(db, pulseId);
	const pulseCodes = (await createAccessCodes(db, { pulseId }, 8))!;
	for (let i = 0; i < 6; i++) {
		await savePulseResponse(db, {
			pulse: { id: pulseId, teamId },
			tokenHash: `${label}-respondent-${i}`,
			scores: new Map(items.map((item) => [item.id, item.kind === 'enps' ? 9 : 4])),
			open: i === 0 ? 'More time for learning' : '',
			accessCode: pulseCodes[i]
		});
	}
	const postId = await addPost(db, { teamId, text: 'Meetings start late', authorHash: `${label}-author` });
	await upvotePost(db, teamId, postId, `${label}-voter-1`);
	await upvotePost(db, teamId, postId, `${label}-voter-2`);
	await addTouchpoint(db, teamId, 'Website');
	const [touchpoint] = await listTouchpoints(db, teamId);
	await judgeCell(db, {
		teamId,
		touchpointId: touchpoint.id,
		valueId: valueIds[0],
		rating: 'partly',
		note: 'Old photos',
		authorId: seeded.userId
	});
	// A reminder sent to the leader about the commitment (src/lib/server/reminders).
	await db.insert(reminders).values({
		id: `${label}-reminder`,
		kind: 'commitment_due',
		subjectId: `${label}-commitment`,
		recipientId: leaderId,
		occasion: '2026-12-31',
		teamId,
		state: 'sent',
		sentAt: new Date()
	});
	// A note on the team's charts (src/lib/server/chart-events).
	await db.insert(chartEvents).values({
		id: `${label}-event`,
		orgId,
		teamId,
		onDate: '2026-02-01',
		label: 'Reorganisation',
		createdBy: seeded.userId
	});
	// A read-only link to the dashboard (src/lib/server/share).
	await createShareLink(db, {
		orgId,
		label: `${label} works council`,
		sections: ['figures', 'teams'],
		includeLeaderScores: false,
		expiresOn: null,
		createdBy: seeded.userId
	});
	return { ...seeded, secondTeam, leaderId, people, cardId, pulseId, pulseCodes };
}

async function countRows(): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of schemaTables()) {
		const [row] = await db.all<{ n: number }>(`select count(*) as n from "${table}"`);
		counts[table] = row.n;
	}
	return counts;
}

const difference = (before: Record<string, number>, after: Record<string, number>) =>
	Object.fromEntries(
		Object.keys(before)
			.filter((t) => before[t] !== after[t])
			.map((t) => [t, after[t] - before[t]])
	);

/** The follow-through tables: all of their rows belong to the team that was filled. */
const FOLLOW_THROUGH = [
	'commitment_checkins',
	'commitment_extensions',
	'pulses',
	'pulse_items',
	'pulse_responses',
	'pulse_answers',
	'pulse_totals',
	'pulse_release_counts',
	'pulse_released_answers',
	'board_posts',
	'board_upvotes',
	'touchpoints',
	'alignment_judgements',
	'reminders',
	'chart_events'
];
const allOf = (counts: Record<string, number>, tables: string[], share = 1) =>
	Object.fromEntries(tables.map((t) => [t, -counts[t] / share]));

describe('the export', () => {
	it('names every table of the schema: exported, or left out with a reason', () => {
		const named = [...Object.keys(EXPORTED), ...Object.keys(NOT_EXPORTED)].sort();
		expect(named).toEqual(schemaTables());
	});

	it("holds all of the organisation's rows, and nothing of another's or of a participant's identity", async () => {
		const mine = await fillOrganisation('mine');
		const theirs = await fillOrganisation('theirs');
		const org = { id: mine.orgId, name: 'Acme', minGroupSize: 5 };
		const data = await exportOrganisation(db, org);

		expect(Object.keys(data.tables).sort()).toEqual(Object.keys(EXPORTED).sort());
		for (const [table, rows] of Object.entries(data.tables)) {
			expect(rows.length, `${table} has rows in the export`).toBeGreaterThan(0);
		}
		expect(data.tables.teams.map((t) => t.id).sort()).toEqual([mine.teamId, mine.secondTeam].sort());
		expect(data.tables.users.map((u) => u.id).sort()).toEqual([mine.leaderId, mine.userId].sort());
		expect(data.tables.culture_elements).toHaveLength(2);
		expect(data.tables.commitments[0]).toMatchObject({ action: 'Open every retro with what went well' });
		expect(data.tables.participants).toEqual([{ workshop_id: mine.workshopId, count: 6 }]);
		expect(data.tables.upvotes).toEqual([{ card_id: mine.cardId, count: 3 }]);
		expect(data.tables.cards[0]).not.toHaveProperty('participant_id');
		// The rating (6 answered) as released counts per score; the dots (2 answered) were never
		// released, and a release with too few people behind it is withheld.
		const released = data.tables.released_counts;
		const rating = released.filter((v) => v.activity_id === mine.activities.rate.id);
		expect(rating.reduce((sum, v) => sum + Number(v.count), 0)).toBe(18);
		expect(rating.every((v) => !('participant_id' in v))).toBe(true);
		expect(released.filter((v) => v.activity_id === mine.activities.dots.id)).toEqual([]);
		expect(data.tables.vote_releases.map((r) => r.respondents)).toEqual([6, 6, 6]);
		await db.run(sql`update vote_releases set respondents = 4`);
		const fewer = (await exportOrganisation(db, org)).tables.released_counts;
		expect(fewer).toHaveLength(3);
		expect(fewer[0]).toMatchObject({ respondents: 4, withheld: 'fewer than 5 answered' });
		expect(data.tables.organisations[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

		const text = JSON.stringify(data);
		const secrets = [
			...mine.people.flatMap((p) => [p.id, p.token]),
			'Secret Nick',
			'$argon2id$secret',
			'mine-session',
			theirs.orgId,
			theirs.teamId,
			theirs.workshopId,
			'theirs@example.org'
		];
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/token_hash|password_hash|code_hash|"nickname"|Waiting Nick/);
		expect(text).not.toContain(mine.pulseCodes[0]);
		expect(data.tables.access_codes).toEqual([
			{ workshop_id: null, pulse_id: mine.pulseId, state: 'unused', count: 2 },
			{ workshop_id: null, pulse_id: mine.pulseId, state: 'used', count: 6 },
			{ workshop_id: mine.workshopId, pulse_id: null, state: 'unused', count: 2 },
			{ workshop_id: mine.workshopId, pulse_id: null, state: 'used', count: 1 }
		]);
	});
});

describe('deleting', () => {
	it('a workshop removes it and everything of it, and nothing else', async () => {
		const mine = await fillOrganisation('mine');
		const before = await countRows();
		expect(await deleteWorkshop(db, mine.secondTeam, mine.workshopId)).toBe(false);
		expect(await countRows()).toEqual(before);

		expect(await deleteWorkshop(db, mine.teamId, mine.workshopId)).toBe(true);
		expect(difference(before, await countRows())).toEqual({
			workshops: -1,
			activities: -4,
			participants: -6,
			votes: -(6 * 3 + 2),
			// Three values rated 5, 6 and 7 by two people each; one score of the dots.
			vote_counts: -(3 * 3 + 1),
			// The ratings were released; the dots of two people wait.
			released_counts: -(3 * 3),
			vote_releases: -3,
			vote_pending: -2,
			// Six people rated, two of them gave dots.
			vote_respondents: -(6 + 2),
			cards: -1,
			upvotes: -3,
			map_review_decisions: -1,
			join_requests: -1,
			access_codes: -3
		});
		// The commitment made in it stays the team's, without the link.
		const [commitment] = await db.select().from(commitments);
		expect(commitment.workshopId).toBeNull();
	});

	it('a team removes it and all it holds, and leaves the other team', async () => {
		const mine = await fillOrganisation('mine');
		const before = await countRows();
		expect(await deleteTeam(db, 'another-org', mine.teamId)).toBe(false);
		expect(await deleteTeam(db, mine.orgId, mine.teamId)).toBe(true);
		expect(difference(before, await countRows())).toEqual({
			teams: -1,
			team_members: -1,
			culture_values: -3,
			value_lenses: -3,
			culture_elements: -1,
			workshops: -1,
			activities: -4,
			participants: -6,
			votes: -20,
			vote_counts: -10,
			released_counts: -9,
			vote_releases: -3,
			vote_pending: -2,
			vote_respondents: -8,
			cards: -1,
			upvotes: -3,
			map_review_decisions: -1,
			join_requests: -1,
			access_codes: -(3 + 8),
			commitments: -1,
			...allOf(before, FOLLOW_THROUGH)
		});
		// The invitation into the team stays the organisation's, now without a team.
		expect((await db.query.invitations.findFirst())?.teamId).toBeNull();
	});

	it("the organisation removes every row of it, keeps the people's accounts, and leaves other organisations whole", async () => {
		const mine = await fillOrganisation('mine');
		await fillOrganisation('theirs');
		const before = await countRows();
		const exported = await exportOrganisation(db, { id: mine.orgId, name: 'Acme', minGroupSize: 5 });

		expect(await deleteOrganisation(db, mine.orgId)).toBe(true);
		const after = await countRows();
		// Exactly what the export held of each table is gone (the participants' and answers'
		// counts stand for their rows); staff accounts and their sessions stay.
		const rowsOf = (table: string) =>
			exported.tables[table].reduce((sum, row) => sum + (typeof row.count === 'number' ? row.count : 1), 0);
		expect(difference(before, after)).toEqual({
			organisations: -1,
			memberships: -rowsOf('memberships'),
			invitations: -rowsOf('invitations'),
			share_links: -1,
			departments: -1,
			teams: -2,
			team_members: -1,
			culture_values: -3,
			value_lenses: -3,
			culture_elements: -2,
			workshops: -1,
			activities: -4,
			participants: -6,
			votes: -20,
			vote_counts: -10,
			released_counts: -9,
			vote_releases: -3,
			vote_pending: -2,
			vote_respondents: -8,
			cards: -1,
			upvotes: -3,
			map_review_decisions: -1,
			join_requests: -1,
			access_codes: -(3 + 8),
			commitments: -1,
			// Two organisations filled alike: half of each.
			...allOf(before, FOLLOW_THROUGH, 2)
		});
		expect(after.users).toBe(before.users);
		const left = await exportOrganisation(db, { id: mine.orgId, name: 'Acme', minGroupSize: 5 });
		expect(Object.values(left.tables).every((rows) => rows.length === 0)).toBe(true);
		expect(await deleteOrganisation(db, mine.orgId)).toBe(false);
	});
});
