import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { CommitmentsPage } from '../pages/CommitmentsPage';
import { expectStatus, postForm, postJson, requestAs } from '../requests';
import { RoomPage } from '../room/RoomPage';
import { followTeam } from './setup';

/**
 * Step 7 of the method, after the workshop: a leader's commitment from the commit activity
 * shows up on the team's commitments page, gets a check-in with evidence and is completed; the
 * next workshop's review lists it; a viewer reads everything and changes nothing.
 */

const ACTION = 'Name my own mistake first in every retro.';

test('a commitment from a workshop is checked in on and completed by its leader', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership']);

	// A workshop from a template; the facilitator's pace goes to its commit activity.
	const workshops = `${team.teamPath}/workshops`;
	const created = await postForm(team.asOwner, team.origin, `${workshops}?/create`, {
		title: 'Kick-off',
		template: 'current_vs_strategic'
	});
	const workshopId = new RegExp(`^${workshops}/([^/]+)$`).exec(created.location)![1];
	const code = await team.one('select join_code from workshops where id = ?', workshopId);
	const commitIndex = await team.one(
		"select cast(position as text) from activities where workshop_id = ? and kind = 'commit'",
		workshopId
	);
	for (const command of [{ type: 'start' }, { type: 'goto', index: Number(commitIndex) }]) {
		const paced = await postJson(team.asOwner, team.origin, `/live/${workshopId}/pace`, command);
		expectStatus(paced, 200, `the pace command ${command.type}`);
	}

	// The leader commits on their phone, signed in.
	const phone = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
	await signInContext(phone, team.origin, team.leader);
	const room = new RoomPage(await phone.newPage());
	await room.page.goto(`/join/${code}`);
	await room.join(null);
	await room.page
		.getByLabel(t('room_commit_value'), { exact: true })
		.selectOption({ label: 'Candour' });
	await room.page.getByLabel(t('room_commit_action')).fill(ACTION);
	await room.page.getByLabel(t('room_commit_signal')).fill('Retro notes start with my mistakes.');
	const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await room.page.getByLabel(t('room_commit_due')).fill(due);
	await room.button('room_commit_submit').click();
	await expect(room.page.getByText(t('room_commit_done'))).toBeVisible();

	// Back at their desk: the commitment is on the team's page, from the workshop.
	await signInContext(page.context(), team.origin, team.leader);
	const commitments = new CommitmentsPage(page);
	await commitments.goto(team.teamPath);
	const row = commitments.row(ACTION);
	await expect(row).toContainText(t('follow_from_workshop', { title: 'Kick-off' }));
	await expect(row).toContainText(t('follow_status_open'));
	await expect(commitments.teamRate()).toContainText(t('follow_rate_nothing_due'));
	await row.getByRole('link', { name: ACTION }).click();
	await expect(page.getByRole('heading', { name: ACTION })).toBeVisible();

	// A check-in without evidence is refused next to the field; with it, it is kept.
	await commitments.button('follow_checkin_submit').click();
	await expect(page.getByText(t('error_required'))).toBeVisible();
	await expect(page.getByLabel(t('follow_field_did'))).toHaveAttribute('aria-invalid', 'true');
	await commitments.checkIn('Opened Tuesday’s retro with the deploy I broke.');
	await expect(page.getByText(t('follow_checked_in'))).toBeVisible();
	await expect(commitments.checkins()).toHaveCount(1);
	await expect(commitments.checkins().first()).toContainText('the deploy I broke');
	await page.screenshot({ path: 'tests/.output/screens/follow-commitment.png', fullPage: true });

	// Done: the page says so, the forms go, and the rate counts it as on time.
	await commitments.button('follow_done_submit').click();
	await expect(page.getByText(t('follow_marked_done'))).toBeVisible();
	await expect(commitments.checkinForm()).toHaveCount(0);
	await commitments.goto(team.teamPath);
	await expect(commitments.row(ACTION)).toContainText(t('follow_status_done'));
	await expect(commitments.teamRate()).toContainText('100 %');
	await expect(commitments.teamRate()).toContainText(
		t('follow_rate_counts', { onTime: 1, due: 1, overdue: 0 })
	);
	await page.screenshot({ path: 'tests/.output/screens/follow-commitments.png', fullPage: true });

	// The team's next workshop opens with a look back at it.
	const next = await postForm(team.asOwner, team.origin, `${workshops}?/create`, {
		title: 'Six weeks on',
		template: 'full_alignment'
	});
	const nextId = new RegExp(`^${workshops}/([^/]+)$`).exec(next.location)![1];
	const review = await team.one(
		'select prompt from activities where workshop_id = ? and position = 0',
		nextId
	);
	expect(review).toContain(`${team.leader.name}: ${ACTION} (done)`);
});

test('a leader writes their own commitment; a viewer reads and cannot change anything', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);

	await signInContext(page.context(), team.origin, team.leader);
	const commitments = new CommitmentsPage(page);
	await commitments.goto(team.teamPath);
	const form = commitments.newForm();
	// Leaders write for themselves only.
	await expect(form.getByLabel(t('follow_col_leader')).locator('option')).toHaveText([
		team.leader.name
	]);
	await form.getByLabel(t('follow_field_value')).selectOption({ label: 'Candour' });
	// The server keeps the limit even when the browser's maxlength is gone (taken off after
	// hydration, which would put it back).
	await waitForHydration(page);
	const action = form.getByLabel(t('follow_field_action'));
	await action.evaluate((el) => el.removeAttribute('maxlength'));
	await action.fill('x'.repeat(281));
	await form.getByLabel(t('follow_field_signal')).fill('People hear me ask first.');
	await commitments.button('follow_new_submit').click();
	await expect(form.getByText(t('error_too_long', { limit: 280 }))).toBeVisible();
	await expect(form.getByText(t('error_required'))).toBeVisible(); // the due date
	await form.getByLabel(t('follow_field_action')).fill('Ask before I tell, in every stand-up.');
	const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	await form.getByLabel(t('follow_field_due')).fill(due);
	await commitments.button('follow_new_submit').click();
	await expect(page.getByText(t('follow_made'))).toBeVisible();
	const path = new URL(page.url()).pathname;

	const viewerContext = await newContext();
	await signInContext(viewerContext, team.origin, team.viewer);
	const viewer = new CommitmentsPage(await viewerContext.newPage());
	await viewer.goto(team.teamPath);
	await expect(viewer.row('Ask before I tell')).toBeVisible();
	await expect(viewer.newForm()).toHaveCount(0);
	await viewer.page.goto(path);
	await expect(viewer.page.getByRole('heading', { name: 'Ask before I tell' })).toBeVisible();
	await expect(viewer.page.getByRole('main').locator('form[method="POST"]')).toHaveCount(0);
	const asViewer = await requestAs(playwright.request, team.origin, {
		session: team.viewer.sessionToken
	});
	for (const [action, form] of [
		['checkin', { did: 'I did it', happenedOn: due }],
		['done', {}],
		['drop', { reason: 'Not mine' }]
	] as const) {
		const refused = await postForm(asViewer, team.origin, `${path}?/${action}`, form);
		expectStatus(refused, 403, `a viewer's ${action}`);
	}
	const made = await postForm(asViewer, team.origin, `${team.teamPath}/commitments?/create`, {});
	expectStatus(made, 403, 'a viewer writing a commitment');
	await viewer.page.reload();
	await expect(viewer.page.getByText(t('follow_status_open'))).toBeVisible();
});
