import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { CommitmentsPage } from '../pages/CommitmentsPage';
import { expectStatus, postForm } from '../requests';
import { followTeam } from './setup';

/**
 * The findings of issue 15 on commitments: filters by status and due period that are links (no
 * script needed), counts per status, days overdue in one wording on the list and on the value's
 * drill-down, and extending a due date with a reason, the history kept and follow-through still
 * measured against the original date.
 */

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

test.use({ javaScriptEnabled: false });

test('commitments narrow by status and period, show days overdue, and an extension keeps the record honest', async ({
	page,
	newContext,
	playwright,
	baseURL,
	expectAccessible
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const leaderId = await team.one('select id from users where email = ?', team.leader.email);
	const base = `${team.teamPath}/commitments`;
	const make = async (action: string) => {
		const made = await postForm(team.asOwner, team.origin, `${base}?/create`, {
			leaderId,
			valueId: team.values.Candour,
			action,
			signal: 'People notice',
			dueOn: day(3)
		});
		expectStatus(made, 303, `writing "${action}"`);
		return /\/commitments\/([^/?]+)/.exec(made.location)![1];
	};
	const late = await make('Late: ask before I tell');
	const today = await make('Today: share the roadmap');
	const later = await make('Later: rotate the chair');
	const done = await make('Done: thank the night shift');
	expectStatus(
		await postForm(team.asOwner, team.origin, `${base}/${done}?/done`, {}),
		200,
		'marking one done'
	);
	// Dates the forms would not take: due 12 days ago, today, and in two years.
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	for (const [id, dueOn] of [
		[late, day(-12)],
		[today, day(0)],
		[later, day(730)]
	]) {
		await db.execute({ sql: 'update commitments set due_on = ? where id = ?', args: [dueOn, id] });
	}
	db.close();

	await signInContext(page.context(), team.origin, team.leader);
	const commitments = new CommitmentsPage(page);
	await commitments.goto(team.teamPath);
	const byStatus = page.getByRole('navigation', { name: t('follow_filter_by_status') });
	const count = (key: Parameters<typeof t>[0], n: number) =>
		byStatus.getByRole('link', { name: new RegExp(`^${t(key)}\\s*\\(?${n}\\)?$`) });
	await expect(count('follow_filter_all', 4)).toBeVisible();
	await expect(count('follow_status_open', 3)).toBeVisible();
	await expect(count('follow_overdue', 1)).toBeVisible();
	await expect(count('follow_status_done', 1)).toBeVisible();
	await expect(count('follow_status_dropped', 0)).toBeVisible();
	await expect(commitments.row('Late: ask')).toContainText(t('follow_days_overdue', { count: 12 }));
	await expect(commitments.row('Today: share')).not.toContainText(t('follow_overdue'));

	// The overdue link is a filtered view of its own, with the current one marked.
	await count('follow_overdue', 1).click();
	await expect(page).toHaveURL(/[?&]status=overdue/);
	await expect(commitments.list().getByRole('row')).toHaveCount(2); // the head and one
	await expect(commitments.row('Late: ask')).toBeVisible();
	await expect(count('follow_overdue', 1)).toHaveAttribute('aria-current', 'page');

	// The period narrows by due date, and keeps the status; the counts follow it.
	await page.getByLabel(t('follow_col_status'), { exact: true }).selectOption('open');
	await page.getByLabel(t('follow_filter_due')).selectOption('year');
	await page.getByRole('button', { name: t('follow_filter_submit') }).click();
	await expect(page).toHaveURL(/status=open/);
	await expect(page).toHaveURL(/due=year/);
	await expect(commitments.row('Today: share')).toBeVisible();
	await expect(commitments.row('Later: rotate')).toHaveCount(0);
	await expect(commitments.row('Done: thank')).toHaveCount(0);
	await expect(count('follow_status_done', 1)).toHaveAttribute('href', /due=year/);

	// The value's drill-down on the dashboard says the same as the list, in Dutch too.
	const dutch = await newContext({ javaScriptEnabled: false });
	await signInContext(dutch, team.origin, team.leader);
	await dutch.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: team.origin }]);
	const drill = await dutch.newPage();
	await drill.goto(`${team.teamPath}/dashboard?value=${team.values.Candour}`);
	await expect(drill.getByRole('listitem').filter({ hasText: 'Late: ask' })).toContainText(
		`${t('follow_status_open', {}, 'nl')} ${t('follow_days_overdue', { count: 12 }, 'nl')}`
	);
	await page.goto(`${team.teamPath}/dashboard?value=${team.values.Candour}`);
	await expect(page.getByRole('listitem').filter({ hasText: 'Late: ask' })).toContainText(
		t('follow_days_overdue', { count: 12 })
	);

	// Extending: the leader moves the overdue one later, with a reason; refusals by the field.
	await commitments.goto(team.teamPath);
	await expect(commitments.teamRate()).toContainText('50 %');
	await page.goto(`${base}/${late}`);
	const extend = page.getByRole('region', { name: t('follow_extend_title') });
	const newDue = extend.getByLabel(t('follow_extend_field_due'));
	const reason = extend.getByLabel(t('follow_extend_field_reason'));
	const submit = extend.getByRole('button', { name: t('follow_extend_submit') });
	await newDue.fill(day(-13));
	await submit.click();
	await expect(extend.getByText(t('follow_extend_error_not_later'))).toBeVisible();
	await expect(extend.getByText(t('error_required'))).toBeVisible();
	await expect(newDue).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	await newDue.fill(day(3 * 365));
	await reason.fill('The supplier moved the launch');
	await submit.click();
	await expect(extend.getByText(t('follow_extend_error_too_far', { limit: 2 }))).toBeVisible();
	await newDue.fill(day(30));
	await reason.fill('The supplier moved the launch');
	await submit.click();
	await expect(page.getByText(t('follow_extended'))).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Late: ask' })).toBeVisible();
	const history = page
		.getByRole('region', { name: t('follow_extensions_title') })
		.getByRole('listitem');
	await expect(history).toHaveCount(2);
	await expect(history.nth(1)).toContainText('The supplier moved the launch');
	await expect(history.nth(1)).toContainText(team.leader.name);
	await expect(page.getByText(t('follow_original_due'), { exact: true })).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText(t('follow_days_overdue', { count: 12 }));

	// No longer overdue on the list, but follow-through still counts it late: 50 % as before.
	await commitments.goto(team.teamPath);
	await expect(count('follow_overdue', 0)).toBeVisible();
	await expect(commitments.row('Late: ask')).toContainText(t('follow_status_open'));
	await expect(commitments.teamRate()).toContainText('50 %');
	await expect(commitments.teamRate()).toContainText(
		t('follow_rate_counts', { onTime: 1, due: 2, overdue: 1 })
	);
});

