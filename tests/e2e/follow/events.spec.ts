import { createClient } from '@libsql/client';
import type { Locator } from '@playwright/test';
import { signInContext } from '../accounts';
import { expectChartDrawn } from '../charts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm, requestAs } from '../requests';
import { answerPulseByRequest, followTeam, type FollowTeam } from './setup';

/**
 * Participation and events on the charts (issue 15, items 3 and 4): an owner sets a team's
 * size and reads "n of size" on the pulse and the dashboards; adds a note "Reorganisation" and
 * finds it marked on the chart and listed in the table under it.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A pulse answered by `people` devices, then moved to `opensOn` (the app opens from today on). */
async function pulseOn(team: FollowTeam, opensOn: string, people: number) {
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	const id = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', id);
	const items = await Promise.all(
		[0, 1, 2].map((position) =>
			team.one(
				'select id from pulse_items where pulse_id = ? and position = ?',
				id,
				String(position)
			)
		)
	);
	for (let i = 0; i < people; i++) {
		await answerPulseByRequest(team, code, items, [4, 5, 9]);
	}
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	await db.execute({
		sql: 'update pulses set opens_on = ?, closes_on = ? where id = ?',
		args: [opensOn, opensOn > day(0) ? opensOn : day(0), id]
	});
	db.close();
	return id;
}

/**
 * Whether the chart has a mark drawn: a column of pixels at least 60 tall in the marks' grey
 * (#707070), which no line, grid or text of a chart is drawn in.
 */
async function hasMark(canvas: Locator): Promise<boolean> {
	return canvas.evaluate((c: HTMLCanvasElement) => {
		const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
		for (let x = 0; x < width; x++) {
			let run = 0;
			for (let y = 0; y < height; y++) {
				const i = (y * width + x) * 4;
				const grey = [data[i], data[i + 1], data[i + 2]].every((v) => Math.abs(v - 112) < 10);
				run = grey && data[i + 3] > 200 ? run + 1 : 0;
				if (run >= 60) return true;
			}
		}
		return false;
	});
}

test('an owner sets a team size, reads "n of size" on the pulse and the dashboards, and marks a reorganisation on the charts', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	await pulseOn(team, day(-40), 6);
	const latest = await pulseOn(team, day(0), 3);

	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(team.teamPath);
	await waitForHydration(page);
	const size = page.getByLabel(t('team_size_label'));
	// Nothing typed but nonsense: the message is beside the field.
	await size.fill('0');
	await page.getByRole('button', { name: t('team_size_save') }).click();
	await expect(size).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(t('error_too_small', { limit: 1 }))).toBeVisible();
	await page.getByLabel(t('team_size_label')).fill('4');
	await page.getByRole('button', { name: t('team_size_save') }).click();
	await expect(page.getByRole('status')).toHaveText(t('team_size_saved'));
	await expect(page.getByTestId('team-size-now')).toHaveText(t('team_size_now_set', { size: 4 }));

	// The pulse list and the pulse: 3 of 4.
	const threeOfFour = t('participation_of', { respondents: 3, size: 4, percent: '75 %' });
	await page.goto(`${team.teamPath}/pulses`);
	await expect(page.getByRole('row').filter({ hasText: threeOfFour })).toHaveCount(1);
	// Six answered the first pulse, more than its size: said as it is, with the hint.
	const sixOfFour = page
		.getByRole('row')
		.filter({ hasText: t('participation_of', { respondents: 6, size: 4, percent: '150 %' }) });
	await expect(sixOfFour).toContainText(t('participation_over_hint'));
	await page.goto(`${team.teamPath}/pulses/${latest}`);
	await expect(page.getByTestId('participation')).toHaveText(threeOfFour);

	// The team's dashboard: participation of the last pulse.
	await page.goto(`${team.teamPath}/dashboard`);
	await waitForHydration(page);
	const figure = page.getByTestId('participation-figure');
	await expect(figure).toContainText('75 %');
	await expect(figure).toContainText(threeOfFour);
	// Per pulse, as a chart: 150 % then 75 %.
	const overTime = page.getByRole('region', { name: t('participation_chart_title'), exact: true });
	await expectChartDrawn(overTime.locator('canvas'));
	await overTime.getByText(t('follow_dash_show_table')).click();
	await expect(overTime.getByRole('row').filter({ hasText: '75 %' })).toHaveCount(1);
	await expect(overTime.getByRole('row').filter({ hasText: '150 %' })).toHaveCount(1);
	await expect(overTime).toContainText(t('participation_over_hint'));

	// A note between the two pulses.
	const when = day(-20);
	const notes = page.getByRole('region', { name: t('events_title') });
	await notes.getByLabel(t('events_date')).fill(when);
	await notes.getByLabel(t('events_label')).fill('Reorganisation');
	await notes.getByRole('button', { name: t('events_add') }).click();
	await expect(page.getByRole('status')).toHaveText(t('events_added', { label: 'Reorganisation' }));
	const chart = page.getByRole('region', { name: t('follow_dash_favourable_title') });
	const canvas = chart.locator('canvas');
	await expectChartDrawn(canvas);
	await expect.poll(() => hasMark(canvas)).toBe(true);
	await chart.getByText(t('follow_dash_show_table')).click();
	const marks = chart.getByTestId('chart-marks');
	await expect(marks.getByRole('row').filter({ hasText: 'Reorganisation' })).toContainText(
		t('chart_mark_note')
	);
	await page.screenshot({
		path: 'tests/.output/screens/events-team-dashboard.png',
		fullPage: true
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await expectChartDrawn(canvas);
	await page.screenshot({
		path: 'tests/.output/screens/events-team-dashboard-390.png',
		fullPage: true
	});
	await chart.screenshot({ path: 'tests/.output/screens/events-team-chart-390.png' });

	// The organisation: its own note on its charts (not the team's), participation of the teams.
	await page.setViewportSize({ width: 1280, height: 900 });
	const added = await postForm(team.asOwner, team.origin, `/o/${team.orgId}/dashboard?/addEvent`, {
		onDate: day(-10),
		label: 'New director'
	});
	expectStatus(added, 200, 'adding a note to the organisation');
	await page.goto(`/o/${team.orgId}/dashboard`);
	await waitForHydration(page);
	await expect(page.getByTestId('participation-figure')).toContainText(threeOfFour);
	const orgChart = page.getByRole('region', { name: t('follow_dash_favourable_title') });
	await expectChartDrawn(orgChart.locator('canvas'));
	await orgChart.getByText(t('follow_dash_show_table')).click();
	const orgMarks = orgChart.getByTestId('chart-marks');
	await expect(orgMarks).toContainText('New director');
	await expect(orgMarks).not.toContainText('Reorganisation');
	await page.screenshot({ path: 'tests/.output/screens/events-org-dashboard.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await expectChartDrawn(orgChart.locator('canvas'));
	await page.screenshot({
		path: 'tests/.output/screens/events-org-dashboard-390.png',
		fullPage: true
	});
	await orgChart.screenshot({ path: 'tests/.output/screens/events-org-chart-390.png' });
});

test('a leader and a viewer read the notes but cannot add one', async ({ playwright, baseURL }) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	for (const who of [team.leader, team.viewer]) {
		const as = await requestAs(playwright.request, team.origin, { session: who.sessionToken });
		const sent = await postForm(as, team.origin, `${team.teamPath}/dashboard?/addEvent`, {
			onDate: day(-1),
			label: 'Sneaky'
		});
		expect(sent.status).toBe(403);
		await as.dispose();
	}
});
