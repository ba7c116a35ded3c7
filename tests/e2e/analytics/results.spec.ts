import { createClient } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { newAccountDetails, signInContext, signUpByRequest, type Account } from '../accounts';
import { expect, test } from '../fixtures';
import { expectChartDrawn } from '../charts';
import { t } from '../messages';
import {
	createTeamByRequest,
	expectStatus,
	inviteByRequest,
	joinByRequest,
	postForm,
	postJson,
	requestAs,
	type RequestFactory
} from '../requests';
import { ResultsPage } from './ResultsPage';

/**
 * Gap analytics after a real workshop: five people join by code and answer a rating (assumed
 * and current, 1–5) and a dot vote through the live endpoints; the facilitator paces and ends
 * it. The results page shows charts and tables with the numbers worked out below by hand, the
 * CSV download parses back to the same numbers, the anonymous answers carry aliases only, and
 * a workshop with fewer people than the minimum group size (5) shows why instead.
 */

const VALUES = ['Eigenaarschap', 'Openheid', 'Nieuwsgierigheid'];

/** Per person: assumed and current rating per value, dots per value. */
const PEOPLE = [
	{ assumed: [5, 3, 4], current: [2, 1, 4], dots: [2, 1, 0] },
	{ assumed: [5, 3, 4], current: [3, 1, 4], dots: [2, 1, 0] },
	{ assumed: [4, 3, 4], current: [2, 5, 4], dots: [2, 1, 0] },
	{ assumed: [4, 3, 4], current: [1, 5, 4], dots: [2, 1, 0] },
	{ assumed: [5, 3, 4], current: [2, 5, 4], dots: [2, 1, 0] }
];
// Worked out by hand:
// Eigenaarschap: assumed 5,5,4,4,5 → mean 4.6; current 2,3,2,1,2 → mean 2.0, median 2,
//   counts 1:1 2:3 3:1; say-do gap 2.0 − 4.6 = −2.6 ("-2.6" in English).
// Openheid: current 1,1,5,5,5: two camps at the ends → polarised; mean 3.4.
// Nieuwsgierigheid: everyone 4 → mean 4.0, agreement 100 %, a majority view.
// Dots: Eigenaarschap 10, Openheid 5 of 15 → 66.7 % and 33.3 %; Openheid is limiting, so the
//   strategic lens's cultural entropy is 33.3 %: serious issues.

interface Workshop {
	id: string;
	title: string;
	joinCode: string;
	index: Record<string, number>;
	activity: Record<string, string>;
	valueIds: string[];
	pace: (command: Record<string, unknown>) => Promise<void>;
}

