import type { Page } from '@playwright/test';
import { newAccountDetails, signInContext, signUpByRequest, type Account } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import {
	createTeamByRequest,
	expectStatus,
	postForm,
	requestAs,
	type RequestFactory
} from '../requests';
import { WorkshopListPage, WorkshopPage } from './FacilitatorPages';

/**
 * The facilitator's side of a live workshop: a workshop from a template, its agenda edited
 * (with and without JavaScript), the console starting it, and the projector's join screen
 * with the code, the QR code and a live count of who joined.
 */

const VALUES = ['Ownership', 'Candour', 'Curiosity'];

async function teamWithValues(page: Page, factory: RequestFactory, origin: string) {
	const owner: Account = await signUpByRequest(
		await requestAs(factory, origin),
		origin,
		newAccountDetails('facilitator')
	);
	const asOwner = await requestAs(factory, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, `Console ${unique}`);
	for (const name of VALUES) {
		const made = await postForm(asOwner, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}
	await signInContext(page.context(), origin, owner);
	return { owner, teamId, unique, teamPath: `/o/${owner.orgId}/t/${teamId}` };
}

test('a facilitator prepares a workshop from a template, starts it and shows the join screen', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const { teamPath, unique } = await teamWithValues(page, playwright.request, origin);

	// The team's new Workshops tab, and a workshop from the 90-minute template.
	await page.goto(teamPath);
	await page
		.getByRole('navigation', { name: t('team_nav') })
		.getByRole('link', { name: t('workshop_nav') })
		.click();
	await expect(
		page.getByRole('heading', { name: t('workshop_list_title'), level: 2 })
	).toBeVisible();
	await new WorkshopListPage(page).create(`Kick-off ${unique}`, /90 minutes: current vs strategic/);
	await expect(page).toHaveURL(/\/workshops\/[a-z0-9]+$/);
	const workshopUrl = page.url();
	const workshopId = workshopUrl.split('/').pop()!;

	const workshop = new WorkshopPage(page);
	await expect(workshop.agenda).toHaveCount(6);
	await expect(workshop.agenda.first()).toContainText(
		'Review: our commitments since the last workshop'
	);
	const rating = workshop.activity('Today and where we need to be');
	// The rating asks about the team's values from the map, under both lenses.
	await expect(rating).toContainText(t('workshop_summary_values', { count: VALUES.length }));
	const code = (await workshop.joinCode.textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);

	// Edit the rating: a new title, one lens only, the 0–10 scale.
	const form = await workshop.edit('Today and where we need to be');
	await form.getByLabel(t('workshop_activity_title'), { exact: true }).fill('How we rate today');
	await form.getByRole('checkbox', { name: t('lens_strategic'), exact: true }).uncheck();
	await form.getByLabel(t('workshop_scale_range', { min: 0, max: 10 })).check();
	await form.getByRole('button', { name: t('workshop_activity_save') }).click();
	const edited = workshop.activity('How we rate today');
	await expect(edited.getByRole('status')).toHaveText(t('common_saved'));
	await expect(edited).toContainText(
		`${t('lens_current')} · ${t('workshop_scale_range', { min: 0, max: 10 })}`
	);

	// A refused change says why, next to the field, and keeps what was typed.
	const again = edited.locator('form[action="?/updateActivity"]');
	await again.getByRole('checkbox', { name: t('lens_current'), exact: true }).uncheck();
	await again.getByRole('button', { name: t('workshop_activity_save') }).click();
	await expect(again.getByRole('alert')).toHaveText(t('workshop_error_no_lens'));
	await expect(again.getByLabel(t('workshop_activity_title'), { exact: true })).toHaveValue(
		'How we rate today'
	);

	// A new activity at the end, then moved up one place.
	await page.getByLabel(new RegExp(t('workshop_kind_dot_vote'))).check();
	await page.getByRole('button', { name: t('workshop_add_activity_submit') }).click();
	await expect(workshop.agenda).toHaveCount(7);
	await page
		.getByRole('button', {
			name: t('workshop_move_up_named', { title: t('workshop_kind_dot_vote') })
		})
		.click();
	await expect(workshop.agenda.nth(5)).toContainText(t('workshop_kind_dot_vote'));
	await expect(workshop.agenda.nth(6)).toContainText('Our first steps');

	// The console starts the workshop.
	await page.getByRole('link', { name: t('workshop_open_console') }).click();
	await expect(page).toHaveURL(`${workshopUrl}/console`);
	await expect(page.getByText(code, { exact: true })).toBeVisible();
	await page.getByRole('button', { name: t('console_start') }).click();
	await expect(page.getByText(t('workshop_status_live'), { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: t('console_first_activity') })).toBeEnabled();

	// The projector: the code, a QR code for the join link, and who has joined, live.
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(`/present/${workshopId}`);
	await expect(projector.getByTestId('join-code')).toHaveText(code);
	const qr = projector.getByRole('img', {
		name: t('present_qr_alt', { url: `${origin}/join/${code}` })
	});
	await expect(qr).toBeVisible();
	expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
	const svg = Buffer.from((await qr.getAttribute('src'))!.split(',')[1], 'base64').toString();
	expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	await expect(projector.getByRole('status')).toContainText(`0 ${t('present_joined')}`);
	await expect(projector.locator('header.site')).toBeHidden();

	const phone = await requestAs(playwright.request, origin);
	const joined = await phone.post('/live/join', { data: { code, nickname: null } });
	expect(joined.status()).toBe(200);
	await expect(projector.getByRole('status')).toContainText(`1 ${t('present_joined')}`);
	await expect(page.getByTestId('joined')).toHaveText('1');
	await phone.dispose();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the agenda editor works with plain forms', async ({ page, playwright, baseURL }) => {
		const origin = baseURL!;
		const { teamPath, unique } = await teamWithValues(page, playwright.request, origin);
		await page.goto(`${teamPath}/workshops`);
		await new WorkshopListPage(page).create(`Plain ${unique}`, t('template_blank'));
		await expect(page).toHaveURL(/\/workshops\/[a-z0-9]+$/);
		const workshop = new WorkshopPage(page);
		await expect(page.getByText(t('workshop_agenda_empty'))).toBeVisible();

		await page.getByLabel(new RegExp(t('workshop_kind_dot_vote'))).check();
		await page.getByRole('button', { name: t('workshop_add_activity_submit') }).click();
		await expect(workshop.agenda).toHaveCount(1);
		// A new activity opens with its settings, every value of the map ticked.
		const form = workshop.agenda.first().locator('form[action="?/updateActivity"]');
		for (const name of VALUES) await expect(form.getByRole('checkbox', { name })).toBeChecked();

		await form.getByLabel(t('workshop_config_dots')).fill('25');
		await form.getByRole('button', { name: t('workshop_activity_save') }).click();
		const failed = workshop.agenda.first().locator('form[action="?/updateActivity"]');
		await expect(failed.getByText(t('error_too_big', { limit: 20 }))).toBeVisible();
		await expect(failed.getByLabel(t('workshop_config_dots'))).toHaveAttribute(
			'aria-invalid',
			'true'
		);

		await failed.getByLabel(t('workshop_config_dots')).fill('5');
		await failed.getByRole('checkbox', { name: 'Curiosity' }).uncheck();
		await failed.getByRole('button', { name: t('workshop_activity_save') }).click();
		await expect(workshop.agenda.first()).toContainText(
			`${t('lens_current')} · ${t('workshop_summary_dots', { count: 5 })} · ${t('workshop_summary_values', { count: 2 })}`
		);
	});
});
