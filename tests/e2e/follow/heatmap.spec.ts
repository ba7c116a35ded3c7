import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { createTeamByRequest, expectStatus, postForm } from '../requests';
import { followTeam, pulseOf } from './setup';

/**
 * A head of HR groups two teams into a department and reads the organisation at a glance: the
 * heatmap groups them under it, "biggest drop first" puts the team that fell first, a search
 * narrows to one team, and a cell opens that team's dashboard.
 */

test('an owner groups two teams into a department; the heatmap sorts by drop, searches, and opens a team', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	const suffix = team.teamPath.slice(-6);
	const betaName = `Beta ${suffix}`;
	const beta = await createTeamByRequest(team.asOwner, team.origin, team.orgId, betaName);
	const betaPath = `/o/${team.orgId}/t/${beta}`;
	expectStatus(
		await postForm(team.asOwner, team.origin, `${betaPath}/map?/createValue`, {
			name: 'candour',
			lens_current: 'on'
		}),
		200,
		"creating Beta's value"
	);
	await createTeamByRequest(team.asOwner, team.origin, team.orgId, `Gamma ${suffix}`);
	const alphaName = await team.one('select name from teams where id = ?', team.teamId);
	// Alpha rises from 0 to 100 % favourable; Beta falls from 100 to 0 %.
	const three = (scores: number[]) => [scores, scores, scores];
	// Alpha's pulses ask about its leader too: [Candour, Ownership, the leader, eNPS].
	const asked = { withLeaders: true };
	await pulseOf(team, team.teamPath, three([2, 2, 2, 5]), -30, asked);
	await pulseOf(team, team.teamPath, three([5, 5, 5, 10]), 0, asked);
	await pulseOf(team, betaPath, three([5, 10]), -30);
	await pulseOf(team, betaPath, three([1, 0]));

	// The owner names a department and puts both teams in it, on each team's page.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`/o/${team.orgId}/settings`);
	await page.getByRole('link', { name: t('departments_settings_link') }).click();
	await page.getByLabel(t('departments_name')).fill('North');
	await page.getByRole('button', { name: t('departments_create') }).click();
	await expect(page.getByRole('status')).toHaveText(t('departments_created', { name: 'North' }));
	// The same name again is refused beside the field.
	await page.getByLabel(t('departments_name')).fill('north');
	await page.getByRole('button', { name: t('departments_create') }).click();
	await expect(page.getByText(t('error_duplicate'))).toBeVisible();
	for (const path of [team.teamPath, betaPath]) {
		await page.goto(path);
		await page.getByLabel(t('team_department_label')).selectOption({ label: 'North' });
		await page
			.getByRole('region', { name: t('team_department_title') })
			.getByRole('button', { name: t('common_save') })
			.click();
		await expect(page.getByText(t('team_department_saved'))).toBeVisible();
	}

	// The leaders page narrows to a department too: Alpha's leader is in North; an empty
	// department has nobody.
	await page.goto(`/o/${team.orgId}/settings/departments`);
	await page.getByLabel(t('departments_name')).fill('South');
	await page.getByRole('button', { name: t('departments_create') }).click();
	await page.goto(`/o/${team.orgId}/leaders`);
	const filter = page.getByRole('form', { name: t('follow_leaders_filter') });
	const leaderRow = page.getByRole('row', { name: new RegExp(team.leader.name) });
	await filter.getByLabel(t('follow_leaders_department')).selectOption({ label: 'North' });
	await filter.getByRole('button', { name: t('follow_leaders_apply') }).click();
	await expect(page).toHaveURL(/dept=/);
	await expect(leaderRow).toBeVisible();
	await filter.getByLabel(t('follow_leaders_department')).selectOption({ label: 'South' });
	await filter.getByRole('button', { name: t('follow_leaders_apply') }).click();
	await expect(leaderRow).toHaveCount(0);

	// Grouped: North's row (its shown pulses summed: 6 + 0 of 9 answers), its two teams, then the rest.
	await page.goto(`/o/${team.orgId}/dashboard`);
	const heatmap = page.locator('.heatmap table');
	const teamNames = heatmap.locator('tbody th[scope="row"] > a');
	await expect(teamNames).toHaveText([betaName, alphaName, `Gamma ${suffix}`]);
	const north = heatmap.getByRole('row', { name: /North/ });
	await expect(north).toContainText(t('heatmap_department_sums', { teams: 2, pulses: 2 }));
	await expect(north.getByRole('cell').first()).toHaveText('67 %');
	await page.screenshot({ path: 'tests/.output/screens/follow-heatmap.png', fullPage: true });

	// Biggest drop first: Beta.
	await page.getByRole('link', { name: t('heatmap_drop_first') }).click();
	await expect(page).toHaveURL(/sort=change/);
	await expect(teamNames.first()).toHaveText(betaName);
	await expect(heatmap.getByRole('row', { name: new RegExp(betaName) })).toContainText('▼');

	// A search narrows to one team, as a link.
	await page.getByLabel(t('heatmap_search')).fill('gamma');
	await page
		.getByRole('form', { name: t('heatmap_filters') })
		.getByRole('button', { name: t('heatmap_apply') })
		.click();
	await expect(page).toHaveURL(/q=gamma/);
	await expect(teamNames).toHaveText([`Gamma ${suffix}`]);
	await expect(page.getByText(t('heatmap_count', { shown: 1, total: 3 }))).toBeVisible();

	// On a phone, the table scrolls sideways.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/o/${team.orgId}/dashboard`);
	await page.screenshot({ path: 'tests/.output/screens/follow-heatmap-phone.png', fullPage: true });

	// A cell opens its team's dashboard.
	await heatmap
		.getByRole('row', { name: new RegExp(betaName) })
		.getByRole('cell')
		.first()
		.getByRole('link')
		.click();
	await expect(page).toHaveURL(new RegExp(`${betaPath}/dashboard$`));
});