async function team(factory: RequestFactory, origin: string) {
	const owner = await signUpByRequest(
		await requestAs(factory, origin),
		origin,
		newAccountDetails('results-owner')
	);
	const asOwner = await requestAs(factory, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, `Results ${unique}`);
	for (const name of VALUES) {
		const made = await postForm(asOwner, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on',
			// Openheid is marked limiting here, for the cultural entropy.
			...(name === 'Openheid' ? { limiting: 'on' } : {})
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}
	return { owner, asOwner, teamId, unique };
}

async function workshop(
	asOwner: APIRequestContext,
	origin: string,
	owner: Account,
	teamId: string,
	title: string
): Promise<Workshop> {
	const created = await postForm(
		asOwner,
		origin,
		`/o/${owner.orgId}/t/${teamId}/workshops?/create`,
		{
			title,
			template: 'full_alignment'
		}
	);
	expectStatus(created, 303, 'creating a workshop');
	const id = /\/workshops\/([a-z0-9]+)$/.exec(created.location)![1];
	const client = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const activities = await client.execute({
		sql: 'select w.join_code, a.id, a.kind, a.position from workshops w join activities a on a.workshop_id = w.id where w.id = ? order by a.position',
		args: [id]
	});
	const values = await client.execute({
		sql: 'select id, name from culture_values where team_id = ?',
		args: [teamId]
	});
	client.close();
	const index: Record<string, number> = {};
	const activity: Record<string, string> = {};
	for (const row of activities.rows) {
		index[String(row.kind)] ??= Number(row.position);
		activity[String(row.kind)] ??= String(row.id);
	}
	const byName = new Map(values.rows.map((r) => [String(r.name), String(r.id)]));
	const pace = async (command: Record<string, unknown>) => {
		const answer = await postJson(asOwner, origin, `/live/${id}/pace`, command);
		expectStatus(answer, 200, `the pace command ${JSON.stringify(command)}`);
	};
	return {
		id,
		title,
		joinCode: String(activities.rows[0].join_code),
		index,
		activity,
		valueIds: VALUES.map((name) => byName.get(name)!),
		pace
	};
}

/** A participant joins by code and gets their own request context with the cookie. */
async function participant(factory: RequestFactory, origin: string, w: Workshop) {
	const joining = await requestAs(factory, origin);
	const joined = await postJson(joining, origin, '/live/join', { code: w.joinCode });
	expectStatus(joined, 200, 'joining');
	const cookie = joined.response
		.headersArray()
		.map(({ name, value }) =>
			name.toLowerCase() === 'set-cookie' ? new RegExp(`^p_${w.id}=([^;]+)`).exec(value) : null
		)
		.find(Boolean);
	await joining.dispose();
	return requestAs(factory, origin, { [`p_${w.id}`]: decodeURIComponent(cookie![1]) });
}

/** Everyone in `people` answers the rating and the dot vote; the workshop ends. */
async function run(factory: RequestFactory, origin: string, w: Workshop, people: typeof PEOPLE) {
	const phones = [];
	for (let i = 0; i < people.length; i++) phones.push(await participant(factory, origin, w));
	await w.pace({ type: 'start' });
	await w.pace({ type: 'goto', index: w.index.rate });
	for (const [i, phone] of phones.entries()) {
		const answers: Record<string, number> = {};
		w.valueIds.forEach((valueId, v) => {
			answers[`${valueId}:assumed`] = people[i].assumed[v];
			answers[`${valueId}:current`] = people[i].current[v];
		});
		const sent = await postJson(phone, origin, `/live/${w.id}/answers`, {
			activityId: w.activity.rate,
			answers
		});
		expectStatus(sent, 200, `person ${i + 1}'s ratings`);
	}
	await w.pace({ type: 'goto', index: w.index.dot_vote });
	for (const [i, phone] of phones.entries()) {
		const answers: Record<string, number> = {};
		w.valueIds.forEach((valueId, v) => {
			if (people[i].dots[v] > 0) answers[`${valueId}:strategic`] = people[i].dots[v];
		});
		const sent = await postJson(phone, origin, `/live/${w.id}/answers`, {
			activityId: w.activity.dot_vote,
			answers
		});
		expectStatus(sent, 200, `person ${i + 1}'s dots`);
	}
	await w.pace({ type: 'end' });
	for (const phone of phones) await phone.dispose();
}

/** A CSV file's rows as objects, for files whose cells hold no commas or quotes. */
function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');
	const names = header.split(',');
	return lines.map((line) =>
		Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell]))
	);
}

