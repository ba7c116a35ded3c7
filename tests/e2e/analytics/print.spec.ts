import { mkdirSync, writeFileSync } from 'node:fs';
import { signInContext } from '../accounts';
import { expectChartDrawn } from '../charts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { ratedWorkshop } from './rated-workshop';

/**
 * The workshop report printed from Chromium on A4: every page of the PDF is A4; laid out as
 * print at the A4 content width, no chart is wider than the page and no table of the heat map
 * is cut by a page break; every date on it is in the reader's one format.
 */

/** A4 in PDF points (1/72 inch), and its content box at the report's margins in CSS pixels. */
const A4_POINTS = { width: 595.28, height: 841.89 };
const MM = 96 / 25.4;
const PAGE = { width: Math.floor((210 - 2 * 12) * MM), height: Math.floor((297 - 2 * 15) * MM) };

const VALUES = Array.from(
	{ length: 14 },
	(_, i) =>
		[
			'Ownership',
			'Candour',
			'Samenwerkingsbereidheid over afdelingsgrenzen heen',
			'Curiosity about what our customers really need',
			'Kwaliteitsbewustzijn',
			'Speed',
			'Respect',
			'Learning from mistakes in the open'
		][i % 8] + (i >= 8 ? ` ${i + 1}` : '')
);

/** Every page's size in a PDF, read from its /MediaBox entries. */
function mediaBoxes(pdf: Buffer): { width: number; height: number }[] {
	const text = pdf.toString('latin1');
	return [
		...text.matchAll(/\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)
	].map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}

test('the report prints on A4: charts within the page, heat map tables whole, one date format', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(180_000);
	const origin = baseURL!;
	const w = await ratedWorkshop(playwright.request, origin, 'Print', VALUES);
	await signInContext(page.context(), origin, w.owner);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`${w.url}/report`);
	await expect(
		page.getByRole('heading', { name: t('analytics_report_of', { title: w.title }) })
	).toBeVisible();
	for (const canvas of await page.locator('canvas').all()) await expectChartDrawn(canvas);

	// One date format: no ISO day among the printed dates.
	const text = await page.locator('main').innerText();
	expect(text).toContain('Ask for feedback in every retro');
	expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
	expect(text).toContain('Jan 6, 2027');

	// As Chromium's print dialog does by default: no background graphics (the heat map keeps its colours).
	const pdf = await page.pdf({ format: 'A4' });
	mkdirSync('tests/.output', { recursive: true });
	writeFileSync('tests/.output/report.pdf', pdf);
	const pages = mediaBoxes(pdf);
	expect(pages.length).toBeGreaterThanOrEqual(2);
	for (const size of pages) {
		// Chromium rounds the page to whole CSS pixels (595.92 × 842.88).
		expect(Math.abs(size.width - A4_POINTS.width)).toBeLessThan(1.5);
		expect(Math.abs(size.height - A4_POINTS.height)).toBeLessThan(1.5);
	}

	// Laid out as print at the A4 content width (as Chromium does when it prints).
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: PAGE.width, height: PAGE.height });
	const measured = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const canvases = [...document.querySelectorAll('canvas')].map((c) => {
			const box = c.getBoundingClientRect();
			return { left: box.left, right: box.right, width: box.width };
		});
		const tables = [...document.querySelectorAll<HTMLElement>('.heatmap table')].map((table) => {
			const style = (e: Element) => getComputedStyle(e);
			// A page break may not fall in the table (its own or its wrapper's rule) …
			const whole = [table, table.parentElement!].some(
				(e) => style(e).breakInside === 'avoid' || style(e).pageBreakInside === 'avoid'
			);
			// … or, where it cannot fit a page, its header comes again on every page.
			const thead = table.querySelector('thead');
			return {
				height: table.getBoundingClientRect().height,
				whole,
				headerRepeats: thead !== null && style(thead).display === 'table-header-group',
				rowsWhole: [...table.querySelectorAll('tr')].every(
					(tr) => style(tr).breakInside === 'avoid'
				)
			};
		});
		return { width, canvases, tables };
	});
	expect(measured.canvases.length).toBeGreaterThan(0);
	for (const c of measured.canvases) {
		expect(c.left).toBeGreaterThanOrEqual(0);
		expect(c.right).toBeLessThanOrEqual(measured.width + 0.5);
	}
	expect(measured.tables.length).toBeGreaterThan(0);
	for (const table of measured.tables) {
		// 14 values fit a page: the table must not be split.
		expect(table.height).toBeLessThanOrEqual(PAGE.height);
		expect(table.whole).toBe(true);
		// Longer ones run over pages: a row is never cut, and the header comes again.
		expect(table.headerRepeats && table.rowsWhole).toBe(true);
	}
});
