import { createClient } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { DB } from '../trust/room';
import { startedWorkshop } from './started-workshop';

/**
 * The word cloud (issue 11, item 4): phones write cards, the projector draws the words they
 * use as an SVG cloud with the same words in a table for screen readers; a new card grows a word
 * while the others stay where they were; no two words' boxes overlap and none is cut off at
 * 1920×1080 and 1280×720; the results page shows a cloud per activity, none for an activity
 * too few wrote in. Bad input: 1,000 cards with emoji, right-to-left text and 280 characters.
 */

const CURRENT = [
	'Too many meetings',
	'Meetings without an agenda',
	'Vergaderingen lopen altijd uit',
	'Feedback comes too late',
	'Nobody asks for feedback',
	'Blame when things go wrong',
	'De schuld ligt altijd bij een ander',
	'Heroics at night 🌙',
	'Deadlines over weekends',
	'Management decides alone',
	'Weinig vertrouwen in het team',
	'Trust is earned slowly',
	'Meetings eat the whole week',
	'Snelle beslissingen, weinig overleg',
	'Customers first, always',
	'Overtime is normal',
	'Nobody celebrates success',
	'Trust the process? Nobody does',
	'Deadlines are sacred',
	'Management by email',
	'Klanten klagen over de snelheid',
	'Silos between teams',
	'Teams compete for budget',
	'Overleg zonder besluit',
	'Feedback only in the yearly review'
];
const OUTSIDER = ['Nobody answers the phone', 'Invoices arrive late', 'The phone rings forever'];

interface WordBox {
	word: string;
	count: number;
	transform: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** Every drawn word: its place (the transform it was given) and its box on the screen. */
async function wordBoxes(cloud: Locator): Promise<WordBox[]> {
	return cloud.locator('text[data-word]').evaluateAll((texts) =>
		texts.map((el) => {
			const r = el.getBoundingClientRect();
			return {
				word: el.getAttribute('data-word')!,
				count: Number(el.getAttribute('data-count')),
				transform: (el as SVGTextElement).style.transform,
				left: r.left,
				top: r.top,
				right: r.right,
				bottom: r.bottom
			};
		})
	);
}

/** No two words' boxes overlap, and every box lies inside the cloud and the window. */
async function expectNeatCloud(page: Page, cloud: Locator) {
	const boxes = await wordBoxes(cloud);
	expect(boxes.length).toBeGreaterThan(0);
	const frame = (await cloud.boundingBox())!;
	const viewport = page.viewportSize()!;
	const EPS = 0.5;
	for (const b of boxes) {
		expect(b.left, `${b.word} cut off at the left`).toBeGreaterThanOrEqual(frame.x - EPS);
		expect(b.top, `${b.word} cut off at the top`).toBeGreaterThanOrEqual(frame.y - EPS);
		expect(b.right, `${b.word} cut off at the right`).toBeLessThanOrEqual(
			Math.min(frame.x + frame.width, viewport.width) + EPS
		);
		expect(b.bottom, `${b.word} cut off at the bottom`).toBeLessThanOrEqual(
			Math.min(frame.y + frame.height, viewport.height) + EPS
		);
	}
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			const overlap =
				Math.min(a.right, b.right) - Math.max(a.left, b.left) > EPS &&
				Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > EPS;
			expect(overlap, `${a.word} overlaps ${b.word}`).toBe(false);
		}
	}
	return boxes;
}

/** The words drawn are the words of the table, with the same counts. */
async function expectTableOfCloud(cloud: Locator, table: Locator) {
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
	const inTable = new Map(rows.map(([word, count]) => [word, Number(count.replace(/\D/g, ''))]));
	const drawn = await wordBoxes(cloud);
	for (const w of drawn) expect(inTable.get(w.word), w.word).toBe(w.count);
	return inTable;
}