test('after a workshop the results show charts, tables and downloads; too few people, the reason', async ({
	page,
	newContext,
	playwright,
	baseURL
}, testInfo) => {
	test.slow();
	const origin = baseURL!;
	const { owner, asOwner, teamId, unique } = await team(playwright.request, origin);
	const w = await workshop(asOwner, origin, owner, teamId, `Kick-off ${unique}`);
	await run(playwright.request, origin, w, PEOPLE);

	await signInContext(page.context(), origin, owner);
	const workshopPath = `/o/${owner.orgId}/t/${teamId}/workshops/${w.id}`;
	await page.goto(workshopPath);
	await page.getByRole('link', { name: t('analytics_open_results'), exact: true }).click();
	const results = new ResultsPage(page);
	await expect(results.heading(w.title)).toBeVisible();
	await expect(page.getByText(t('analytics_respondents', { count: 5 }))).toBeVisible();

	// The charts are drawn (a canvas with pixels) and each has its table.
	const scale = t('analytics_scale', { min: 1, max: 5 });
	const means = results.chart(t('analytics_means_caption', { scale }));
	await expect(means).toBeVisible();
	await expectChartDrawn(means.locator('canvas'));
	for (const caption of [
		t('analytics_radar_caption'),
		t('analytics_gap_chart_caption', { gap: t('map_gap_say_do') }),
		t('analytics_distribution_caption'),
		t('analytics_shares_caption', { lens: t('lens_strategic'), n: 5 })
	]) {
		await expect(results.chart(caption)).toBeVisible();
	}
	expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(5);

	// The heatmap: means per value and lens.
	const heatmap = results.table(t('analytics_heatmap_caption', { scale }));
	await expect(results.row(heatmap, 'Eigenaarschap')).toContainText('4.6');
	await expect(results.row(heatmap, 'Eigenaarschap')).toContainText('2.0');
	// The gaps, by name: say-do −2.6 for Eigenaarschap.
	const gaps = results.table(t('analytics_gaps_caption'));
	await expect(gaps.getByRole('columnheader', { name: t('map_gap_say_do') })).toBeVisible();
	await expect(results.row(gaps, 'Eigenaarschap')).toContainText('-2.6');
	// Polarisation and the majority view, in the distribution's table.
	const answers = results.table(t('analytics_distribution_caption'));
	await results.showTable(t('analytics_distribution_caption'));
	await expect(
		answers
			.getByRole('row')
			.filter({ hasText: 'Openheid' })
			.filter({ hasText: t('lens_current') })
	).toContainText(t('analytics_polarised'));
	await expect(
		answers.getByRole('row').filter({ hasText: 'Nieuwsgierigheid' }).first()
	).toContainText(t('analytics_majority'));
	// Entropy band and the top lists.
	const entropy = page
		.getByRole('listitem')
		.filter({ hasText: t('lens_strategic') })
		.filter({ hasText: t('analytics_band_serious') });
	await expect(entropy).toContainText('33.3 %');
	await expect(page.getByRole('heading', { name: t('analytics_tops_title') })).toBeVisible();

	mkdirSync('tests/.output/screenshots', { recursive: true });
	await page.screenshot({ path: 'tests/.output/screenshots/results.png', fullPage: true });
	await page.screenshot({
		path: 'tests/.output/screenshots/results-top.png',
		fullPage: true,
		clip: { x: 0, y: 0, width: 1280, height: 1900 }
	});

	// The aggregates download parses back to the numbers worked out by hand.
	const csv = await results.download('aggregates', 'CSV');
	expect(csv.suggestedFilename()).toBe(`kick-off-${unique.toLowerCase()}-aggregates.csv`);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows = parseCsv(text);
	const row = (kind: string, value: string, lens: string) =>
		rows.find((r) => r.kind === kind && r.value === value && r.lens === lens)!;
	expect(row('rating', 'Eigenaarschap', 'current')).toMatchObject({
		answers: '5',
		mean: '2',
		median: '2',
		count_1: '1',
		count_2: '3',
		count_3: '1',
		count_4: '0',
		count_5: '0'
	});
	expect(Number(row('rating', 'Eigenaarschap', 'assumed').mean)).toBe(4.6);
	expect(row('rating', 'Openheid', 'current').polarised).toBe('true');
	expect(row('rating', 'Nieuwsgierigheid', 'current')).toMatchObject({
		mean: '4',
		agreement_pct: '100',
		majority: 'true'
	});
	expect(row('votes', 'Eigenaarschap', 'strategic')).toMatchObject({ votes: '10', people: '5' });
	expect(Number(row('votes', 'Openheid', 'strategic').share_pct)).toBeCloseTo(100 / 3, 5);
	expect(row('votes', 'Openheid', 'strategic').limiting).toBe('true');

	// The anonymous answers: one row per answer, aliases only, never the participants' ids.
	const raw = readFileSync(await (await results.download('answers', 'CSV')).path(), 'utf8');
	const answerRows = parseCsv(raw);
	// 5 people × (3 values × 2 lenses + 2 valued dots).
	expect(answerRows).toHaveLength(5 * 8);
	expect(new Set(answerRows.map((r) => r.respondent))).toEqual(
		new Set(['P001', 'P002', 'P003', 'P004', 'P005'])
	);
	const client = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const ids = await client.execute({
		sql: 'select id from participants where workshop_id = ?',
		args: [w.id]
	});
	client.close();
	for (const id of ids.rows) expect(raw).not.toContain(String(id.id));
	const json = JSON.parse(
		readFileSync(await (await results.download('aggregates', 'JSON')).path(), 'utf8')
	);
	expect(json.respondents).toBe(5);

	// The report, as it prints.
	await page.getByRole('link', { name: t('analytics_open_report') }).click();
	await expect(
		page.getByRole('heading', { name: t('analytics_report_of', { title: w.title }) })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: t('analytics_top_gaps_title') })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: t('analytics_print') })).toBeHidden();
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.waitForTimeout(300);
	await page.screenshot({ path: 'tests/.output/screenshots/report-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	testInfo.annotations.push({ type: 'screenshots', description: 'tests/.output/screenshots' });

	// The same page in Dutch: headings, legends and numbers in the reader's language.
	const dutch = await newContext({ locale: 'nl-NL' });
	await signInContext(dutch, origin, owner);
	const nl = new ResultsPage(await dutch.newPage(), 'nl');
	await nl.page.goto(workshopPath + '/results');
	await expect(nl.heading(w.title)).toBeVisible();
	const nlHeatmap = nl.table(
		t('analytics_heatmap_caption', { scale: t('analytics_scale', { min: 1, max: 5 }, 'nl') }, 'nl')
	);
	await expect(nl.row(nlHeatmap, 'Eigenaarschap')).toContainText('4,6');
	await expect(nl.chart(t('analytics_radar_caption', {}, 'nl'))).toBeVisible();
	await nl.page.screenshot({ path: 'tests/.output/screenshots/results-nl.png', fullPage: true });

	// Without JavaScript there are no drawings, but every table is there.
	const plain = await newContext({ javaScriptEnabled: false });
	await signInContext(plain, origin, owner);
	const noScript = new ResultsPage(await plain.newPage());
	await noScript.page.goto(workshopPath + '/results');
	await expect(
		noScript.row(noScript.table(t('analytics_heatmap_caption', { scale })), 'Openheid')
	).toContainText('3.4');
	await noScript.showTable(t('analytics_means_caption', { scale }));
	await expect(noScript.table(t('analytics_means_caption', { scale }))).toBeVisible();

	// A viewer reads the same results, but the answers one row each are not theirs to take:
	// the page says who may, and the file is refused.
	const viewer = await joinByRequest(
		playwright.request,
		origin,
		await inviteByRequest(asOwner, origin, owner.orgId, 'viewer')
	);
	const viewerPage = await (await newContext()).newPage();
	await signInContext(viewerPage.context(), origin, viewer);
	await viewerPage.goto(`/o/${owner.orgId}/t/${teamId}/workshops/${w.id}/results`);
	const answersItem = viewerPage
		.getByRole('listitem')
		.filter({ hasText: t('analytics_download_answers') });
	await expect(answersItem).toContainText(t('analytics_answers_only_for'));
	await expect(answersItem.getByRole('link')).toHaveCount(0);
	const refusedToViewer = await viewerPage.request.get(
		`/o/${owner.orgId}/t/${teamId}/workshops/${w.id}/results/export?format=csv&kind=answers`
	);
	expect(refusedToViewer.status()).toBe(403);
	expect(await refusedToViewer.text()).toContain("the organisation's owners");

	// Two people only: the page says why, and no numbers can be downloaded (what the room
	// wrote can, each activity under its own minimum).
	const small = await workshop(asOwner, origin, owner, teamId, `Small ${unique}`);
	await run(playwright.request, origin, small, PEOPLE.slice(0, 2));
	await page.goto(`/o/${owner.orgId}/t/${teamId}/workshops/${small.id}/results`);
	await expect(results.heading(small.title)).toBeVisible();
	await expect(page.getByRole('heading', { name: t('analytics_too_few_title') })).toBeVisible();
	await expect(results.tooFew(5, 2)).toBeVisible();
	await expect(page.locator('canvas')).toHaveCount(0);
	await expect(
		page.getByRole('listitem').filter({ hasText: t('analytics_download_aggregates') })
	).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'CSV' })).toHaveCount(1);
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: t('texts_download') })
			.getByRole('link')
	).toHaveCount(2);
	const refused = await page.request.get(
		`/o/${owner.orgId}/t/${teamId}/workshops/${small.id}/results/export?format=csv&kind=answers`
	);
	expect(refused.status()).toBe(409);
	expect(await refused.text()).toContain('Too few respondents');
	await expect(page.getByText(t('analytics_too_few', { min: 5, n: 2 }))).toBeVisible();
});

