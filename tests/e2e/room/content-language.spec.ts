import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { createTeamByRequest, expectStatus, postForm, postJson, requestAs } from '../requests';
import { PHONE } from '../trust/room';
import { query } from '../workshops/started-workshop';
import { RoomPage } from './RoomPage';

/**
 * The language of content (issue 12): a workshop is written in the language chosen when it was
 * made, not in the facilitator's, and the participants' pages speak it unless they switch.
 */

test('a Dutch workshop made on an English screen is Dutch on a phone, until its owner switches', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const owner = await signUpByRequest(
		await requestAs(playwright.request, origin),
		origin,
		newAccountDetails('content-language')
	);
	const staff = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(staff, origin, owner.orgId, `Zorg ${unique}`);
	const workshops = `/o/${owner.orgId}/t/${teamId}/workshops`;

	// The facilitator's screen is English; the team's content language is too (its creator's).
	await signInContext(page.context(), origin, owner);
	await page.goto(workshops);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const create = page.locator('form[action="?/create"]');
	const language = create.getByLabel(t('content_language_label'));
	await expect(language).toHaveValue('en');
	await create.getByLabel(t('workshop_field_title')).fill(`Startdag ${unique}`);
	await create.locator('input[name="template"][value="current_vs_strategic"]').check();
	await language.selectOption('nl');
	await create.getByRole('button', { name: t('workshop_create_submit') }).click();
	await expect(page).toHaveURL(/\/workshops\/[a-z0-9]+$/);
	const id = page.url().split('/').pop()!;
	await expect(
		page.getByText(t('content_language_current', { language: t('lang_nl') }))
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Wat ons vandaag echt drijft' })).toBeVisible();
	await expect(page.getByText('What really drives us today')).toHaveCount(0);

	// An activity added on the English screen gets its Dutch name.
	const add = page.locator('form[action="?/addActivity"]');
	await add.locator('input[name="kind"][value="discuss"]').check();
	await add.getByRole('button', { name: t('workshop_add_activity_submit') }).click();
	await expect(
		page.getByRole('heading', { name: t('workshop_kind_discuss', {}, 'nl'), exact: true })
	).toBeVisible();
	const titles = await query<{ title: string }>(
		'select title from activities where workshop_id = ? order by position',
		[id]
	);
	expect(titles.map((a) => a.title)).toEqual([
		'Terugblik: onze afspraken sinds de vorige workshop',
		'Wat ons vandaag echt drijft',
		'Vandaag en waar we moeten staan',
		'Waar onze energie naartoe moet',
		'Het grootste verschil',
		'Onze eerste stappen',
		'Gesprek'
	]);

	const pace = async (command: Record<string, unknown>) =>
		expectStatus(await postJson(staff, origin, `/live/${id}/pace`, command), 200, 'pacing');
	await pace({ type: 'start' });
	await pace({ type: 'goto', index: 1 });
	const [{ code }] = await query<{ code: string }>(
		'select join_code as code from workshops where id = ?',
		[id]
	);

	// A phone that prefers English and has chosen nothing: the room speaks Dutch.
	const phone = await newContext({ ...PHONE, locale: 'en-US' });
	const lien = new RoomPage(await phone.newPage(), 'nl');
	await lien.page.goto(`/join/${code}`);
	await expect(lien.page.locator('html')).toHaveAttribute('lang', 'nl');
	await lien.join(null, 'Lien');
	await expect(lien.heading()).toHaveText('Wat ons vandaag echt drijft');
	await expect(lien.page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(lien.live()).toBeVisible();
	await expect(lien.button('room_card_add')).toBeVisible();
	await expect(lien.page.getByText(t('room_step', { n: 2, total: 7 }, 'nl'))).toBeVisible();
	// Nothing chose a language for her: no cookie says so.
	expect((await phone.cookies()).map((c) => c.name)).not.toContain('PARAGLIDE_LOCALE');

	// A phone that types the code on the English /join moves into the Dutch room.
	const sam = new RoomPage(await (await newContext({ ...PHONE, locale: 'en-US' })).newPage());
	await sam.page.goto('/join');
	await expect(sam.page.locator('html')).toHaveAttribute('lang', 'en');
	await sam.join(code, 'Sam');
	await expect(sam.heading()).toHaveText('Wat ons vandaag echt drijft');
	await expect(sam.page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(new RoomPage(sam.page, 'nl').button('room_card_add')).toBeVisible();

	// She switches to English: English buttons, the workshop's own words stay Dutch.
	const bar = lien.page.getByRole('banner');
	await bar.getByRole('button', { name: t('lang_en', {}, 'nl') }).click();
	await expect(lien.page.locator('html')).toHaveAttribute('lang', 'en');
	const english = new RoomPage(lien.page, 'en');
	await expect(english.heading()).toHaveText('Wat ons vandaag echt drijft');
	await expect(english.button('room_card_add')).toBeVisible();
	await expect(lien.page.getByText(t('room_step', { n: 2, total: 7 }))).toBeVisible();
	await expect(english.live()).toBeVisible();

	// Once started, the language stays; a language that is not offered is refused with a reason.
	await page.reload();
	await expect(page.locator('form[action="?/language"]')).toHaveCount(0);
	const late = await postForm(staff, origin, `${workshops}/${id}?/language`, { language: 'en' });
	expect(late.status).toBe(409);
	const german = await postForm(staff, origin, `${workshops}?/create`, {
		title: 'Auf Deutsch',
		template: 'blank',
		language: 'de'
	});
	expect(german.status).toBe(400);
	expect(await german.response.text()).toContain(t('error_invalid'));
});

test('a team’s language is the default of its new workshops and pulses, and a pulse is answered in its own', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const owner = await signUpByRequest(
		await requestAs(playwright.request, origin),
		origin,
		newAccountDetails('team-language')
	);
	const staff = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(staff, origin, owner.orgId, `Team ${unique}`);
	const teamPath = `/o/${owner.orgId}/t/${teamId}`;
	const made = await postForm(staff, origin, `${teamPath}/map?/createValue`, {
		name: 'Eigenaarschap',
		lens_strategic: 'on'
	});
	expectStatus(made, 200, 'creating a value');

	// The owner sets the team's language on the team's page (an English screen).
	await signInContext(page.context(), origin, owner);
	await page.goto(teamPath);
	const form = page.locator('form[action="?/language"]');
	await form.getByLabel(t('content_language_label')).selectOption('nl');
	await form.getByRole('button', { name: t('content_language_save') }).click();
	await expect(page.getByText(t('content_language_saved'))).toBeVisible();

	await page.goto(`${teamPath}/pulses`);
	await expect(page.getByLabel(t('content_language_label'))).toHaveValue('nl');
	await expect(page.getByLabel(t('follow_pulse_question'))).toHaveValue(
		t('follow_pulse_question_default', {}, 'nl')
	);
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page).toHaveURL(/\/pulses\/[a-z0-9]+$/);
	const pulseId = page.url().split('/').pop()!;
	await expect(
		page.getByText(t('content_language_current', { language: t('lang_nl') }))
	).toBeVisible();
	const [pulse] = await query<{ code: string; language: string; question: string }>(
		'select code, language, open_question as question from pulses where id = ?',
		[pulseId]
	);
	expect(pulse).toMatchObject({
		language: 'nl',
		question: t('follow_pulse_question_default', {}, 'nl')
	});

	const respondent = await (await newContext({ ...PHONE, locale: 'en-US' })).newPage();
	await respondent.goto(`/pulse/${pulse.code}`);
	await expect(respondent.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(
		respondent.getByRole('button', { name: t('follow_pulse_submit', {}, 'nl') })
	).toBeVisible();

	await page.goto(`${teamPath}/workshops`);
	await expect(page.getByLabel(t('content_language_label'))).toHaveValue('nl');
});