test.describe('the word cloud', () => {
	test('grows live on the projector, keeps words in place, and is on the results page', async ({
		page,
		playwright,
		baseURL
	}) => {
		test.slow();
		const origin = baseURL!;
		const room = await startedWorkshop(playwright.request, origin, 'Cloud');
		const assumed = room.find('collect', 'assumed');
		const current = room.find('collect', 'current');
		const outsider = room.find('outsider');

		// Two people only describe the assumed culture: below the minimum of 5.
		await room.pace({ type: 'goto', index: assumed.position });
		await room.write(0, assumed.id, 'We are open');
		await room.write(1, assumed.id, 'We are fast');
		await room.pace({ type: 'goto', index: current.position });
		for (const [i, text] of CURRENT.entries()) await room.write(i % 5, current.id, text);
		await room.pace({ type: 'reveal' });

		await signInContext(page.context(), origin, room.owner);
		const failures: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
		});
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.setViewportSize({ width: 1920, height: 1080 });
		await page.goto(`/present/${room.id}`);
		await waitForHydration(page);
		// 25 cards read well as cards; the facilitator switches to the cloud.
		await expect(page.getByRole('listitem').filter({ hasText: CURRENT[0] })).toBeVisible();
		await page.getByRole('button', { name: t('cloud_show_cloud') }).click();
		const cloud = page.getByTestId('word-cloud');
		const table = page.getByTestId('word-cloud-table');
		await expect(cloud.locator('text[data-word="Meetings"]')).toHaveAttribute('data-count', '3');
		await expect(table).toHaveAccessibleName(t('cloud_caption', { cards: 25 }));
		const inTable = await expectTableOfCloud(cloud, table);
		expect(inTable.get('Meetings')).toBe(3);
		expect(inTable.get('Feedback')).toBe(3);
		expect(inTable.has('the')).toBe(false);
		expect(inTable.has('altijd')).toBe(false);
		const before = await expectNeatCloud(page, cloud);
		expect(before.map((b) => b.word)).toEqual(
			expect.arrayContaining(['Meetings', 'Trust', 'Blame'])
		);
		// Legible from the back: the smallest word is at least 20 px at 1080p.
		const sizes = await cloud
			.locator('text')
			.evaluateAll((texts) => texts.map((el) => parseFloat(getComputedStyle(el).fontSize)));
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);

		mkdirSync('docs/screenshots', { recursive: true });
		mkdirSync('tests/.output/screenshots', { recursive: true });
		await page.screenshot({ path: 'docs/screenshots/word-cloud.png' });

		// A new card: "Trust" grows from 2 to 3 cards; every other word stays where it was.
		const trustBefore = before.find((b) => b.word === 'Trust')!;
		await room.write(2, current.id, 'Trust takes patience');
		await expect(cloud.locator('text[data-word="Trust"]')).toHaveAttribute('data-count', '3');
		const after = await expectNeatCloud(page, cloud);
		const trustAfter = after.find((b) => b.word === 'Trust')!;
		expect(trustAfter.bottom - trustAfter.top).toBeGreaterThan(
			trustBefore.bottom - trustBefore.top
		);
		const placeBefore = new Map(before.map((b) => [b.word, b.transform]));
		for (const b of after) {
			if (b.word === 'Trust' || !placeBefore.has(b.word)) continue;
			expect(b.transform, `${b.word} moved`).toBe(placeBefore.get(b.word));
		}
		expect(after.map((b) => b.word)).toContain('patience');
		await expectTableOfCloud(cloud, table);

		// A smaller projector: laid out again, still nothing overlapping or cut off.
		await page.setViewportSize({ width: 1280, height: 720 });
		await expect
			.poll(async () => (await cloud.boundingBox())!.width, { message: 'the cloud follows' })
			.toBeLessThan(1280);
		await expect
			.poll(async () => Number(await cloud.getAttribute('width')))
			.toBeLessThanOrEqual(1280);
		await expectNeatCloud(page, cloud);
		await page.setViewportSize({ width: 1920, height: 1080 });

		// The outsider voice: its board in the cloud too, then the workshop ends.
		await room.pace({ type: 'goto', index: outsider.position });
		for (const [i, text] of OUTSIDER.entries()) await room.write(i, outsider.id, text);
		await room.write(3, outsider.id, 'Late invoices, again');
		await room.write(4, outsider.id, 'A phone nobody picks up');
		await room.pace({ type: 'reveal' });
		await expect(page.getByRole('heading', { name: /Listen to the outsiders/ })).toBeVisible();
		await page.getByRole('button', { name: t('cloud_show_cloud') }).click();
		await expect(cloud.locator('text[data-word="phone"]')).toHaveAttribute('data-count', '3');
		await expectNeatCloud(page, cloud);
		await room.pace({ type: 'end' });
		await room.dispose();

		// The results page: a cloud per activity with enough writers, the reason for the other.
		await page.goto(`${room.url}/results`);
		const section = page.getByRole('region', { name: t('cloud_results_title') });
		await expect(section).toBeVisible();
		const activity = (name: RegExp): Locator => section.getByRole('region', { name });
		await expect(activity(/What we say we are/)).toContainText(
			t('cloud_results_withheld', { min: 5, n: 2 })
		);
		await expect(activity(/What we say we are/).getByTestId('word-cloud')).toHaveCount(0);
		for (const [name, word, count] of [
			[/What really happens/, 'Trust', '3'],
			[/Listen to the outsiders/, 'phone', '3']
		] as const) {
			const box = activity(name);
			const resultsCloud = box.getByTestId('word-cloud');
			await expect(resultsCloud.locator(`text[data-word="${word}"]`)).toHaveAttribute(
				'data-count',
				count
			);
			await expectTableOfCloud(resultsCloud, box.getByTestId('word-cloud-table'));
			await resultsCloud.scrollIntoViewIfNeeded();
			await expectNeatCloud(page, resultsCloud);
		}
		await section.screenshot({ path: 'tests/.output/screenshots/results-word-clouds.png' });
		expect(failures).toEqual([]);
	});

	test('1,000 cards with emoji, right-to-left text and 280 characters: no 5xx, no layout break', async ({
		page,
		playwright,
		baseURL
	}) => {
		test.slow();
		const origin = baseURL!;
		const room = await startedWorkshop(playwright.request, origin, 'Cloud load');
		const current = room.find('collect', 'current');
		await room.pace({ type: 'goto', index: current.position });
		// Five people write through the app (the results need five writers), 995 cards are put
		// straight into the database (one person may write only 30).
		for (let i = 0; i < 4; i++) await room.write(i, current.id, `Card of phone ${i}`);
		const long = `Meetings ${'overleg vergadering agenda besluit '.repeat(9)}`.slice(0, 280);
		const kinds = [
			(i: number) => `🔥🙈👍🏽 ${i}`,
			(i: number) => `אף אחד לא מקשיב ${i % 7}`,
			(i: number) => `لا أحد يستمع إلى الفريق ${i % 5}`,
			() => long,
			() => 'x',
			(i: number) => `Word${i % 90} and Woord${i % 40} plus ${'a'.repeat(60)}`,
			(i: number) => `Trust ${'🙂'.repeat(i % 9)} feedback`
		];
		const client = createClient({ url: DB, timeout: 10_000 });
		try {
			await client.batch(
				Array.from({ length: 995 }, (_, i) => ({
					sql: 'insert into cards (id, activity_id, text) values (?, ?, ?)',
					args: [`cloud-${room.id}-${i}`, current.id, kinds[i % kinds.length](i)]
				})),
				'write'
			);
		} finally {
			client.close();
		}
		// A card through the app makes the room read its wall again, with all 1,000.
		await room.write(4, current.id, 'Card of phone 4');
		await room.pace({ type: 'reveal' });

		await signInContext(page.context(), origin, room.owner);
		const failures: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
		});
		await page.emulateMedia({ reducedMotion: 'reduce' });
		for (const viewport of [
			{ width: 1920, height: 1080 },
			{ width: 1280, height: 720 }
		]) {
			await page.setViewportSize(viewport);
			await page.goto(`/present/${room.id}`);
			// More cards than read well on one screen: the cloud, without the facilitator asking.
			const cloud = page.getByTestId('word-cloud');
			await expect(cloud.locator('text[data-word="Trust"]')).toHaveCount(1);
			await expect(page.getByRole('button', { name: t('cloud_show_cloud') })).toHaveAttribute(
				'aria-pressed',
				'true'
			);
			const boxes = await expectNeatCloud(page, cloud);
			expect(boxes.length).toBeGreaterThanOrEqual(30);
			await expectTableOfCloud(cloud, page.getByTestId('word-cloud-table'));
			expect(boxes.map((b) => b.word)).toEqual(expect.arrayContaining(['מקשיב', 'يستمع']));
			expect(boxes.some((b) => b.word.includes('aaaaaaaa'))).toBe(false);
			// The page itself keeps its frame: nothing scrolls or spills out of the screen.
			const overflow = await page.evaluate(() => ({
				x: document.documentElement.scrollWidth,
				y: document.documentElement.scrollHeight
			}));
			expect(overflow.x).toBeLessThanOrEqual(viewport.width);
			expect(overflow.y).toBeLessThanOrEqual(viewport.height);
		}
		await page.screenshot({ path: 'tests/.output/word-cloud-1000.png' });
		await room.pace({ type: 'end' });
		await room.dispose();

		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${room.url}/results`);
		const section = page.getByRole('region', { name: t('cloud_results_title') });
		const box = section.getByRole('region', { name: /What really happens/ });
		await expect(box.getByTestId('word-cloud').locator('text[data-word]').first()).toBeVisible();
		await box.getByTestId('word-cloud').scrollIntoViewIfNeeded();
		await expectNeatCloud(page, box.getByTestId('word-cloud'));
		expect(failures).toEqual([]);
	});
});
