import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { withdrawParticipant, writeVotes } from '../workshops/queries';
import {
	countRatings,
	countRespondents,
	listAnswers,
	listValueFacts,
	listVotingActivities,
	sumVotes
} from './queries';
import { loadResults } from './report';
import { analyticsFixture, dots, points, rate, type Fixture } from './testing';

let db: Database;
let close: () => void;
let f: Fixture;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	f = await analyticsFixture(db, {
		minGroupSize: 3,
		values: [{ name: 'Ownership' }, { name: 'Blame', limiting: true }],
		agenda: (values) => [
			{
				kind: 'discuss',
				title: 'Welcome',
				prompt: '',
				config: { kind: 'discuss' }
			},
			rate(values, ['current', 'strategic']),
			dots(values, 'strategic'),
			points(values, 'current')
		]
	});
});
afterEach(() => close());

describe('listVotingActivities', () => {
	it('lists ratings, dots and allocations in agenda order, nothing else', async () => {
		const listed = await listVotingActivities(db, f.workshopId);
		expect(listed.map((a) => a.kind)).toEqual(['rate', 'dot_vote', 'allocate']);
		expect(listed.map((a) => a.id)).toEqual(f.activities.slice(1));
	});
});

describe('countRatings', () => {
	it('counts each score per value and lens as of the item’s last release', async () => {
		const [a, b, c, d, e] = await f.participants(5);
		await f.answer(1, a, { '0:current': 2, '0:strategic': 5 });
		await f.answer(1, b, { '0:current': 2, '0:strategic': 4 });
		await f.answer(1, c, { '0:current': 4 });
		const row = (lens: string, score: number, n: number) => ({
			activityId: f.activities[1],
			valueId: f.values[0],
			lens,
			score,
			n,
			people: 3
		});
		const sorted = async () =>
			(await countRatings(db, [f.activities[1]])).sort(
				(x, y) => x.lens.localeCompare(y.lens) || x.score - y.score
			);
		// The third person released "current"; "strategic" has two answers and waits.
		expect(await sorted()).toEqual([row('current', 2, 2), row('current', 4, 1)]);
		// A re-vote and one more answer are two changes: still the same numbers.
		await f.answer(1, c, { '0:current': 3 });
		await f.answer(1, d, { '0:current': 5 });
		expect(await sorted()).toEqual([row('current', 2, 2), row('current', 4, 1)]);
		// The third change releases them; a re-sent answer changes nothing.
		await f.answer(1, d, { '0:current': 5 });
		await f.answer(1, e, { '0:current': 1, '0:strategic': 4 });
		expect(await sorted()).toEqual([
			...[1, 2, 3, 5].map((score) => ({
				...row('current', score, score === 2 ? 2 : 1),
				people: 5
			})),
			row('strategic', 4, 2),
			row('strategic', 5, 1)
		]);
	});

	it('returns nothing without answers or activities', async () => {
		expect(await countRatings(db, [f.activities[1]])).toEqual([]);
		expect(await countRatings(db, [])).toEqual([]);
	});
});

describe('sumVotes', () => {
	it('adds up dots and points per activity and value, released with enough people', async () => {
		const [a, b, c] = await f.participants(3);
		await f.answer(2, a, { '0:strategic': 2, '1:strategic': 1 });
		await f.answer(2, b, { '0:strategic': 3 });
		await f.answer(2, c, { '0:strategic': 1, '1:strategic': 2 });
		for (const p of [a, b, c]) await f.answer(3, p, { '0:current': 30, '1:current': 70 });
		// Blame's dots come from two people: never released. Its points were released with two
		// people behind them (as if the minimum had been raised since): hidden too.
		await db.run(
			sql`update vote_releases set respondents = 2 where item_id = ${`${f.values[1]}:current`}`
		);
		const rows = await sumVotes(db, [f.activities[2], f.activities[3]], 3);
		const key = (r: { activityId: string; valueId: string }) =>
			`${f.activities.indexOf(r.activityId)} ${f.values.indexOf(r.valueId)}`;
		expect(Object.fromEntries(rows.map((r) => [key(r), r.total]))).toEqual({
			'2 0': 6,
			'3 0': 90
		});
		expect(rows.find((r) => r.activityId === f.activities[3])?.lens).toBe('current');
	});
});

