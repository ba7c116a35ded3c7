import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addPost,
	landOrganisationPosts,
	landWorkshopPosts,
	listPosts,
	triagePost,
	upvotePost
} from '../board/queries';
import { deleteWorkshop } from '../data/queries';
import type { Database } from '../db';
import { boardPosts, workshops } from '../db/schema';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import {
	addActivity,
	addCard,
	addCommitment,
	addParticipant,
	groupCard,
	mergeCards,
	setCardHidden,
	upvoteCard,
	withdrawParticipant
} from '../workshops/queries';
import { BOM, toCsv, type Cell } from './csv';
import { TEXT_HEADER, textJson, textTable } from './exports';
import { loadWorkshopTexts } from './texts';

/** Reads the file back as a spreadsheet would (RFC 4180): one object per row, by header. */
function parseCsv(rows: Cell[][], header: string[]): Record<string, string>[] {
	const file = toCsv(header, rows);
	expect(file.startsWith(BOM)).toBe(true);
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	const body = file.slice(BOM.length);
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') {
			expect(field).toBe(''); // a quote only opens a field
			quoted = true;
		} else if (c === ',') {
			record.push(field);
			field = '';
		} else if (c === '\r' && body[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i++;
		} else field += c;
	}
	expect(quoted).toBe(false);
	const [head, ...data] = records;
	expect(head).toEqual(header);
	for (const r of data) expect(r).toHaveLength(header.length);
	return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 3, minGroupSize: 3 });
});
afterEach(() => close());

const people = (n: number) =>
	Promise.all(
		Array.from(
			{ length: n },
			async (_, i) => (await addParticipant(db, seeded.workshopId, `Nick${i}`)).id
		)
	);
const end = () =>
	db.update(workshops).set({ status: 'ended' }).where(eq(workshops.id, seeded.workshopId));
const texts = () => loadWorkshopTexts(db, { id: seeded.workshopId, teamId: seeded.teamId }, 3);
const byId = async (id: string) => (await texts()).activities.find((a) => a.id === id)!;

