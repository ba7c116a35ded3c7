import { mkdirSync } from 'node:fs';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { startedWorkshop } from './started-workshop';

/**
 * The console offers only what applies to the activity's kind and the workshop's state: a
 * discussion takes no input and has nothing to reveal, a vote has both; after the end the
 * console says so once and shows no results that "only you see".
 */

/** The switches and states of input and results: none of them apply to a discussion. */
const INPUT_AND_RESULTS = [
	'console_input_open',
	'console_input_closed',
	'console_results_hidden',
	'console_results_shown'
] as const;
const INPUT_AND_RESULTS_BUTTONS = [
	'console_open_input',
	'console_close_input',
	'console_reveal',
	'console_hide'
] as const;

test('the console shows only the controls and states that apply to the kind and the state', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const room = await startedWorkshop(playwright.request, origin, 'Console kinds', {
		values: ['Ownership', 'Candour'],
		phones: 3,
		template: 'current_vs_strategic'
	});
	// The template's last discussion (a first one looks back at commitments when there are some).
	const discussion = room.activities.filter((a) => a.kind === 'discuss').at(-1)!;
	const vote = room.activities.find((a) => a.kind === 'allocate' || a.kind === 'dot_vote')!;

	await room.pace({ type: 'goto', index: discussion.position });
	await room.pace({ type: 'timer_start', seconds: 10 * 60 });
	await signInContext(page.context(), origin, room.owner);
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto(`${room.url}/console`);
	const now = page.locator('section.now');
	await expect(now.getByRole('heading', { level: 3, name: discussion.title })).toBeVisible();

	// A discussion: no input to open or close, no results to reveal or hide.
	for (const key of INPUT_AND_RESULTS) {
		await expect(now.getByText(t(key), { exact: true })).toHaveCount(0);
	}
	for (const key of INPUT_AND_RESULTS_BUTTONS) {
		await expect(now.getByRole('button', { name: t(key), exact: true })).toHaveCount(0);
	}
	await expect(now.getByText(t('console_discuss_hint'))).toBeVisible();
	await expect(page.getByRole('button', { name: new RegExp(t('console_next')) })).toBeEnabled();
	mkdirSync('docs/screenshots', { recursive: true });
	// The console itself at the top of the picture, under the site's header.
	await page.evaluate(() => document.querySelector('main.console')?.scrollIntoView());
	await page.screenshot({ path: 'docs/screenshots/console-discussion.png' });

	// A vote still has both, and its results only the facilitator sees until revealed.
	await room.pace({ type: 'goto', index: vote.position });
	await expect(now.getByRole('heading', { level: 3, name: vote.title })).toBeVisible();
	await expect(now.getByText(t('console_input_open'), { exact: true })).toBeVisible();
	await expect(now.getByText(t('console_results_hidden'), { exact: true })).toBeVisible();
	await expect(now.getByRole('button', { name: t('console_close_input') })).toBeVisible();
	await expect(now.getByRole('button', { name: t('console_reveal') })).toBeVisible();
	await expect(now.getByText(t('console_results_only_you'))).toBeVisible();

	// Ended (from the console, while on the vote): said once, and no results "only you" see.
	await page.getByText(t('console_end'), { exact: true }).click();
	await page.getByRole('button', { name: t('console_end_submit') }).click();
	await expect(page.getByText(t('review_console_ended'))).toBeVisible();
	await expect(page.getByText(t('console_ended'), { exact: true })).toHaveCount(1);
	await expect(page.getByText(t('console_results_only_you'))).toHaveCount(0);
	for (const key of INPUT_AND_RESULTS_BUTTONS) {
		await expect(page.getByRole('button', { name: t(key), exact: true })).toHaveCount(0);
	}
	// The same after a reload, where the page knows only that the workshop ended.
	await page.reload();
	await expect(page.getByText(t('console_ended'), { exact: true })).toHaveCount(1);
	await expect(page.getByText(t('console_results_only_you'))).toHaveCount(0);
	await room.dispose();
});