test('an export asked for wrongly is refused with a reason', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const { owner, asOwner, teamId, unique } = await team(playwright.request, origin);
	const w = await workshop(asOwner, origin, owner, teamId, `Odd ${unique}`);
	await signInContext(page.context(), origin, owner);
	const base = `/o/${owner.orgId}/t/${teamId}/workshops/${w.id}/results/export`;
	for (const query of ['', '?format=xlsx&kind=aggregates', '?format=csv&kind=everything']) {
		const answer = await page.request.get(base + query);
		expect(answer.status(), query).toBe(400);
		expect(await answer.text()).toContain('format=csv');
	}
	const other = await page.request.get(
		`/o/${owner.orgId}/t/${teamId}/workshops/nope/results/export?format=csv&kind=aggregates`
	);
	expect(other.status()).toBe(404);
});

test('two workshops of a team compared on their shared values; a wrong choice is said at the field', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const { owner, asOwner, teamId, unique } = await team(playwright.request, origin);
	const before = await workshop(asOwner, origin, owner, teamId, `Before ${unique}`);
	await run(playwright.request, origin, before, PEOPLE);
	// Half a year later Eigenaarschap is lived: everyone rates its current culture 4, and the
	// dots go to Openheid 2, Eigenaarschap 1.
	const later = PEOPLE.map((p) => ({
		...p,
		current: [4, p.current[1], p.current[2]],
		dots: [1, 2, 0]
	}));
	const after = await workshop(asOwner, origin, owner, teamId, `After ${unique}`);
	await run(playwright.request, origin, after, later);
	// A team without workshops has nothing to offer: it is not a group of the second list.
	await createTeamByRequest(asOwner, origin, owner.orgId, `Empty ${unique}`);

	await signInContext(page.context(), origin, owner);
	await page.goto(`/o/${owner.orgId}/t/${teamId}/workshops/${before.id}/results`);
	await page.getByRole('link', { name: t('analytics_open_compare'), exact: true }).click();
	await expect(page.getByLabel(t('analytics_compare_first'))).toHaveValue(before.id);
	await expect(page.getByLabel(t('analytics_compare_second')).locator('optgroup')).toHaveCount(1);
	await page.getByLabel(t('analytics_compare_second')).selectOption({ label: after.title });
	await page.getByRole('button', { name: t('analytics_compare_submit') }).click();

	const results = new ResultsPage(page);
	const teamName = `Results ${unique}`;
	const a = `${before.title} (${teamName})`;
	const b = `${after.title} (${teamName})`;
	await expect(
		page.getByRole('heading', { name: t('analytics_compare_of', { a, b }) })
	).toBeVisible();
	await expect(page.getByText(t('analytics_compare_shared', { count: 3 }))).toBeVisible();
	// Current culture: Eigenaarschap 2.0 → 4.0, +2.0.
	const caption = t('analytics_compare_means_caption', { lens: t('lens_current') });
	await expect(results.chart(caption)).toBeVisible();
	await results.showTable(caption);
	await expect(results.row(results.table(caption), 'Eigenaarschap')).toContainText('+2.0');
	// Strategic dots: Eigenaarschap 66.7 % → 33.3 %, a jump of −33.3 points; distance 33 %.
	const jumps = t('analytics_compare_jumps_caption', { lens: t('lens_strategic') });
	await expect(page.getByText(t('analytics_compare_distance', { distance: '33 %' }))).toBeVisible();
	await results.showTable(jumps);
	await expect(results.row(results.table(jumps), 'Eigenaarschap')).toContainText('-33.3');

	// The team's dashboard follows the cultural entropy from one workshop to the next: the
	// strategic dots on the limiting Openheid went from 5 of 15 (33 %) to 2 of 3 (67 %).
	await page.goto(`/o/${owner.orgId}/t/${teamId}/dashboard`);
	const entropy = page.getByRole('region', { name: t('analytics_entropy_title'), exact: true });
	await expect(
		entropy.getByText(
			t('follow_dash_entropy_latest', {
				lens: t('lens_strategic'),
				entropy: '67 %',
				band: t('analytics_band_critical'),
				workshop: after.title
			})
		)
	).toBeVisible();
	const byWorkshop = entropy.getByRole('table', { name: t('follow_dash_entropy_caption') });
	await entropy.getByText(t('follow_dash_show_table')).click();
	await expect(byWorkshop.getByRole('row')).toHaveText([
		new RegExp(`^${t('follow_dash_col_date')}\\s*${t('lens_strategic')}$`),
		new RegExp(`^${before.title} \\(.*\\)\\s*33 %$`),
		new RegExp(`^${after.title} \\(.*\\)\\s*67 %$`)
	]);
	// The organisation's table shows each team's entropy under the current culture: not voted on.
	await page.goto(`/o/${owner.orgId}/dashboard`);
	await expect(page.getByRole('row', { name: new RegExp(`^${teamName}`) })).toContainText(
		t('follow_dash_entropy_none_short')
	);

	// An id that is no workshop of a team the visitor may read: said next to the field.
	await page.goto(`/o/${owner.orgId}/t/${teamId}/compare?a=${before.id}&b=nonsense`);
	await expect(page.getByLabel(t('analytics_compare_second'))).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.locator('#compare-b-error')).toHaveText(t('error_invalid'));
	await expect(page.locator('canvas')).toHaveCount(0);
});
