import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { followTeam } from './setup';

/** Step 4: the touchpoints × values matrix, judged, changed, its history kept; read-only for a viewer. */
test('a facilitator judges touchpoints against the values; the history keeps every change', async ({
	page,
	expectAccessible,
	newContext,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership']);
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${team.teamPath}/alignment`);
	await page.getByRole('button', { name: t('follow_align_add_defaults') }).click();
	const matrix = page.getByRole('table', { name: t('follow_align_caption') });
	await expect(matrix.getByRole('rowheader', { name: /Website/ })).toBeVisible();

	// Judging without a rating is refused next to the question.
	await matrix
		.getByRole('link', {
			name: new RegExp(`^${t('follow_align_judge_link')}\\s*: Website, Candour$`)
		})
		.click();
	// The link chose the cell in the form.
	const judge = page.getByRole('region', { name: t('follow_align_judge_title') });
	await expect(judge.getByLabel(t('follow_align_touchpoint')).locator('option:checked')).toHaveText(
		'Website'
	);
	await expect(judge.getByLabel(t('follow_col_value')).locator('option:checked')).toHaveText(
		'Candour'
	);
	await page.getByRole('button', { name: t('follow_align_judge_submit') }).click();
	await expect(page.getByText(t('error_required'))).toBeVisible();
	for (const [rating, note] of [
		['follow_align_conflicting', 'Stock photos, nobody from the team.'],
		['follow_align_partly', 'A team page with real people now.']
	] as const) {
		await page.getByRole('radio', { name: t(rating) }).check();
		await page.getByLabel(t('follow_align_note')).fill(note);
		await page.getByRole('button', { name: t('follow_align_judge_submit') }).click();
		await expect(page.getByRole('status')).toHaveText(t('common_saved'));
		// Every rating's colours, the judge link on them included, keep their contrast.
		await expectAccessible(page);
	}
	const row = matrix.getByRole('row', { name: /Website/ });
	await expect(row.getByRole('cell').first()).toContainText(t('follow_align_partly'));
	await expect(row.getByRole('cell').first()).toContainText('A team page with real people now.');
	const history = page
		.getByRole('region', { name: t('follow_align_history') })
		.getByRole('listitem');
	await expect(history).toHaveCount(2);
	await expect(history.nth(1)).toContainText(`Website × Candour: ${t('follow_align_conflicting')}`);
	await page.screenshot({ path: 'tests/.output/screens/follow-alignment.png', fullPage: true });

	const viewerContext = await newContext();
	await signInContext(viewerContext, team.origin, team.viewer);
	const viewer = await viewerContext.newPage();
	await viewer.goto(`${team.teamPath}/alignment`);
	await expect(viewer.getByRole('table', { name: t('follow_align_caption') })).toContainText(
		t('follow_align_partly')
	);
	await expect(viewer.getByRole('main').locator('form')).toHaveCount(0);
});
