import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { createTeamByRequest, expectStatus, postForm } from '../requests';
import { day, followTeam, pulseOf } from './setup';

/**
 * Issue 15's walk through, as a head of HR: narrows the organisation's dashboard to this
 * quarter, sorts by the biggest drop in favourable, opens the worst team, finds its workshop
 * marked on its chart, and shares a read-only link that a signed-out browser opens and that
 * shows no leader's score.
 */

/** Days from today to ten days before this calendar quarter began: a day of the quarter before. */
function lastQuarter(): number {
	const today = new Date(`${day(0)}T00:00:00Z`);
	const start = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1);
	return Math.round((start - today.getTime()) / 86_400_000) - 10;
}

test('a head of HR narrows to a quarter, opens the team that dropped most, sees its workshop on the chart, and shares the dashboard without leader scores', async ({
	page,
	playwright,
	baseURL,
	newContext
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	const alphaName = await team.one('select name from teams where id = ?', team.teamId);
	// Named to come last by name, so that only the sort by drop puts it first.
	const betaName = `Zeta ${team.teamPath.slice(-6)}`;
	const beta = await createTeamByRequest(team.asOwner, team.origin, team.orgId, betaName);
	const betaPath = `/o/${team.orgId}/t/${beta}`;
	expectStatus(
		await postForm(team.asOwner, team.origin, `${betaPath}/map?/createValue`, {
			name: 'Candour',
			lens_current: 'on'
		}),
		200,
		"creating Beta's value"
	);
	// Last quarter Alpha was at 0 % and Beta at 100 %; this quarter Alpha is at 100 %, Beta at 0 %.
	// Alpha's pulses ask [Candour, Ownership, its leader, eNPS]; Beta's [Candour, eNPS].
	const three = (scores: number[]) => [scores, scores, scores];
	const before = lastQuarter();
	const asked = { withLeaders: true };
	await pulseOf(team, team.teamPath, three([2, 2, 2, 5]), before, asked);
	await pulseOf(team, team.teamPath, three([5, 5, 5, 10]), 0, asked);
	await pulseOf(team, betaPath, three([5, 10]), before);
	await pulseOf(team, betaPath, three([1, 0]));
	// Beta held a workshop between its two pulses.
	const created = await postForm(team.asOwner, team.origin, `${betaPath}/workshops?/create`, {
		title: 'Trust reset',
		template: 'blank'
	});
	expectStatus(created, 303, 'creating the workshop');
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	await db.execute({
		sql: 'update workshops set started_at = ? where id = ?',
		args: [Date.parse(`${day(-3)}T10:00:00Z`), created.location.split('/').at(-1)!]
	});
	db.close();

	// The organisation's dashboard, narrowed to this quarter.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`/o/${team.orgId}/dashboard`);
	const picker = page.getByRole('form', { name: t('follow_period_label') });
	await picker.getByRole('combobox', { name: t('follow_period_label') }).selectOption('quarter');
	await picker.getByRole('button', { name: t('follow_period_show') }).click();
	await expect(page).toHaveURL(/period=quarter/);
	const heatmap = page.locator('.heatmap table');
	const teamNames = heatmap.locator('tbody th[scope="row"] > a');
	await expect(teamNames).toHaveText([alphaName, betaName]);

	// Sorted by the biggest drop in favourable: Beta first, its fall flagged.
	await page.getByRole('link', { name: t('heatmap_drop_first') }).click();
	await expect(page).toHaveURL(/period=quarter/);
	await expect(page).toHaveURL(/sort=change/);
	await expect(teamNames.first()).toHaveText(betaName);
	const worst = heatmap.getByRole('row', { name: new RegExp(betaName) });
	await expect(worst).toContainText('▼');

	// The worst team's dashboard, its workshop marked on the chart (and in the chart's table).
	await teamNames.first().click();
	await expect(page).toHaveURL(new RegExp(`${betaPath}/dashboard`));
	await waitForHydration(page);
	const chart = page.getByRole('region', { name: t('follow_dash_favourable_title') });
	await chart.getByText(t('follow_dash_show_table')).click();
	await expect(
		chart.getByTestId('chart-marks').getByRole('row').filter({ hasText: 'Trust reset' })
	).toContainText(t('chart_mark_workshop'));

	// A read-only link with the leaders section but not their scores.
	await page.goto(`/o/${team.orgId}/settings/share`);
	await page.getByLabel(t('share_label')).fill('Works council');
	await page.getByLabel(t('share_section_leaders')).check();
	await expect(page.getByLabel(t('share_leader_scores'))).not.toBeChecked();
	await page.getByRole('button', { name: t('share_create') }).click();
	const url = await page.getByLabel(t('share_created_label')).inputValue();

	// Signed out, the link opens read-only: figures and leaders, no score, no way into the app.
	const board = await (await newContext()).newPage();
	expect((await board.goto(url))?.status()).toBe(200);
	await expect(board.getByRole('heading', { level: 1 })).toContainText(t('share_page_title'));
	const leaders = board.getByRole('region', { name: t('share_page_leaders_title'), exact: true });
	await expect(leaders.getByRole('row', { name: new RegExp(team.leader.name) })).toBeVisible();
	await expect(leaders).toContainText(t('share_page_leaders_no_scores'));
	await expect(leaders.getByRole('columnheader', { name: t('follow_dash_col_seen') })).toHaveCount(
		0
	);
	await expect(board.locator('a[href*="/o/"]')).toHaveCount(0);
});