describe('countRespondents', () => {
	it('counts people, not answers, per activity and over all', async () => {
		const [a, b, c] = await f.participants(3);
		await f.answer(1, a, { '0:current': 2, '1:current': 3, '0:strategic': 4 });
		await f.answer(1, b, { '0:current': 5 });
		await f.answer(2, a, { '0:strategic': 3 });
		const ids = f.activities.slice(1);
		const counted = await countRespondents(db, ids);
		expect(counted.all).toBe(2);
		expect(Object.fromEntries(counted.byActivity)).toEqual({
			[ids[0]]: 2,
			[ids[1]]: 1,
			[ids[2]]: 0
		});
		// c joined but never answered; b withdraws and takes the answers along.
		expect(c).toBeTruthy();
		await withdrawParticipant(db, b);
		expect((await countRespondents(db, ids)).all).toBe(1);
	});

	it('is zero for a workshop without answers or activities', async () => {
		expect(await countRespondents(db, f.activities)).toEqual({
			all: 0,
			byActivity: new Map(f.activities.map((id) => [id, 0]))
		});
		expect((await countRespondents(db, [])).all).toBe(0);
	});
});

describe('listValueFacts', () => {
	it('gives names and the limiting flag of the team values only', async () => {
		const facts = await listValueFacts(db, f.teamId, [...f.values, 'elsewhere']);
		expect(facts.map((v) => [v.name, v.limiting])).toEqual([
			['Ownership', false],
			['Blame', true]
		]);
		expect(await listValueFacts(db, 'another-team', f.values)).toEqual([]);
	});
});

describe('listAnswers', () => {
	it('lists one row per answer of the activities asked about', async () => {
		const [a] = await f.participants(1);
		await f.answer(1, a, { '0:current': 2, '1:current': 3 });
		await f.answer(2, a, { '0:strategic': 3 });
		const rows = await listAnswers(db, [f.activities[1]]);
		expect(rows.map((r) => r.score).sort()).toEqual([2, 3]);
		expect(rows.every((r) => r.participantId === a && r.lens === 'current')).toBe(true);
	});
});

const live = () => ({
	id: f.workshopId,
	teamId: f.teamId,
	status: 'live' as const,
	endedAt: null
});

describe('loadResults', () => {
	it('builds the results from the SQL aggregates of a real workshop', async () => {
		const people = await f.participants(3);
		for (const [i, p] of people.entries()) {
			await f.answer(1, p, { '0:current': 2 + i, '0:strategic': 5 });
			await f.answer(2, p, { '0:strategic': 2, '1:strategic': 1 });
		}
		const results = await loadResults(db, live(), 3);
		expect(results.respondents).toBe(3);
		const ownership = results.ratings[0].values[0];
		// Current 2, 3, 4 (mean 3), strategic 5, 5, 5: a strategic gap of 2.
		expect(ownership.byLens.current!.stats!.mean).toBe(3);
		expect(results.ratings[0].strategicGaps).toEqual([
			{ valueId: f.values[0], name: 'Ownership', gap: 2 }
		]);
		// Dots: Ownership 6, Blame 3; a third (33.3 %) on the limiting value: serious.
		const strategic = results.votes.find((v) => v.lens === 'strategic')!;
		expect(strategic.values!.map((v) => v.votes)).toEqual([6, 3]);
		expect(strategic.entropy!.band).toBe('serious');
	});

	it('reads nothing more when the workshop is below the minimum', async () => {
		const [a] = await f.participants(1);
		await f.answer(1, a, { '0:current': 2 });
		const results = await loadResults(db, live(), 3);
		expect(results.tooFew).toEqual({ n: 1, min: 3 });
		expect(results.ratings).toEqual([]);
	});
});

