import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { signInContext } from '../accounts';
import { expectChartDrawn } from '../charts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { postForm } from '../requests';
import { answerPulseByRequest, followTeam, type FollowTeam } from './setup';

/**
 * An owner shares the organisation's dashboard with a works council: a read-only link without
 * leader scores, which a signed-out browser opens (figures, no leader score, nothing that leads
 * into /o/), and which 404s once revoked, like a link that never existed. The dashboards print
 * to A4 with every chart inside the page's width.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A pulse answered by one new device per list of scores; moved `daysAgo` into the past. */
async function pulseAnsweredBy(team: FollowTeam, answers: number[][], daysAgo: number) {
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?',
		withLeaders: 'on'
	});
	const id = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', id);
	const count = Number(
		await team.one('select cast(count(*) as text) from pulse_items where pulse_id = ?', id)
	);
	const items = await Promise.all(
		Array.from({ length: count }, (_, position) =>
			team.one(
				'select id from pulse_items where pulse_id = ? and position = ?',
				id,
				String(position)
			)
		)
	);
	for (const scores of answers) {
		await answerPulseByRequest(team, code, items, scores.slice(0, count));
	}
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	await db.execute({
		sql: 'update pulses set opens_on = ?, closes_on = ? where id = ?',
		args: [day(-daysAgo), day(-daysAgo), id]
	});
	db.close();
	return count;
}

/** A4 at 96 dpi: 210 mm wide. */
const A4_WIDTH = 794;

/** Under print media at A4 width: every chart is drawn and lies inside the page's width. */
async function expectChartsFitA4(page: Page) {
	await page.setViewportSize({ width: A4_WIDTH, height: 1123 });
	await page.emulateMedia({ media: 'print' });
	const canvases = page.locator('canvas');
	await expect(canvases.first()).toBeVisible();
	for (const canvas of await canvases.all()) await expectChartDrawn(canvas);
	const boxes = await canvases.evaluateAll((all) =>
		all.map((c) => {
			const r = c.getBoundingClientRect();
			return { left: r.left, right: r.right, width: r.width };
		})
	);
	expect(boxes.length).toBeGreaterThan(0);
	for (const box of boxes) {
		expect(box.width).toBeGreaterThan(100);
		expect(box.left).toBeGreaterThanOrEqual(0);
		expect(box.right).toBeLessThanOrEqual(A4_WIDTH);
	}
	// Nothing of the screen's navigation or controls is printed.
	await expect(page.getByRole('button', { name: t('analytics_print') })).toBeHidden();
}

