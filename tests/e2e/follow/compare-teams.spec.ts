import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { SiteHeader } from '../pages/SiteHeader';
import { createTeamByRequest, expectStatus, postForm } from '../requests';
import { answerPulseByRequest, followTeam, type FollowTeam } from './setup';

/**
 * An owner compares two teams' pulse checks for this quarter: both teams' % favourable and
 * eNPS, and the difference between them flagged because it is larger than its uncertainty for
 * nine people a side. A pulse check with too few respondents is named, not counted. A leader
 * who may not see the other team learns nothing about it: the same words as for a team that
 * does not exist. Bad parameters get a message beside the field, never an error page.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Today's calendar quarter as the app names it, and its first day (UTC). */
function thisQuarter() {
	const now = new Date();
	const q = Math.floor(now.getUTCMonth() / 3);
	const first = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
	return { n: q + 1, year: now.getUTCFullYear(), first };
}

/** A second team of the owner's organisation with the same values, the owner not in it. */
async function secondTeam(team: FollowTeam, name: string, valueNames: string[]) {
	const teamId = await createTeamByRequest(team.asOwner, team.origin, team.orgId, name);
	const teamPath = `/o/${team.orgId}/t/${teamId}`;
	const stepOut = await postForm(team.asOwner, team.origin, `${teamPath}?/removeMember`, {
		userId: await team.one('select id from users where email = ?', team.owner.email)
	});
	expectStatus(stepOut, 200, 'the owner stepping out of the second team');
	for (const value of valueNames) {
		const made = await postForm(team.asOwner, team.origin, `${teamPath}/map?/createValue`, {
			name: value,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${value}`);
	}
	return { teamId, teamPath };
}

/** A pulse of `teamPath` opened today, answered by one new device per list (value 1, value 2, eNPS). */
async function pulseAnsweredBy(team: FollowTeam, teamPath: string, answers: number[][]) {
	const made = await postForm(team.asOwner, team.origin, `${teamPath}/pulses?/create`, {
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
	for (const scores of answers) await answerPulseByRequest(team, code, items, scores);
	return id;
}

test('an owner compares two teams’ pulse checks for a quarter and sees both figures and the flagged difference', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const values = ['Candour', 'Ownership'];
	const team = await followTeam(playwright.request, baseURL!, values, { minGroupSize: 3 });
	const teamName = await team.one('select name from teams where id = ?', team.teamId);
	const otherName = `Harbour ${team.teamId.slice(-6)}`;
	const other = await secondTeam(team, otherName, values);
	// This team: nine people, 4 of 18 value answers favourable (22 %); eNPS 2 promoters and
	// 7 detractors of 9 → −56.
	await pulseAnsweredBy(team, team.teamPath, [
		...Array.from({ length: 7 }, () => [2, 3, 5]),
		[4, 4, 9],
		[4, 4, 9]
	]);
	// The other team: nine people, 16 of 18 favourable (89 %); eNPS 8 promoters, 1 detractor →
	// +78. +67 points against 22 %: with nine people a side the margin is
	// 1.96 · √(0.556 · 0.444 · 2/9) = 46 points, so it is flagged.
	await pulseAnsweredBy(team, other.teamPath, [
		...Array.from({ length: 8 }, () => [5, 4, 9]),
		[2, 2, 3]
	]);
	// And a pulse check of the other team earlier this quarter with two respondents, below the
	// minimum of three: named, not counted.
	const few = await pulseAnsweredBy(team, other.teamPath, [
		[1, 1, 0],
		[1, 1, 0]
	]);
	const { n, year, first } = thisQuarter();
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	await db.execute({
		sql: 'update pulses set opens_on = ?, closes_on = ? where id = ?',
		args: [first, first, few]
	});
	db.close();

	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${team.teamPath}/compare`);
	const picker = page.getByRole('form', { name: t('follow_period_label') });
	await picker.getByLabel(t('analytics_compare_pulses_other')).selectOption({ label: otherName });
	await picker.getByLabel(t('follow_period_label')).selectOption('quarter');
	await picker.getByRole('button', { name: t('follow_period_show') }).click();
	await expect(page).toHaveURL(/[?&]period=quarter/);
	await expect(page).toHaveURL(new RegExp(`[?&]with=${other.teamId}`));
	await expect(page.getByTestId('period')).toContainText(
		t('follow_period_quarter_name', { n, year })
	);

	const compared = page.getByRole('region', {
		name: t('analytics_compare_pulses_of', { a: teamName, b: otherName })
	});
	const row = (measure: string) => compared.getByRole('row', { name: new RegExp(`^${measure}`) });
	const favourable = row(t('follow_dash_favourable'));
	await expect(favourable.getByRole('cell').nth(0)).toHaveText('22 %');
	await expect(favourable.getByRole('cell').nth(1)).toHaveText('89 %');
	await expect(favourable.getByRole('cell').nth(2)).toContainText('+67');
	await expect(favourable.getByRole('cell').nth(2)).toContainText('± 46');
	await expect(favourable.getByTestId('difference-flag')).toHaveText(
		t('follow_period_change_flagged')
	);
	// eNPS: −56 against +78, +133 points; margin 1.96 · √(0.691/9 + 0.395/9) = 68: flagged.
	const enps = row(t('follow_enps'));
	await expect(enps.getByRole('cell').nth(0)).toHaveText('-56');
	await expect(enps.getByRole('cell').nth(1)).toHaveText('+78');
	await expect(enps.getByRole('cell').nth(2)).toContainText('+133');
	await expect(enps.getByRole('cell').nth(2)).toContainText('± 68');
	await expect(enps.getByTestId('difference-flag')).toHaveText(t('follow_period_change_flagged'));
	const firstDay = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${first}T12:00:00Z`)
	);
	await expect(compared).toContainText(
		t('analytics_compare_pulses_withheld', {
			team: otherName,
			min: 3,
			list: t('follow_period_withheld_one', { date: firstDay, n: 2 })
		})
	);
	await page.screenshot({ path: 'tests/.output/screens/compare-teams.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/.output/screens/compare-teams-390.png', fullPage: true });

	// In Dutch, each team's last pulse check (the default period): the same figures and flag.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`${team.teamPath}/compare?with=${other.teamId}`);
	await new SiteHeader(page).switchLanguage('nl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByTestId('period')).toHaveText(t('analytics_compare_pulses_last', {}, 'nl'));
	const vergeleken = page.getByRole('region', {
		name: t('analytics_compare_pulses_of', { a: teamName, b: otherName }, 'nl')
	});
	await expect(vergeleken.getByRole('row', { name: /^% positief/ })).toContainText('+67');
	await expect(
		vergeleken.getByRole('row', { name: /^% positief/ }).getByTestId('difference-flag')
	).toHaveText(t('follow_period_change_flagged', {}, 'nl'));
	await page.screenshot({ path: 'tests/.output/screens/compare-teams-nl.png', fullPage: true });

	// The team's leader, who also leads a third team, may not see the other team: its id is
	// refused beside the field with the same words as an id that does not exist, it is not
	// offered, and nothing of it is on the page.
	const third = await secondTeam(team, `Quay ${team.teamId.slice(-6)}`, values);
	const added = await postForm(team.asOwner, team.origin, `${third.teamPath}?/addMember`, {
		userId: await team.one('select id from users where email = ?', team.leader.email)
	});
	expectStatus(added, 200, 'the leader joining the third team');
	const leaderContext = await newContext();
	await signInContext(leaderContext, team.origin, team.leader);
	const leaderPage = await leaderContext.newPage();
	const texts: string[] = [];
	for (const id of [other.teamId, 'no-such-team']) {
		const response = await leaderPage.goto(`${team.teamPath}/compare?with=${id}&period=quarter`);
		expect(response?.status()).toBe(200);
		const select = leaderPage.getByRole('combobox', { name: t('analytics_compare_pulses_other') });
		await expect(select).toHaveAttribute('aria-invalid', 'true');
		await expect(leaderPage.getByRole('alert')).toHaveText(t('error_invalid'));
		await expect(select.getByRole('option')).toHaveText([
			t('analytics_compare_pulses_pick'),
			`Quay ${team.teamId.slice(-6)}`
		]);
		const html = await response!.text();
		expect(html).not.toContain(otherName);
		expect(html).not.toContain('89 %');
		texts.push(
			(await leaderPage.locator('main').innerText()).replaceAll(id, '').replaceAll(/\s+/g, ' ')
		);
	}
	expect(texts[0]).toBe(texts[1]);
});

test('bad parameters on the teams comparison are said beside the field, never an error page', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const other = await secondTeam(team, `Dock ${team.teamId.slice(-6)}`, ['Candour']);
	await signInContext(page.context(), team.origin, team.owner);
	const withField = page.getByRole('combobox', { name: t('analytics_compare_pulses_other') });
	const periodField = page.getByRole('combobox', { name: t('follow_period_label') });
	for (const [query, control, text] of [
		[`with=${'x'.repeat(100)}`, withField, t('error_invalid')],
		[`with=${team.teamId}`, withField, t('error_invalid')],
		[`with=${other.teamId}&period=fortnight`, periodField, t('follow_period_error_unknown_kind')],
		[
			`with=${other.teamId}&period=custom&from=2026-03-31&to=2026-01-01`,
			page.getByLabel(t('follow_period_to')),
			t('follow_period_error_from_after_to')
		]
	] as const) {
		const response = await page.goto(`${team.teamPath}/compare?${query}`);
		expect(response?.status(), query).toBe(200);
		await expect(page.getByRole('alert')).toContainText(text);
		await expect(control).toHaveAttribute('aria-invalid', 'true');
	}
});
