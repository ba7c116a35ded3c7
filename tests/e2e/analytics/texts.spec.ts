import { createClient } from '@libsql/client';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm, postJson } from '../requests';
import { DB } from '../trust/room';
import { startedWorkshop, query } from '../workshops/started-workshop';
import { ResultsPage } from './ResultsPage';

/**
 * Nothing is lost (issue 11): after a workshop with collect and outsider activities answered
 * by five phones over HTTP and ended on the console, every card and post is on the results
 * page, the report and both text exports, outsider posts with the distinct people who
 * supported them; an activity that only two people wrote in is withheld with the reason; and
 * the posts are on the team's board, where they are triaged and answered. No author, nickname
 * or participant id anywhere.
 */

const LONG = `Meetings, meetings: ${'we plan the plan again and again '.repeat(9)}`.slice(0, 280);
const RTL = 'שלום, "שקיפות" היא ערך';
const CURRENT = ['Heroics at night 🌙', RTL, '=SUM(A1:A9)', LONG, 'heroics at night', 'Blame'];
const OUTSIDER = [
	'Nobody answers the phone',
	'A ticket portal would help',
	'Invoices arrive late',
	'Great coffee ☕',
	'nobody picks up the phone'
];

/** An RFC 4180 file's rows as objects (quoted commas, quotes and line breaks included). */
function parseCsv(file: string): Record<string, string>[] {
	expect(file.startsWith('\uFEFF')).toBe(true);
	const body = file.slice(1);
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
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
	const [header, ...rows] = records;
	for (const row of rows) expect(row).toHaveLength(header.length);
	return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

test('every card and post of an ended workshop is readable by staff; too few writers, withheld', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const room = await startedWorkshop(playwright.request, origin, 'Nothing lost', {
		values: ['Candour']
	});
	const { id, url, owner, staff, teamId, teamPath, title, find, pace, write, phones } = room;
	const assumed = find('collect', 'assumed');
	const current = find('collect', 'current');
	const outsider = find('outsider');
	const [candour] = await query<{ id: string }>('select id from culture_values where team_id = ?', [
		teamId
	]);
	const consoleForm = async (action: string, form: Record<string, string>) =>
		expectStatus(await postForm(staff, origin, `${url}/console?/${action}`, form), 200, action);

	const cardIds = async (activityId: string) =>
		new Map(
			(
				await query<{ id: string; text: string }>(
					'select id, text from cards where activity_id = ?',
					[activityId]
				)
			).map((c) => [c.text, c.id])
		);

	// Two people only describe the assumed culture: below the minimum of 5.
	await pace({ type: 'goto', index: assumed.position });
	await write(0, assumed.id, 'We are open');
	await write(1, assumed.id, 'We are fast');

	await pace({ type: 'goto', index: current.position });
	for (const [i, text] of CURRENT.entries()) await write(i % 5, current.id, text);
	const currentCards = await cardIds(current.id);
	await consoleForm('groupCard', {
		activityId: current.id,
		cardId: currentCards.get('Blame')!,
		valueId: candour.id
	});
	await consoleForm('mergeCards', {
		activityId: current.id,
		cardIds: `${currentCards.get(CURRENT[0])},${currentCards.get(CURRENT[4])}`
	});

	await pace({ type: 'goto', index: outsider.position });
	for (const [i, text] of OUTSIDER.entries()) await write(i, outsider.id, text);
	await write(2, outsider.id, 'Something rude');
	const posts = await cardIds(outsider.id);
	const upvote = async (who: number, text: string) =>
		expectStatus(
			await postForm(phones[who], origin, `/w/${id}?/upvote`, {
				activityId: outsider.id,
				cardId: posts.get(text)!
			}),
			303,
			`upvoting ${text}`
		);
	// Phone 1, 2, 3 support the post; 1, 2, 3 and 0 its duplicate: four distinct people.
	for (const who of [1, 2, 3]) await upvote(who, OUTSIDER[0]);
	for (const who of [1, 2, 3, 0]) await upvote(who, OUTSIDER[4]);
	await upvote(0, OUTSIDER[1]);
	await consoleForm('mergeCards', {
		activityId: outsider.id,
		cardIds: `${posts.get(OUTSIDER[0])},${posts.get(OUTSIDER[4])}`
	});
	await consoleForm('hideCard', { activityId: outsider.id, cardId: posts.get('Something rude')! });
	await consoleForm('pace', { command: 'end' });
	await room.dispose();

	// The results page.
	await signInContext(page.context(), origin, owner);
	await page.goto(`${url}/results`);
	const section = page.getByRole('region', { name: t('texts_title') });
	await expect(section).toBeVisible();
	const activity = (name: RegExp): Locator => section.getByRole('region', { name });
	const assumedBox = activity(/What we say we are/);
	await expect(assumedBox).toContainText(t('texts_withheld', { min: 5, n: 2 }));
	await expect(assumedBox).not.toContainText('We are open');
	const currentBox = activity(/What really happens/);
	await expect(currentBox).toContainText(t('texts_counts', { cards: 6, people: 5 }));
	await expect(currentBox.getByRole('heading', { name: 'Candour' })).toBeVisible();
	for (const text of CURRENT) await expect(currentBox).toContainText(text);
	await expect(currentBox).toContainText(`${t('texts_duplicates')}: ${CURRENT[4]}`);
	const outsiderBox = activity(/Listen to the outsiders/);
	const items = outsiderBox.getByRole('listitem');
	await expect(items).toHaveCount(4);
	await expect(items.nth(0)).toContainText(OUTSIDER[0]);
	await expect(items.nth(0)).toContainText(t('texts_support', { count: 4 }));
	await expect(items.nth(0)).toContainText(OUTSIDER[4]);
	await expect(items.nth(1)).toContainText(OUTSIDER[1]);
	await expect(items.nth(1)).toContainText(t('texts_support', { count: 1 }));
	await expect(items.nth(2)).toContainText('Great coffee ☕');
	await expect(items.nth(3)).toContainText(OUTSIDER[2]);
	await expect(outsiderBox).toContainText(t('texts_hidden', { count: 1 }));
	await expect(outsiderBox).not.toContainText('Something rude');
	await expect(section).not.toContainText('Nick');
	mkdirSync('tests/.output/screenshots', { recursive: true });
	await section.screenshot({ path: 'tests/.output/screenshots/results-texts.png' });

	// Both exports: every text, the withheld activity with its reason, no author.
	const results = new ResultsPage(page);
	const csvFile = readFileSync(await (await results.download('texts', 'CSV')).path(), 'utf8');
	const csv = parseCsv(csvFile);
	const shown = (activityTitle: string) =>
		csv.filter((r) => r.activity_title === activityTitle && r.status === 'shown');
	expect(shown('What really happens').map((r) => r.text)).toEqual(
		expect.arrayContaining(['Heroics at night 🌙', RTL, "'=SUM(A1:A9)", LONG, 'Blame'])
	);
	expect(csv).toContainEqual(
		expect.objectContaining({ status: 'duplicate', text: 'heroics at night' })
	);
	expect(csv.find((r) => r.text === 'Blame')!.group).toBe('Candour');
	expect(shown('Listen to the outsiders').map((r) => [r.text, r.support])).toEqual([
		[OUTSIDER[0], '4'],
		[OUTSIDER[1], '1'],
		['Great coffee ☕', '0'],
		[OUTSIDER[2], '0']
	]);
	expect(csv).toContainEqual(
		expect.objectContaining({
			activity_title: 'What we say we are',
			status: 'withheld',
			people: '2'
		})
	);
	const json = readFileSync(await (await results.download('texts', 'JSON')).path(), 'utf8');
	const parsed = JSON.parse(json);
	const outsiderJson = parsed.activities.find((a: { kind: string }) => a.kind === 'outsider');
	expect(outsiderJson.groups[0].cards[0]).toEqual({
		text: OUTSIDER[0],
		support: 4,
		duplicates: [OUTSIDER[4]]
	});
	expect(
		parsed.activities.find((a: { title: string }) => a.title === 'What we say we are').withheld
	).toEqual({ reason: 'below_minimum', people: 2, min: 5 });
	const participants = await query<{ id: string }>(
		'select id from participants where workshop_id = ?',
		[id]
	);
	for (const file of [csvFile, json]) {
		expect(file).not.toContain('Nick');
		expect(file).not.toContain('Something rude');
		expect(file).not.toContain('We are open');
		for (const p of participants) expect(file).not.toContain(p.id);
	}

	// The report, as it prints.
	await page.goto(`${url}/report`);
	const report = page.getByRole('region', { name: t('texts_title') });
	for (const text of [...CURRENT, ...OUTSIDER]) await expect(report).toContainText(text);
	await expect(report).toContainText(t('texts_withheld', { min: 5, n: 2 }));
	await page.emulateMedia({ media: 'print' });
	await report.screenshot({ path: 'tests/.output/screenshots/report-texts.png' });
	await page.emulateMedia({ media: 'screen' });

	// The team's board: the posts, once each, with their support; triaged and answered there.
	await page.goto(`${teamPath}/board`);
	const board = page.getByRole('article');
	await expect(board.filter({ hasText: OUTSIDER[0] })).toHaveCount(1);
	await expect(board.filter({ hasText: OUTSIDER[0] })).toContainText(
		t('follow_board_upvotes', { count: 4 })
	);
	await expect(board.filter({ hasText: OUTSIDER[0] })).toContainText(
		t('follow_board_from_workshop', { title })
	);
	await expect(board.filter({ hasText: 'Something rude' })).toContainText(t('follow_board_hidden'));
	await expect(board.filter({ hasText: OUTSIDER[4] })).toHaveCount(0);
	const [landed] = await query<{ id: string; author_hash: string | null }>(
		'select id, author_hash from board_posts where team_id = ? and text = ?',
		[teamId, OUTSIDER[0]]
	);
	expect(landed.author_hash).toBeNull();
	expectStatus(
		await postForm(staff, origin, `${teamPath}/board?/triage`, {
			postId: landed.id,
			status: 'acting',
			answer: 'A phone rota from May.'
		}),
		200,
		'triaging'
	);
	await page.reload();
	await expect(board.filter({ hasText: OUTSIDER[0] })).toContainText('A phone rota from May.');
	await page.screenshot({
		path: 'tests/.output/screenshots/board-from-workshop.png',
		fullPage: true
	});
});