/** The pages of a PDF (each page object, not the page tree). */
const pagesOf = (pdf: Buffer) =>
	(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('an owner shares the dashboard without leader scores; a signed-out browser reads it; revoking makes it 404', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	// Two months of pulses, three people each: [Candour, Ownership, the leader, eNPS].
	const answers = [
		[5, 4, 5, 10],
		[4, 2, 4, 9],
		[2, 4, 2, 6]
	];
	const items = await pulseAnsweredBy(team, answers, 62);
	expect(items).toBe(4);
	await pulseAnsweredBy(team, answers, 1);

	// The owner creates a link from the dashboard's "Share": leaders in, their scores left off.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`/o/${team.orgId}/dashboard`);
	await page.getByRole('link', { name: t('share_action_link') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('share_settings_title'));
	await page.getByLabel(t('share_label')).fill('Works council');
	await page.getByLabel(t('share_section_leaders')).check();
	await expect(page.getByLabel(t('share_section_figures'))).toBeChecked();
	await expect(page.getByLabel(t('share_leader_scores'))).not.toBeChecked();
	await page.getByRole('button', { name: t('share_create') }).click();
	const url = await page.getByLabel(t('share_created_label')).inputValue();
	expect(url).toMatch(/\/s\/[a-z2-7]{32}$/);
	const token = url.split('/').at(-1)!;
	expect(
		await team.one(
			'select cast(count(*) as text) from share_links where token_hash = ? or token_hash = ?',
			token,
			token
		)
	).toBe('0');
	await expect(page.getByRole('row', { name: /Works council/ })).toContainText(
		t('share_state_open')
	);

	// A signed-out browser opens it: the figures, the leader by name, no score, no way into /o/.
	const anon = await (await newContext()).newPage();
	const response = await anon.goto(url);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await waitForHydration(anon);
	await expect(anon.getByRole('heading', { level: 1 })).toContainText(t('share_page_title'));
	const figures = anon.getByRole('region', { name: t('follow_dash_now') });
	await expect(figures).toContainText(t('follow_dash_favourable'));
	await expect(figures).toContainText('%');
	const leaders = anon.getByRole('region', { name: t('share_page_leaders_title'), exact: true });
	await expect(leaders.getByRole('row', { name: new RegExp(team.leader.name) })).toBeVisible();
	await expect(leaders).toContainText(t('share_page_leaders_no_scores'));
	await expect(leaders.getByRole('columnheader', { name: t('follow_dash_col_seen') })).toHaveCount(
		0
	);
	await expect(anon.locator('a[href*="/o/"]')).toHaveCount(0);
	// Nor is a score in what the page was sent.
	expect(await anon.content()).not.toContain('asOf');
	const teams = anon.getByRole('region', { name: t('follow_dash_teams_title') });
	await expect(teams.getByRole('link')).toHaveCount(0);
	for (const canvas of await anon.locator('canvas').all()) await expectChartDrawn(canvas);
	await anon.screenshot({ path: 'tests/.output/screens/share-page.png', fullPage: true });

	// Printed: A4, every chart inside the page's width.
	await expectChartsFitA4(anon);
	await anon.screenshot({ path: 'tests/.output/screens/share-print.png', fullPage: true });
	const pdf = await anon.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	// Key figures, three charts one under the other, the teams and the leaders: two or three pages.
	expect(pagesOf(pdf)).toBeGreaterThanOrEqual(2);
	expect(pagesOf(pdf)).toBeLessThanOrEqual(3);

	// The organisation's and the team's dashboards print the same way.
	await page.goto(`/o/${team.orgId}/dashboard`);
	await waitForHydration(page);
	await expectChartsFitA4(page);
	await page.screenshot({ path: 'tests/.output/screens/org-dashboard-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	await page.goto(`${team.teamPath}/dashboard`);
	await waitForHydration(page);
	await expectChartsFitA4(page);
	expect(pagesOf(await page.pdf({ format: 'A4' }))).toBeGreaterThanOrEqual(2);
	await page.emulateMedia({ media: 'screen' });

	// Revoked, the link answers as a link that never was.
	await page.goto(`/o/${team.orgId}/settings/share`);
	await page.getByRole('button', { name: new RegExp(t('share_revoke')) }).click();
	await expect(page.getByText(t('share_revoked'))).toBeVisible();
	await expect(page.getByRole('row', { name: /Works council/ })).toContainText(
		t('share_state_revoked', { date: '' }).trim()
	);
	const gone = await anon.goto(url);
	expect(gone?.status()).toBe(404);
	expect(gone?.headers()['referrer-policy']).toBe('no-referrer');
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText(t('share_gone_title'));
	const goneText = await anon.locator('main').innerText();
	const never = await anon.goto(url.replace(/[a-z2-7]{32}$/, 'a'.repeat(32)));
	expect(never?.status()).toBe(404);
	expect(await anon.locator('main').innerText()).toBe(goneText);
});

test('the CSV of the leaders page holds the cells of its table', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	await pulseAnsweredBy(
		team,
		[
			[5, 4, 5, 10],
			[4, 2, 4, 9],
			[2, 4, 2, 6]
		],
		1
	);
	await signInContext(page.context(), team.origin, team.owner);
	// The leaders page: its table cell by cell. (The organisation dashboard's CSV is one row per
	// team, checked below: the heatmap's grouped rows are not a flat table.)
	for (const path of [`/o/${team.orgId}/leaders`]) {
		await page.goto(path);
		const table = page.locator('main .scroll > table').first();
		const shown = await table
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) =>
					[...r.children].flatMap((c) => [
						(c as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
						...Array.from({ length: Number(c.getAttribute('colspan') ?? 1) - 1 }, () => '')
					])
				)
			);
		const link = page.getByRole('link', { name: new RegExp(t('export_csv')) });
		const csv = await page.request.get(
			new URL((await link.getAttribute('href'))!, page.url()).href
		);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		const text = await csv.text();
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parseCsv(text.slice(1)).slice(1);
		// A cell a spreadsheet would run as a formula ("+33") is written as text ("'+33"): csv.ts.
		const cells = rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
		expect(cells.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim()))).toEqual(
			shown.map((r) => r.map((c) => c.replace(/^[▲▼] /, '')))
		);
	}
	await page.goto(`/o/${team.orgId}/dashboard`);
	const csv = await page.request.get(
		new URL(
			(await page.getByRole('link', { name: new RegExp(t('export_csv')) }).getAttribute('href'))!,
			page.url()
		).href
	);
	expect(csv.status()).toBe(200);
	const teamRows = parseCsv((await csv.text()).slice(1)).slice(1);
	const names = await page.locator('.heatmap tbody th[scope="row"] > a').allInnerTexts();
	expect(teamRows.map((r) => r[0]).sort()).toEqual(names.map((n) => n.trim()).sort());
});

/** RFC 4180, enough for our files: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') {
				quoted = false;
			} else {
				cell += ch;
			}
		} else if (ch === '"') {
			quoted = true;
		} else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else {
			cell += ch;
		}
	}
	return rows;
}
