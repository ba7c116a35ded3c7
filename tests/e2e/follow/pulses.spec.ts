import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { expectChartDrawn } from '../charts';
import { t } from '../messages';
import { PulsePage } from '../pages/PulsePage';
import { expectStatus, postForm, requestAs } from '../requests';
import { answerPulseByRequest, followTeam } from './setup';

/**
 * Keep measuring: a facilitator sets up pulse checks, people answer them anonymously by link
 * (with and without JavaScript, once each, re-answering replaces), results stay hidden below
 * the organisation's minimum group size, and two pulses make a trend on the dashboards.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('two pulses make a trend; too few respondents are not shown, and the page says why', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	const pulses = `${team.teamPath}/pulses`;

	// The owner sets up the first pulse on the team's page: bad dates are refused first.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(pulses);
	await expect(
		page.getByText(t('follow_pulse_asks', { values: 'Candour, Ownership' }))
	).toBeVisible();
	await page.getByLabel(t('follow_pulse_opens')).fill(day(-1));
	await page.getByLabel(t('follow_pulse_closes')).fill(day(-2));
	await page.getByLabel(t('follow_pulse_with_safety')).uncheck();
	// The leaders are asked about by name in tests/e2e/follow/leaders.spec.ts.
	await page.getByLabel(t('follow_pulse_with_leaders', { leaders: team.leader.name })).uncheck();
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page.getByLabel(t('follow_pulse_closes'))).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel(t('follow_pulse_closes')).fill(day(0));
	await page.getByLabel(t('follow_pulse_with_safety')).uncheck();
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page.getByRole('heading', { name: t('follow_pulse_share_title') })).toBeVisible();
	const link = await page
		.getByRole('region', { name: t('follow_pulse_share_title') })
		.getByRole('link')
		.textContent();
	const first = {
		id: new URL(page.url()).pathname.split('/').at(-1)!,
		code: link!.split('/').at(-1)!
	};
	const itemsOf = async (pulseId: string) =>
		Promise.all(
			[0, 1, 2].map((position) =>
				team.one(
					'select id from pulse_items where pulse_id = ? and position = ?',
					pulseId,
					String(position)
				)
			)
		);

	// Ann answers on her phone; Bo's phone runs no JavaScript and forgets a question first.
	const ann = new PulsePage(
		await (await newContext({ viewport: { width: 390, height: 844 } })).newPage()
	);
	await ann.page.goto(`/pulse/${first.code}`);
	await expect(ann.questions()).toHaveCount(3);
	await expect(ann.questions().first()).toContainText(
		t('follow_pulse_value_statement', { value: 'Candour' })
	);
	await ann.answer([2, 2, 5], 'Decisions are made in the corridor.');
	await expect(ann.thanks()).toBeVisible();
	const bo = new PulsePage(await (await newContext({ javaScriptEnabled: false })).newPage());
	await bo.page.goto(`/pulse/${first.code}`);
	await bo.questions().nth(0).getByRole('radio', { name: /^4\b/ }).check();
	await bo.submit().click();
	await expect(bo.page.getByText(t('follow_pulse_problems', { count: 2 }))).toBeVisible();
	await expect(bo.questions().nth(1)).toContainText(t('follow_pulse_answer_required'));
	await expect(bo.questions().nth(0).getByRole('radio', { name: /^4\b/ })).toBeChecked();
	await bo.answer([4, 2, 9]);
	await expect(bo.thanks()).toBeVisible();

	// Two respondents: the results page and the dashboard say why they show no numbers.
	await page.reload();
	await expect(page.getByText(t('follow_hidden_reason', { n: 2, min: 3 }))).toBeVisible();
	await page.goto(`${team.teamPath}/dashboard`);
	await expect(page.getByText(t('follow_hidden_reason', { n: 2, min: 3 })).first()).toBeVisible();
	await expect(page.getByText('67 %')).toHaveCount(0);

	// The third makes the group big enough. Ann changes her mind: still three respondents.
	const firstItems = await itemsOf(first.id);
	await answerPulseByRequest(team, first.code, firstItems, [3, 5, 7]);
	await ann.page.goto(`/pulse/${first.code}`);
	await expect(ann.page.getByText(t('follow_pulse_change_answer'))).toBeVisible();
	await ann.answer([2, 2, 5]);
	await page.goto(`${pulses}/${first.id}`);
	await expect(page.getByText(t('follow_pulse_responses', { count: 3 }))).toBeVisible();
	// Ann sent the same answers again: no change, so the release of the three is up to date.
	await expect(page.getByTestId('release')).toContainText(
		t('follow_pulse_release_current', { responses: 3 })
	);
	// Candour 2, 4, 3: one of three favourable.
	await expect(
		page.getByRole('row', {
			name: new RegExp(t('follow_pulse_value_statement', { value: 'Candour' }))
		})
	).toContainText('33 %');

	// The second pulse, a cadence later in real life, here from today; three answer it.
	const second = await postForm(team.asOwner, team.origin, `${pulses}?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	const secondId = second.location.split('/').at(-1)!;
	const secondCode = await team.one('select code from pulses where id = ?', secondId);
	const secondItems = await itemsOf(secondId);
	for (const scores of [
		[4, 4, 9],
		[5, 2, 10],
		[4, 5, 8]
	]) {
		await answerPulseByRequest(team, secondCode, secondItems, scores);
	}

	// The team's dashboard: all values 2 of 6 → 5 of 6 favourable (+50), eNPS 0 → +67, against
	// the pulse before; with three people each, +50 is within its uncertainty (± 79).
	await page.goto(`${team.teamPath}/dashboard`);
	const figures = page.getByRole('region', { name: t('follow_dash_now') });
	await expect(figures).toContainText('83 %');
	await expect(figures).toContainText('+50');
	await expect(figures).toContainText('+67');
	await expect(figures.getByTestId('change-flag').first()).toHaveText(
		t('follow_period_flag_noise', { margin: 79 })
	);
	const favourable = page.getByRole('region', { name: t('follow_dash_favourable_title') });
	await expectChartDrawn(favourable.locator('canvas'));
	await favourable.getByText(t('follow_dash_show_table')).click();
	const rows = favourable.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(1)).toContainText('33 %');
	await expect(rows.nth(2)).toContainText('83 %');
	await page.screenshot({
		path: 'tests/.output/screens/follow-team-dashboard.png',
		fullPage: true
	});

	// Down to one value: Candour went from 33 % to 100 %.
	await page
		.getByRole('region', { name: t('follow_dash_values_title') })
		.getByRole('link', { name: 'Candour' })
		.click();
	await expect(
		page.getByRole('heading', { name: t('follow_dash_value_title', { value: 'Candour' }) })
	).toBeVisible();
	await page.getByText(t('follow_dash_show_table')).click();
	await expect(page.getByRole('table').first()).toContainText('100 %');

	// The organisation's dashboard, as a viewer: the same month, and a link to the team.
	const viewerContext = await newContext();
	await signInContext(viewerContext, team.origin, team.viewer);
	const viewer = await viewerContext.newPage();
	await viewer.goto(`/o/${team.orgId}/dashboard`);
	await expect(viewer.getByRole('region', { name: t('follow_dash_teams_title') })).toContainText(
		'83 %'
	);
	await viewer.screenshot({
		path: 'tests/.output/screens/follow-org-dashboard.png',
		fullPage: true
	});
	await viewer.goto(`${pulses}/${secondId}`);
	await expect(viewer.getByText(t('follow_pulse_responses', { count: 3 }))).toBeVisible();
	// One more answer is fewer than the minimum of 3 changes: the results stay those of three.
	await answerPulseByRequest(team, secondCode, secondItems, [1, 1, 0]);
	await viewer.reload();
	await expect(viewer.getByTestId('release')).toContainText(
		t('follow_pulse_release_behind', { released: 3, responses: 4, more: 2 })
	);
	// A viewer cannot set up a pulse.
	const asViewer = await requestAs(playwright.request, team.origin, {
		session: team.viewer.sessionToken
	});
	const refused = await postForm(asViewer, team.origin, `${pulses}?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'Sneaky?'
	});
	expectStatus(refused, 403, 'a viewer creating a pulse');
	await ann.page.screenshot({
		path: 'tests/.output/screens/follow-pulse-phone.png',
		fullPage: true
	});
});

test('a pulse that has closed takes no more answers', async ({ playwright, baseURL, page }) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const pulses = `${team.teamPath}/pulses`;
	// Yesterday only: closed today.
	const made = await postForm(team.asOwner, team.origin, `${pulses}?/create`, {
		opensOn: day(-1),
		closesOn: day(-1),
		cadenceWeeks: '2',
		openQuestion: 'Anything else?'
	});
	const code = await team.one(
		'select code from pulses where id = ?',
		made.location.split('/').at(-1)!
	);
	await page.goto(`/pulse/${code}`);
	await expect(page.getByRole('main')).toContainText(
		t('follow_pulse_over', { date: '@' }).split('@')[0].trim()
	);
	await expect(page.locator('fieldset.question')).toHaveCount(0);
	const device = await requestAs(playwright.request, team.origin);
	const late = await postForm(device, team.origin, `/pulse/${code}`, {});
	expectStatus(late, 409, 'answering a closed pulse');
	await device.dispose();
});
