import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { expectChartDrawn } from '../charts';
import { t } from '../messages';
import { createTeamByRequest, expectStatus, postForm, requestAs } from '../requests';
import { RoomPage } from '../room/RoomPage';

/**
 * During the workshop the facilitator puts the results so far on the projector: the results
 * page's charts (means per lens, the strategic gap) follow the answers as they arrive, say why
 * they are missing below the minimum group size, and give way to the activity again.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const VALUES = ['Ownership', 'Candour'];
/** Every phone gives the same scores: Ownership today 2, needed 5 (gap +3); Candour 4 and 4. */
const SCORES: Record<string, { current: number; strategic: number }> = {
	Ownership: { current: 2, strategic: 5 },
	Candour: { current: 4, strategic: 4 }
};

test('the projector shows the gap charts live once the facilitator puts them up', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const details = newAccountDetails('overview-owner');
	const owner = await signUpByRequest(await requestAs(playwright.request, origin), origin, details);
	const asOwner = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	const settings = await postForm(asOwner, origin, `/o/${owner.orgId}/settings`, {
		name: details.organisation,
		minGroupSize: '3'
	});
	expectStatus(settings, 200, 'setting the minimum group size');
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, 'Overview team');
	for (const name of VALUES) {
		const made = await postForm(asOwner, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}
	const created = await postForm(
		asOwner,
		origin,
		`/o/${owner.orgId}/t/${teamId}/workshops?/create`,
		{
			title: 'Where are we',
			template: 'current_vs_strategic'
		}
	);
	expectStatus(created, 303, 'creating the workshop');
	const workshopUrl = created.location;
	const workshopId = workshopUrl.split('/').pop()!;

	await signInContext(page.context(), origin, owner);
	await page.goto(`${workshopUrl}/console`);
	const code = (await page.locator('code').first().textContent())!.trim();
	await page.getByRole('button', { name: t('console_start') }).click();
	await expect(page.getByText(t('workshop_status_live'), { exact: true })).toBeVisible();

	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(`/present/${workshopId}`);
	await expect(projector.getByTestId('join-code')).toHaveText(code);

	const phones: RoomPage[] = [];
	for (const name of ['Ann', 'Bea', 'Cas']) {
		const phone = new RoomPage(await (await newContext(PHONE)).newPage());
		await phone.page.goto(`/join/${code}`);
		await phone.join(null, name);
		phones.push(phone);
	}

	// To the rating (after the review and the collection).
	await page.getByRole('button', { name: t('console_first_activity') }).click();
	await page.getByRole('button', { name: t('console_next') }).click();
	await page.getByRole('button', { name: t('console_next') }).click();
	const rating = 'Today and where we need to be';
	await expect(projector.getByRole('heading', { name: rating })).toBeVisible();

	const answer = async (phone: RoomPage) => {
		await expect(phone.heading()).toHaveText(rating);
		for (const value of VALUES) {
			for (const lens of ['current', 'strategic'] as const) {
				const group = phone.ratingOf(t(`room_rate_q_${lens}`, { value }));
				await phone.score(group, SCORES[value][lens]).check({ force: true });
				await expect(phone.score(group, SCORES[value][lens])).toBeChecked();
			}
		}
		await expect(
			phone.page.getByText(t('room_rate_progress', { done: 4, total: 4 }))
		).toBeVisible();
	};
	await answer(phones[0]);
	await answer(phones[1]);

	// Two of the minimum three: the projector says why instead of showing numbers.
	await expect(page.getByText(t('console_overview_hidden'))).toBeVisible();
	await page.getByRole('button', { name: t('console_overview_show') }).click();
	await expect(page.getByText(t('console_overview_shown'))).toBeVisible();
	const overview = projector.getByRole('heading', { name: t('present_overview_title') });
	await expect(overview).toBeVisible();
	await expect(projector.getByText(t('analytics_too_few', { min: 3, n: 2 }))).toBeVisible();
	await expect(projector.locator('canvas')).toHaveCount(0);

	// The third answers: the charts appear without anyone touching the projector.
	await answer(phones[2]);
	await expect(projector.getByText(t('present_overview_people', { n: 3 }))).toBeVisible();
	await expect(projector.locator('canvas')).toHaveCount(2);
	for (const canvas of await projector.locator('canvas').all()) await expectChartDrawn(canvas);
	const means = projector.getByRole('table', { name: t('present_overview_lenses') });
	await expect(means.getByRole('row', { name: /Ownership/ })).toHaveText(/Ownership\s*2\.0\s*5\.0/);
	await expect(means.getByRole('row', { name: /Candour/ })).toHaveText(/Candour\s*4\.0\s*4\.0/);
	// The strategic gap, largest first: Ownership +3, then Candour 0.
	const gap = projector.getByRole('table', { name: t('present_overview_gap') });
	await expect(gap.getByRole('row').nth(1)).toHaveText(/Ownership\s*\+3\.0/);
	await expect(gap.getByRole('row').nth(2)).toHaveText(/Candour\s*0\.0/);
	await projector.screenshot({ path: 'tests/.output/projector-overview.png' });

	// Back to the activity, and moving on never leaves the overview up.
	await page.getByRole('button', { name: t('console_overview_hide') }).click();
	await expect(projector.getByRole('heading', { name: rating })).toBeVisible();
	await expect(overview).toHaveCount(0);
	await page.getByRole('button', { name: t('console_overview_show') }).click();
	await expect(overview).toBeVisible();
	await page.getByRole('button', { name: t('console_next') }).click();
	await expect(overview).toHaveCount(0);
	await expect(page.getByText(t('console_overview_hidden'))).toBeVisible();
});