describe('what the room wrote, for staff', () => {
	it('shows every card under its group, ordered by group then alphabetically, with no author', async () => {
		const [ann, bob, cas] = await people(3);
		const collect = seeded.activities.collect.id;
		// Written in this order; the page must not keep it.
		const zebra = await addCard(db, collect, ann, 'Zebra crossings');
		await addCard(db, collect, bob, 'apples');
		const trust = await addCard(db, collect, cas, 'Trust');
		const trust2 = await addCard(db, collect, ann, 'trust each other');
		const rude = await addCard(db, collect, bob, 'Something rude');
		await groupCard(db, collect, trust, seeded.valueIds[1]);
		await groupCard(db, collect, zebra, seeded.valueIds[0]);
		await mergeCards(db, collect, trust, [trust2]);
		await setCardHidden(db, collect, rude, true);

		const a = await byId(collect);
		expect(a).toMatchObject({ people: 3, cards: 4, hidden: 1, tooFew: null });
		expect(a.groups).toEqual([
			{
				valueId: seeded.valueIds[0],
				name: 'Value 1',
				cards: [{ text: 'Zebra crossings', support: null, duplicates: [] }]
			},
			{
				valueId: seeded.valueIds[1],
				name: 'Value 2',
				cards: [{ text: 'Trust', support: null, duplicates: ['trust each other'] }]
			},
			{ valueId: null, name: null, cards: [{ text: 'apples', support: null, duplicates: [] }] }
		]);
		const json = JSON.stringify(await texts());
		for (const secret of [ann, bob, cas, 'Nick0', 'Something rude', 'createdAt', 'participant']) {
			expect(json).not.toContain(secret);
		}
	});

	it('withholds an activity that fewer than the minimum of distinct people wrote, however many cards', async () => {
		const [ann, bob, cas] = await people(3);
		const collect = seeded.activities.collect.id;
		for (let i = 0; i < 20; i++) await addCard(db, collect, ann, `Card ${i}`);
		await addCard(db, collect, bob, 'Bob says');
		// A third person whose only card is hidden is not behind any text shown.
		const hidden = await addCard(db, collect, cas, 'Hidden');
		await setCardHidden(db, collect, hidden, true);
		const a = await byId(collect);
		expect(a).toMatchObject({
			people: 2,
			cards: 21,
			hidden: 1,
			tooFew: { n: 2, min: 3 },
			groups: []
		});
		expect(JSON.stringify(a)).not.toContain('Card 1');

		const csv = parseCsv(textTable(await texts()), TEXT_HEADER);
		expect(csv).toContainEqual(
			expect.objectContaining({ kind: 'collect', status: 'withheld', people: '2', cards: '21' })
		);
		expect(csv.some((r) => r.text.startsWith('Card'))).toBe(false);

		await setCardHidden(db, collect, hidden, false);
		expect((await byId(collect)).tooFew).toBeNull();
	});

	it('orders outsider posts by distinct supporters, duplicates folded in', async () => {
		const [ann, bob, cas, dee] = await people(4);
		const outsider = seeded.activities.outsider.id;
		const late = await addCard(db, outsider, ann, 'Nobody answers the phone');
		const copy = await addCard(db, outsider, bob, 'nobody picks up');
		const other = await addCard(db, outsider, cas, 'A ticket portal');
		await upvoteCard(db, late, cas);
		await upvoteCard(db, copy, cas); // the same person on both copies: one supporter
		await upvoteCard(db, copy, dee);
		await upvoteCard(db, other, dee);
		await mergeCards(db, outsider, late, [copy]);
		const a = await byId(outsider);
		expect(a.groups[0].cards).toEqual([
			{ text: 'Nobody answers the phone', support: 2, duplicates: ['nobody picks up'] },
			{ text: 'A ticket portal', support: 1, duplicates: [] }
		]);
		const json = textJson({ id: 'w', title: 'W' }, await texts());
		expect(JSON.stringify(json)).not.toMatch(/participant|nick|author|createdAt/i);
	});

	it('keeps 1,000 cards of 280 characters, emoji and right-to-left text intact in the CSV', async () => {
		const writers = await people(5);
		const collect = seeded.activities.collect.id;
		const long = 'x'.repeat(279) + '"';
		const odd = ['=HYPERLINK("http://evil")', 'שלום עולם, "ציטוט"', '🔥 teamwork 👩🏽‍💻', long];
		for (let i = 0; i < 1000; i++) {
			await addCard(db, collect, writers[i % 5], i < odd.length ? odd[i] : `card ${i}\nline two`);
		}
		const rows = parseCsv(textTable(await texts()), TEXT_HEADER);
		const shown = rows.filter((r) => r.kind === 'collect' && r.status === 'shown');
		expect(shown).toHaveLength(1000);
		expect(shown.map((r) => r.text)).toEqual(
			expect.arrayContaining([
				'\'=HYPERLINK("http://evil")',
				'שלום עולם, "ציטוט"',
				'🔥 teamwork 👩🏽‍💻',
				long,
				'card 999\nline two'
			])
		);
	});
});

describe('commitments and discussions', () => {
	it('lists the leaders’ commitments by name and each discussion’s question, in both files', async () => {
		await addCommitment(db, {
			teamId: seeded.teamId,
			workshopId: seeded.workshopId,
			leaderId: seeded.userId,
			valueId: seeded.valueIds[0],
			action: 'Open every meeting with the numbers',
			signal: 'Minutes start with them',
			dueOn: '2027-01-31'
		});
		await addActivity(db, seeded.workshopId, {
			kind: 'discuss',
			title: 'Safe to speak up',
			prompt: 'When did you last disagree?',
			config: { kind: 'discuss' }
		});
		const all = await texts();
		expect(all.commitments).toEqual([
			expect.objectContaining({
				valueName: 'Value 1',
				leaderName: 'Facilitator',
				action: 'Open every meeting with the numbers',
				status: 'open'
			})
		]);
		expect(all.activities.at(-1)).toMatchObject({ kind: 'discuss', tooFew: null, groups: [] });
		const csv = parseCsv(textTable(all), TEXT_HEADER);
		expect(csv).toContainEqual(
			expect.objectContaining({
				kind: 'commitment',
				group: 'Value 1',
				text: 'Open every meeting with the numbers',
				signal: 'Minutes start with them',
				due_on: '2027-01-31',
				leader: 'Facilitator',
				status: 'open'
			})
		);
		expect(csv).toContainEqual(
			expect.objectContaining({
				kind: 'discuss',
				status: 'prompt',
				text: 'When did you last disagree?'
			})
		);
		expect(textJson({ id: 'w', title: 'W' }, all).commitments).toEqual([
			expect.objectContaining({ leaderName: 'Facilitator', dueOn: '2027-01-31' })
		]);
	});
});