describe('loadResults counts people, not answers', () => {
	it('withholds an item two activities got from the same few people', async () => {
		const twice = await analyticsFixture(db, {
			minGroupSize: 3,
			values: [{ name: 'Ownership' }, { name: 'Blame' }],
			agenda: (values) => [rate(values, ['current']), rate(values, ['current'])]
		});
		const people = await twice.participants(6);
		// Ownership: six people in the first rating (released at the third and the sixth).
		// Blame: the same three in both ratings, six answers from three people.
		for (const p of people) await twice.answer(0, p, { '0:current': 4 });
		for (const p of people.slice(0, 3)) {
			await twice.answer(0, p, { '1:current': 2 });
			await twice.answer(1, p, { '1:current': 1 });
		}
		// The organisation raises its minimum to five.
		const results = await loadResults(db, { id: twice.workshopId, teamId: twice.teamId }, 5);
		const [ownership, blame] = results.ratings[0].values;
		expect(ownership.byLens.current!.stats!.mean).toBe(4);
		expect(blame.byLens.current).toMatchObject({
			stats: null,
			counts: [],
			majority: null,
			tooFew: { n: 3, min: 5 }
		});
	});
});

describe('loadResults of an ended workshop', () => {
	it('follows withdrawals once the minimum of people changed', async () => {
		const people = await f.participants(6);
		const scores = [1, 2, 3, 3, 4, 5];
		for (const [i, p] of people.entries()) await f.answer(1, p, { '0:current': scores[i] });
		const ended = { ...live(), status: 'ended' as const, endedAt: new Date(1_000) };
		const mean = async () =>
			(await loadResults(db, ended, 3)).ratings[0].values[0].byLens.current!.stats!.mean;
		// Released at the third and at the sixth answer: 1, 2, 3, 3, 4, 5.
		expect(await mean()).toBe(3);
		// One withdrawal alone would tell that person's answer: it waits for two more.
		await withdrawParticipant(db, people[0]);
		expect(await mean()).toBe(3);
		await withdrawParticipant(db, people[1]);
		await withdrawParticipant(db, people[2]);
		// 3, 4, 5.
		expect(await mean()).toBe(4);
	});
});

describe('vote_counts and vote_respondents', () => {
	/** What the triggers keep, against a GROUP BY over every answer. */
	async function countsAgreeWithVotes() {
		const people = await db.all<{ a: string; p: string; n: number }>(
			sql`select activity_id a, participant_id p, n from vote_respondents where n > 0 order by a, p`
		);
		const answered = await db.all<{ a: string; p: string; n: number }>(
			sql`select activity_id a, participant_id p, count(*) n from votes group by a, p order by a, p`
		);
		expect(people).toEqual(answered);
		const kept = await db.all<{ a: string; i: string; s: number; n: number }>(
			sql`select activity_id a, item_id i, score s, n from vote_counts where n > 0 order by a, i, s`
		);
		const grouped = await db.all<{ a: string; i: string; s: number; n: number }>(
			sql`select activity_id a, item_id i, score s, count(*) n from votes group by a, i, s order by a, i, s`
		);
		expect(kept).toEqual(grouped);
		return kept.length;
	}

	it('follow every answer stored, changed, replaced as a set or withdrawn', async () => {
		const random = (() => {
			let state = 7;
			return () => (state = (state * 48271) % 2147483647) / 2147483647;
		})();
		const people = await f.participants(12);
		for (let round = 0; round < 6; round++) {
			for (const p of people) {
				await f.answer(1, p, {
					'0:current': 1 + Math.floor(random() * 5),
					'1:strategic': 1 + Math.floor(random() * 5)
				});
				// Dots are a whole set: what is not sent again is gone.
				const valueId = f.values[Math.floor(random() * 2)];
				await writeVotes(db, [
					{
						activityId: f.activities[2],
						participantId: p,
						replaceAll: true,
						answers: [
							{ itemId: valueId, valueId, cardId: null, lens: 'strategic', score: 1 + (round % 3) }
						]
					}
				]);
			}
			await countsAgreeWithVotes();
		}
		await withdrawParticipant(db, people[0]);
		await withdrawParticipant(db, people[5]);
		expect(await countsAgreeWithVotes()).toBeGreaterThan(4);
	});
});
