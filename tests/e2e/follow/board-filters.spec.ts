import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm } from '../requests';
import { followTeam } from './setup';

/**
 * The board (issue 15): done posts apart from the open ones (open first), and a filter by status
 * and by when a post was posted, as a GET form whose result is a link (no script needed).
 */

test.use({ javaScriptEnabled: false });

test('the board shows the open posts first, the done ones apart, and filters by status and period', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const board = `${team.teamPath}/board`;
	const texts = ['Fewer meetings on Friday', 'A quiet room for calls', 'Coffee machine fixed'];
	for (const text of texts) {
		expectStatus(await postForm(team.asOwner, team.origin, `${board}?/post`, { text }), 200, text);
	}
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const idOf = async (text: string) =>
		String(
			(
				await db.execute({
					sql: 'select id from board_posts where team_id = ? and text = ?',
					args: [team.teamId, text]
				})
			).rows[0].id
		);
	for (const [text, status] of [
		['Coffee machine fixed', 'done'],
		['A quiet room for calls', 'heard']
	]) {
		const triaged = await postForm(team.asOwner, team.origin, `${board}?/triage`, {
			postId: await idOf(text),
			status,
			answer: ''
		});
		expectStatus(triaged, 200, `triaging "${text}"`);
	}
	// One post from two years ago, still new.
	await db.execute({
		sql: 'update board_posts set created_at = ? where id = ?',
		args: [Date.now() - 730 * 86_400_000, await idOf('Fewer meetings on Friday')]
	});
	db.close();

	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(board);
	const open = page.getByRole('region', { name: t('follow_board_open_title') });
	const done = page.getByRole('region', { name: t('follow_board_done_title') });
	await expect(open.getByText('Fewer meetings on Friday', { exact: true })).toBeVisible();
	await expect(open.getByText('A quiet room for calls', { exact: true })).toBeVisible();
	await expect(open.getByText('Coffee machine fixed', { exact: true })).toHaveCount(0);
	await expect(done.getByText('Coffee machine fixed', { exact: true })).toBeVisible();
	// Open first: the done group comes after it on the page.
	const order = await page
		.getByRole('heading', { level: 3 })
		.evaluateAll((hs) => hs.map((h) => h.textContent?.trim()));
	expect(order).toEqual([t('follow_board_open_title'), t('follow_board_done_title')]);

	const filter = page.getByRole('form', { name: t('follow_board_filter_label') });
	await filter.getByLabel(t('follow_board_filter_status')).selectOption('done');
	await filter.getByRole('button', { name: t('follow_filter_submit') }).click();
	await expect(page).toHaveURL(/[?&]status=done/);
	await expect(done.getByText('Coffee machine fixed', { exact: true })).toBeVisible();
	await expect(open).toHaveCount(0);

	await page.goto(`${board}?status=open&posted=year`);
	await expect(page.getByLabel(t('follow_board_filter_posted'))).toHaveValue('year');
	await expect(open.getByText('A quiet room for calls', { exact: true })).toBeVisible();
	await expect(page.getByText('Fewer meetings on Friday', { exact: true })).toHaveCount(0);
	await expect(done).toHaveCount(0);

	await page.goto(`${board}?status=acting`);
	await expect(page.getByText(t('follow_board_none_match'))).toBeVisible();
});