test('1,000 cards of 280 characters and 300 posts: the pages, the files and the board hold', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const { id, url, owner, staff, teamId, find, dispose } = await startedWorkshop(
		playwright.request,
		origin,
		'Bulk',
		{ phones: 0 }
	);
	const current = find('collect', 'current');
	const outsider = find('outsider');
	// Written straight into the database: the rate limits would take minutes over HTTP.
	const client = createClient({ url: DB, timeout: 5000 });
	const people = Array.from({ length: 7 }, () => crypto.randomUUID());
	const card = (i: number) =>
		`${i} ${['🔥', 'שלום', 'مرحبا', '=1+1', '"quoted", comma'][i % 5]} `.padEnd(280, 'abc xyz ');
	await client.batch(
		[
			...people.map((p) => ({
				sql: 'insert into participants (id, workshop_id, token_hash) values (?, ?, ?)',
				args: [p, id, crypto.randomUUID()]
			})),
			...Array.from({ length: 1000 }, (_, i) => ({
				sql: 'insert into cards (id, activity_id, participant_id, text) values (?, ?, ?, ?)',
				args: [crypto.randomUUID(), current.id, people[i % 7], card(i)]
			})),
			...Array.from({ length: 300 }, (_, i) => ({
				sql: 'insert into cards (id, activity_id, participant_id, text) values (?, ?, ?, ?)',
				args: [crypto.randomUUID(), outsider.id, people[i % 7], `post ${card(i)}`.slice(0, 280)]
			}))
		],
		'write'
	);
	client.close();
	// Ended through the JSON door: the posts land on the board from there too.
	expectStatus(await postJson(staff, origin, `/live/${id}/pace`, { type: 'end' }), 200, 'end');
	await dispose();

	await signInContext(page.context(), origin, owner);
	const started = Date.now();
	const response = await page.goto(`${url}/results`);
	const loaded = Date.now() - started;
	expect(response?.status()).toBe(200);
	const section = page.getByRole('region', { name: t('texts_title') });
	const currentBox = section.getByRole('region', { name: /What really happens/ });
	await expect(currentBox.getByRole('listitem')).toHaveCount(1000);
	await expect(
		section.getByRole('region', { name: /Listen to the outsiders/ }).getByRole('listitem')
	).toHaveCount(300);
	// Nothing spills out of the page sideways.
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	const report = await page.goto(`${url}/report`);
	expect(report?.status()).toBe(200);
	await expect(
		page.getByRole('region', { name: t('texts_title') }).getByRole('listitem')
	).toHaveCount(1300);

	const csvAnswer = await page.request.get(`${url}/results/export?format=csv&kind=texts`);
	expect(csvAnswer.status()).toBe(200);
	const csv = parseCsv(await csvAnswer.text());
	expect(csv.filter((r) => r.status === 'shown')).toHaveLength(1300);
	const json = await (
		await page.request.get(`${url}/results/export?format=json&kind=texts`)
	).json();
	expect(json.activities.find((a: { kind: string }) => a.kind === 'outsider').cards).toBe(300);

	await page.goto(`/o/${owner.orgId}/t/${teamId}/board`);
	await expect(page.getByRole('article')).toHaveCount(300);
	console.log(`results page with 1,300 texts: ${loaded} ms`);
});