describe('outsider posts land on the team board', () => {
	it('once per standing post, with room support, hidden ones hidden, and only after the end', async () => {
		const [ann, bob, cas] = await people(3);
		const outsider = seeded.activities.outsider.id;
		const a = await addCard(db, outsider, ann, 'Nobody answers the phone');
		const dup = await addCard(db, outsider, bob, 'nobody picks up');
		const b = await addCard(db, outsider, cas, 'Rude words');
		await upvoteCard(db, a, bob);
		await upvoteCard(db, a, cas);
		await mergeCards(db, outsider, a, [dup]);
		await setCardHidden(db, outsider, b, true);

		expect(await landWorkshopPosts(db, seeded.workshopId, 3)).toBe(0); // not ended yet
		await end();
		// Two of three wrote what is shown (the third's only post is hidden): below 3, nothing lands.
		expect(await landWorkshopPosts(db, seeded.workshopId, 3)).toBe(0);
		expect(await landWorkshopPosts(db, seeded.workshopId, 2)).toBe(2);

		const staff = await listPosts(db, seeded.teamId, { includeHidden: true });
		expect(staff.map((p) => [p.text, p.upvotes, p.hidden, p.fromWorkshop])).toEqual([
			['Nobody answers the phone', 2, false, 'Kick-off'],
			['Rude words', 0, true, 'Kick-off']
		]);
		expect(await listPosts(db, seeded.teamId, { includeHidden: false })).toHaveLength(1);
		const stored = await db.select().from(boardPosts);
		expect(stored.every((p) => p.authorHash === null)).toBe(true);

		// Triaged, then landed again (twice at once): nothing added, the triage kept.
		const post = staff[0];
		await triagePost(db, seeded.teamId, post.id, {
			status: 'acting',
			answer: 'A rota',
			hidden: false
		});
		const again = await Promise.all([
			landWorkshopPosts(db, seeded.workshopId, 2),
			landOrganisationPosts(db, seeded.orgId, 2)
		]);
		expect(again).toEqual([0, 0]);
		const after = await listPosts(db, seeded.teamId, { includeHidden: true });
		expect(after).toHaveLength(2);
		expect(after[0]).toMatchObject({ status: 'acting', answer: 'A rota', upvotes: 2 });
	});

	it('follow the room: a withdrawal takes its post or its support away, a deleted workshop its posts', async () => {
		const [ann, bob, cas, dee] = await people(4);
		const outsider = seeded.activities.outsider.id;
		const a = await addCard(db, outsider, ann, 'Nobody answers the phone');
		await addCard(db, outsider, bob, 'A ticket portal');
		await addCard(db, outsider, cas, 'Invoices arrive late');
		await upvoteCard(db, a, bob);
		await upvoteCard(db, a, dee);
		await end();
		expect(await landWorkshopPosts(db, seeded.workshopId, 3)).toBe(3);
		await upvotePost(
			db,
			seeded.teamId,
			(await listPosts(db, seeded.teamId, { includeHidden: false }))[0].id,
			'staff'
		);
		const support = async () =>
			new Map(
				(await listPosts(db, seeded.teamId, { includeHidden: true })).map((p) => [
					p.text,
					p.upvotes
				])
			);
		expect(await support()).toEqual(
			new Map([
				['Nobody answers the phone', 3],
				['A ticket portal', 0],
				['Invoices arrive late', 0]
			])
		);
		await withdrawParticipant(db, dee); // only upvoted: the support drops
		await withdrawParticipant(db, bob); // wrote a post and upvoted: both go
		// Left: the staff member's upvote on the board.
		expect(await support()).toEqual(
			new Map([
				['Nobody answers the phone', 1],
				['Invoices arrive late', 0]
			])
		);
		expect(await landWorkshopPosts(db, seeded.workshopId, 2)).toBe(0);
		const own = await addPost(db, {
			teamId: seeded.teamId,
			text: 'The board’s own',
			authorHash: null
		});
		expect(await deleteWorkshop(db, seeded.teamId, seeded.workshopId)).toBe(true);
		expect((await listPosts(db, seeded.teamId, { includeHidden: true })).map((p) => p.id)).toEqual([
			own
		]);
	});
});
