import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { PulsePage } from '../pages/PulsePage';
import { expectStatus, postForm, requestAs } from '../requests';
import { followTeam } from './setup';

/**
 * Listen to the outsiders: a pulse's open answer lands on the team's board, a facilitator
 * answers it, the respondent reads the answer, posts and upvotes through the pulse link; team
 * members upvote on their page; a viewer only reads.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('an open answer is heard, answered and upvoted on the team’s board', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	// Several browsers and pages; it shares the server with the bad-input fuzzing.
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	const code = await team.one(
		'select code from pulses where id = ?',
		made.location.split('/').at(-1)!
	);

	const respondent = new PulsePage(await (await newContext()).newPage());
	await respondent.page.goto(`/pulse/${code}`);
	await respondent.answer([4, 8], 'Decisions are made in the corridor.');
	await expect(respondent.thanks()).toBeVisible();

	// The owner triages it on the team's board and answers.
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${team.teamPath}/board`);
	const post = page.getByRole('article', { name: 'Decisions are made in the corridor.' });
	await expect(post).toContainText(t('follow_board_from_pulse'));
	await expect(post).toContainText(t('follow_board_status_new'));
	await post.getByText(t('follow_board_triage')).click();
	await post
		.getByLabel(t('follow_col_status'))
		.selectOption({ label: t('follow_board_status_acting') });
	await post
		.getByLabel(t('follow_board_answer'))
		.fill('From May, decisions go in the weekly notes.');
	await post.getByRole('button', { name: t('common_save') }).click();
	await expect(post.getByRole('status')).toHaveText(t('common_saved'));
	await page.reload();
	await expect(post).toContainText(t('follow_board_status_acting'));

	// The respondent reads the answer, posts an idea of their own and upvotes the first.
	await respondent.page.getByRole('link', { name: t('follow_board_from_pulse_link') }).click();
	const seen = respondent.page.getByRole('article', {
		name: 'Decisions are made in the corridor.'
	});
	await expect(seen).toContainText('From May, decisions go in the weekly notes.');
	await respondent.page.getByRole('button', { name: t('follow_board_submit') }).click();
	await expect(respondent.page.getByText(t('error_required'))).toBeVisible();
	await respondent.page
		.getByLabel(t('follow_board_field_text'))
		.fill('A quiet room for focus work.');
	await respondent.page.getByRole('button', { name: t('follow_board_submit') }).click();
	await expect(respondent.page.getByText(t('follow_board_posted'))).toBeVisible();
	await seen.getByRole('button', { name: new RegExp(`^${t('follow_board_upvote')}`) }).click();
	await expect(seen).toContainText(t('follow_board_upvoted'));
	await expect(seen).toContainText(t('follow_board_upvotes', { count: 1 }));

	// The team's leader upvotes it too, on the staff page: two now, so it stays on top.
	const leaderContext = await newContext();
	await signInContext(leaderContext, team.origin, team.leader);
	const leader = await leaderContext.newPage();
	await leader.goto(`${team.teamPath}/board`);
	const first = leader.getByRole('article').first();
	await expect(first).toContainText('Decisions are made in the corridor.');
	await first.getByRole('button', { name: new RegExp(`^${t('follow_board_upvote')}`) }).click();
	await expect(first).toContainText(t('follow_board_upvotes', { count: 2 }));
	await expect(leader.getByText(t('follow_board_triage'))).toHaveCount(0);

	// A viewer reads, and is refused when posting or upvoting anyway.
	const viewerContext = await newContext();
	await signInContext(viewerContext, team.origin, team.viewer);
	const viewer = await viewerContext.newPage();
	await viewer.goto(`${team.teamPath}/board`);
	await expect(viewer.getByRole('article')).toHaveCount(2);
	await expect(viewer.getByRole('main').locator('form[method="POST"]')).toHaveCount(0);
	const asViewer = await requestAs(playwright.request, team.origin, {
		session: team.viewer.sessionToken
	});
	const refused = await postForm(asViewer, team.origin, `${team.teamPath}/board?/post`, {
		text: 'Sneaky'
	});
	expectStatus(refused, 403, 'a viewer posting');
});
