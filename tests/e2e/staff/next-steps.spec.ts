import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { requestAs } from '../requests';

/**
 * A new organisation as its founder meets it: every empty page says what is missing and links to
 * where to make the first one; the team the founder creates has them as its member; the compare
 * page marks its section in the team's navigation.
 */

test('empty pages lead to the next step; a new team has its creator in it', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const owner = await signUpByRequest(
		await requestAs(playwright.request, origin),
		origin,
		newAccountDetails('next-steps')
	);
	await signInContext(page.context(), origin, owner);

	// No teams yet: the link goes to the form that makes the first.
	await page.goto(`/o/${owner.orgId}`);
	await expect(page.getByText(t('org_teams_empty'))).toBeVisible();
	await page.getByRole('link', { name: t('empty_first_team') }).click();
	await expect(page).toHaveURL(/#new-team-title$/);
	await waitForHydration(page);
	await page.getByLabel(t('org_team_name')).fill('Next steps');
	await page.getByRole('button', { name: t('common_create') }).click();

	// The creator is the team's first member.
	const people = page.getByRole('region', { name: t('team_members_title') });
	await expect(people).toContainText(owner.name);
	await expect(people.getByText(t('team_members_empty'))).toHaveCount(0);
	const teamPath = new URL(page.url()).pathname;

	const nextStep = async (path: string, text: string, action: string, lands: RegExp) => {
		await page.goto(`${teamPath}${path}`);
		await expect(page.getByText(text).first()).toBeVisible();
		await page.getByRole('link', { name: action }).first().click();
		await expect(page).toHaveURL(lands);
	};
	await nextStep('/workshops', t('workshop_list_empty'), t('empty_first_workshop'), /#new-title$/);
	await expect(page.getByRole('heading', { name: t('workshop_new_title') })).toBeVisible();
	await nextStep('/pulses', t('follow_pulse_no_values'), t('empty_add_values'), /\/map$/);
	await nextStep('/commitments', t('follow_new_no_values'), t('empty_add_values'), /\/map$/);
	await nextStep('/alignment', t('follow_new_no_values'), t('empty_add_values'), /\/map$/);
	await nextStep('/board', t('follow_board_empty'), t('empty_first_post'), /#new-post-title$/);

	// Comparing workshops is part of the workshops section.
	await page.goto(`${teamPath}/compare`);
	const sections = page.getByRole('navigation', { name: t('team_nav') });
	await expect(sections.getByRole('link', { name: t('workshop_nav') })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(sections.locator('[aria-current]')).toHaveCount(1);
});
