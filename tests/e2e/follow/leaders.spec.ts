import { newAccountDetails, signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { PulsePage } from '../pages/PulsePage';
import { inviteByRequest, joinByRequest } from '../requests';
import { answerPulseByRequest, followTeam } from './setup';

/**
 * Lead by example, seen by the team: a pulse asks about each leader by name, the results give
 * % favourable per leader beside their follow-through, and a leader sees only their own score.
 */
test('a pulse asks about each leader; each leader sees only their own score', async ({
	page,
	newContext,
	playwright,
	baseURL,
	expectAccessible
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	const second = await joinByRequest(
		playwright.request,
		team.origin,
		await inviteByRequest(team.asOwner, team.origin, team.orgId, 'leader', team.teamId),
		newAccountDetails('follow-leader-two')
	);
	const [first, other] = [team.leader, second].sort((a, b) => a.name.localeCompare(b.name));

	// The owner sets up the pulse: both leaders are offered, by name, and asked about by default.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${team.teamPath}/pulses`);
	const withLeaders = page.getByLabel(
		t('follow_pulse_with_leaders', { leaders: `${first.name}, ${other.name}` })
	);
	await expect(withLeaders).toBeChecked();
	await page.screenshot({ path: 'tests/.output/screens/follow-pulse-new.png', fullPage: true });
	await page.getByLabel(t('follow_pulse_with_safety')).uncheck();
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page).toHaveURL(/\/pulses\/[a-z0-9]+$/);
	const pulseId = new URL(page.url()).pathname.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', pulseId);

	// On a phone: the values, then each leader by name with the values under it, then eNPS.
	const phone = new PulsePage(
		await (await newContext({ viewport: { width: 390, height: 844 } })).newPage()
	);
	await phone.page.goto(`/pulse/${code}`);
	await expect(phone.questions()).toHaveCount(5);
	await expect(phone.questions().nth(2)).toContainText(
		t('follow_pulse_leader_statement', { leader: first.name })
	);
	await expect(phone.questions().nth(2)).toContainText(
		t('follow_pulse_leader_values', { values: 'Candour · Ownership' })
	);
	await expect(phone.questions().nth(3)).toContainText(
		t('follow_pulse_leader_statement', { leader: other.name })
	);
	await phone.page.screenshot({ path: 'tests/.output/screens/follow-pulse-leaders.png' });
	// [Candour, Ownership, first leader, other leader, eNPS]
	await phone.answer([4, 4, 5, 2, 9]);
	await expect(phone.thanks()).toBeVisible();
	const items = await Promise.all(
		[0, 1, 2, 3, 4].map((position) =>
			team.one(
				'select id from pulse_items where pulse_id = ? and position = ?',
				pulseId,
				String(position)
			)
		)
	);
	// First leader 5, 4, 2: 2 of 3 favourable; the other 2, 5, 2: 1 of 3.
	await answerPulseByRequest(team, code, items, [3, 4, 4, 5, 8]);
	await answerPulseByRequest(team, code, items, [5, 2, 2, 2, 10]);

	// The owner reads every leader's row on the pulse and on the team's dashboard.
	const leaderRow = (on: typeof page, name: string) =>
		on.getByRole('row', {
			name: new RegExp(t('follow_pulse_leader_statement', { leader: name }))
		});
	await page.reload();
	await expect(leaderRow(page, first.name)).toContainText('67 %');
	await expect(leaderRow(page, other.name)).toContainText('33 %');
	await page.goto(`${team.teamPath}/dashboard`);
	const perLeader = page.getByRole('region', { name: t('follow_dash_leaders_title') });
	// One pulse so far: each leader's number and its date, not a chart of lonely dots.
	await expect(perLeader.getByText(t('follow_dash_one_point_hint'))).toBeVisible();
	await expect(perLeader.locator('canvas')).toHaveCount(0);
	await expect(perLeader.getByRole('listitem').filter({ hasText: first.name })).toContainText(
		'67 %'
	);
	await expect(perLeader.getByRole('row', { name: first.name })).toContainText('67 %');
	await expect(perLeader.getByRole('row', { name: other.name })).toContainText('33 %');
	await perLeader.scrollIntoViewIfNeeded();
	await page.screenshot({
		path: 'tests/.output/screens/follow-dashboard-leaders.png',
		fullPage: true
	});

	// The first leader sees their own score, not their colleague's.
	const leaderContext = await newContext();
	await signInContext(leaderContext, team.origin, first);
	const leader = await leaderContext.newPage();
	await leader.goto(`${team.teamPath}/dashboard`);
	const own = leader.getByRole('region', { name: t('follow_dash_leaders_title') });
	await expect(own).toContainText(t('follow_dash_leaders_own'));
	await expect(own.getByRole('row', { name: first.name })).toContainText('67 %');
	await expect(leader.getByText(other.name)).toHaveCount(0);
	await leader.goto(`${team.teamPath}/pulses/${pulseId}`);
	await expect(leaderRow(leader, first.name)).toContainText('67 %');
	await expect(leader.getByText(other.name)).toHaveCount(0);

	// Management reads both.
	const viewerContext = await newContext();
	await signInContext(viewerContext, team.origin, team.viewer);
	const viewer = await viewerContext.newPage();
	await viewer.goto(`${team.teamPath}/dashboard`);
	const all = viewer.getByRole('region', { name: t('follow_dash_leaders_title') });
	await expect(all.getByRole('row', { name: other.name })).toContainText('33 %');
	await expect(all).not.toContainText(t('follow_dash_leaders_own'));

	// And every leader of the organisation on one page: the least seen living the values first.
	await viewer.goto(`/o/${team.orgId}`);
	await viewer
		.getByRole('navigation', { name: t('nav_organisation') })
		.getByRole('link', { name: t('follow_nav_leaders') })
		.click();
	await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(t('follow_leaders_title'));
	const rows = viewer.getByRole('row').filter({ has: viewer.getByRole('rowheader') });
	await expect(rows).toHaveCount(2);
	await viewer.getByLabel(t('follow_leaders_sort')).selectOption('seen_low');
	await viewer.getByRole('button', { name: t('follow_leaders_apply') }).click();
	await expect(viewer).toHaveURL(/sort=seen_low/);
	await expect(rows.first().getByRole('rowheader')).toHaveText(other.name);
	await expect(rows.first()).toContainText('33 %');
	await expect(rows.nth(1)).toContainText('67 %');
	const teamName = await team.one('select name from teams where id = ?', team.teamId);
	await expect(rows.first().getByRole('link', { name: teamName })).toHaveAttribute(
		'href',
		`${team.teamPath}/dashboard`
	);
	await expectAccessible(viewer);
	await viewer.screenshot({ path: 'tests/.output/screens/follow-org-leaders.png', fullPage: true });

	// A search by part of a name; one that is too long is refused next to its field.
	const search = viewer.getByLabel(t('follow_leaders_search'));
	await search.fill(first.name.split(' ').at(-1)!.toUpperCase());
	await search.press('Enter');
	await expect(rows).toHaveCount(1);
	await expect(rows.first().getByRole('rowheader')).toHaveText(first.name);
	await viewer.goto(`/o/${team.orgId}/leaders?q=${'x'.repeat(101)}`);
	await expect(viewer.getByLabel(t('follow_leaders_search'))).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(rows).toHaveCount(2);
});