test('at 390 px the long list uses the width: no column of leader, value and date squeezes it', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const leaderId = await team.one('select id from users where email = ?', team.leader.email);
	for (let i = 0; i < 3; i++) {
		const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/commitments?/create`, {
			leaderId,
			valueId: team.values.Candour,
			action: `Commitment number ${i + 1} with a fairly long description of what to do`,
			signal: 'People notice',
			dueOn: day(10)
		});
		expectStatus(made, 303, 'writing a commitment');
	}
	await page.setViewportSize({ width: 390, height: 844 });
	await signInContext(page.context(), team.origin, team.owner);
	const commitments = new CommitmentsPage(page);
	await commitments.goto(team.teamPath);
	const row = commitments.row('Commitment number 1');
	await expect(row).toContainText(team.leader.name);
	const action = row.getByRole('cell').first();
	const box = (await action.boundingBox())!;
	// The action's cell takes most of the row; the page does not scroll sideways.
	expect(box.width).toBeGreaterThan(200);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	await page.setViewportSize({ width: 1280, height: 900 });
	const list = commitments.list();
	const wide = (await list.boundingBox())!;
	// On a desk the list spans the page, not a column beside the form, and says who and when
	// once: in their columns, not again under the action.
	expect(wide.width).toBeGreaterThan(1000);
	await expect(row.getByText(team.leader.name).filter({ visible: true })).toHaveCount(1);
});
