import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { expectChartDrawn } from '../charts';
import { t } from '../messages';
import { createTeamByRequest, expectStatus, postForm, requestAs } from '../requests';
import { RoomPage } from '../room/RoomPage';

/**
 * The facilitator paces a live workshop from the console alone, the projector follows, three
 * phones answer: the projector shows how many answered while results stay hidden, and the
 * chart with its table only once the facilitator reveals them (and hides them again).
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const VALUES = ['Ownership', 'Candour'];

test('the console paces the room; the projector shows results only once revealed', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const details = newAccountDetails('console-owner');
	const owner = await signUpByRequest(await requestAs(playwright.request, origin), origin, details);
	const asOwner = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	// Three answers are enough in this organisation.
	const settings = await postForm(asOwner, origin, `/o/${owner.orgId}/settings`, {
		name: details.organisation,
		minGroupSize: '3'
	});
	expectStatus(settings, 200, 'setting the minimum group size');
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, 'Console team');
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
			title: 'Quarterly check',
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
		await expect(phone.heading()).toHaveText(t('room_waiting_title'));
		phones.push(phone);
	}
	await expect(projector.getByRole('status')).toContainText(`3 ${t('present_joined')}`);

	// Review, collect, then the rating: each arrival opens input on every phone.
	await page.getByRole('button', { name: t('console_first_activity') }).click();
	await page.getByRole('button', { name: t('console_next') }).click();
	await page.getByRole('button', { name: t('console_next') }).click();
	const rating = 'Today and where we need to be';
	await expect(page.getByRole('heading', { name: rating })).toBeVisible();
	await expect(projector.getByRole('heading', { name: rating })).toBeVisible();

	const scores = [5, 4, 4];
	for (const [i, phone] of phones.entries()) {
		await expect(phone.heading()).toHaveText(rating);
		for (const value of VALUES) {
			const group = phone.ratingOf(t('room_rate_q_current', { value }));
			await phone.score(group, scores[i]).check({ force: true });
			await expect(phone.score(group, scores[i])).toBeChecked();
		}
		await expect(
			phone.page.getByText(t('room_rate_progress', { done: VALUES.length, total: 4 }))
		).toBeVisible();
	}

	// Hidden: the projector counts answers and says results come later; no chart anywhere.
	await expect(projector.getByTestId('answered')).toContainText('3');
	await expect(projector.getByText(t('present_until_reveal'))).toBeVisible();
	await expect(projector.locator('canvas')).toHaveCount(0);
	await expect(phones[0].page.getByText(t('room_results_hidden'))).toBeVisible();

	await page.getByRole('button', { name: t('console_reveal') }).click();
	const caption = t('present_caption_answers', { n: 3 });
	await expect(projector.getByText(caption).first()).toBeVisible();
	await expect(projector.locator('canvas')).toHaveCount(1);
	await expectChartDrawn(projector.locator('canvas'));
	// The chart's table says the same in text: Ownership today averages (5 + 4 + 4) / 3 = 4.3.
	await projector.getByText(t('present_show_table')).click();
	await expect(projector.getByRole('table')).toContainText('Ownership');
	await expect(projector.getByRole('table')).toContainText('4.3');
	await expect(phones[1].results()).toBeVisible();

	// Hidden again before moving on: the projector is back to the count.
	await page.getByRole('button', { name: t('console_hide') }).click();
	await expect(projector.locator('canvas')).toHaveCount(0);
	await expect(projector.getByText(t('present_until_reveal'))).toBeVisible();
});
