import { startedWorkshop } from '../workshops/started-workshop';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { PHONE } from '../trust/room';
import { RoomPage } from './RoomPage';

/**
 * What a phone shows at real sizes (issue 12, "Phones"): confirmations that belong to the
 * activity they were given for, the compact room header, the chosen values to write about.
 */

test('"Card added." belongs to the activity it was given for, with and without JavaScript', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const w = await startedWorkshop(playwright.request, baseURL!, 'Done card', { phones: 0 });
	const collects = w.activities.filter((a) => a.kind === 'collect');
	await w.pace({ type: 'goto', index: collects[0].position });

	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	const bob = new RoomPage(
		await (await newContext({ ...PHONE, javaScriptEnabled: false })).newPage()
	);
	for (const phone of [ann, bob]) {
		await phone.page.goto(`/join/${w.joinCode}`);
		await phone.join(null);
		await phone.cardText().fill('Candour');
		await phone.button('room_card_add').click();
		await expect(phone.page).toHaveURL(/done=card/);
		await expect(phone.page.getByText(t('room_card_added'))).toBeVisible();
	}

	await w.pace({ type: 'goto', index: collects[1].position });
	await bob.page.reload();
	for (const phone of [ann, bob]) {
		await expect(phone.heading()).toHaveText(collects[1].title);
		await expect(phone.page.getByText(t('room_own_cards_none'))).toBeVisible();
		await expect(phone.page.getByText(t('room_card_added'))).toHaveCount(0);
	}
	await w.dispose();
});

test('a card about a value says which values to pick from', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const values = ['Ownership', 'Candour', 'Curiosity'];
	const w = await startedWorkshop(playwright.request, baseURL!, 'Choices', { values, phones: 0 });
	const looksLike = w.activities.find(
		(a) => a.kind === 'collect' && JSON.parse(a.config).target === 'looks_like'
	)!;
	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	await ann.page.goto(`/join/${w.joinCode}`);
	await ann.join(null);
	await w.pace({ type: 'goto', index: looksLike.position });
	await expect(ann.heading()).toHaveText(looksLike.title);
	const choices = ann.page.getByRole('region', { name: t('room_choices_title') });
	await expect(choices.getByRole('listitem')).toHaveText(values);
	await expect(ann.cardText()).toBeEnabled();
	await w.dispose();
});

test('a phone shows the room with its own compact header, the activity near the top', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const values = ['Eigenaarschap', 'Openheid', 'Nieuwsgierigheid'];
	const w = await startedWorkshop(playwright.request, baseURL!, 'Header', {
		values,
		phones: 0,
		language: 'nl'
	});
	const rate = w.activities.find((a) => a.kind === 'rate')!;
	await w.pace({ type: 'goto', index: rate.position });
	const lien = new RoomPage(
		await (await newContext({ ...PHONE, locale: 'nl-NL' })).newPage(),
		'nl'
	);
	await lien.page.goto(`/join/${w.joinCode}`);
	await lien.join(null, 'Lien');
	await expect(lien.heading()).toHaveText(rate.title);
	await expect(lien.live()).toBeVisible();

	// No staff header: the workshop on one line, the language switch at hand.
	await expect(lien.page.locator('header.site')).toHaveCount(0);
	const bar = lien.page.getByRole('banner');
	await expect(bar).toContainText(w.title);
	await expect(bar.getByRole('button', { name: t('lang_en', {}, 'nl') })).toBeVisible();
	const barBox = (await bar.boundingBox())!;
	expect(barBox.height).toBeLessThanOrEqual(48);
	const activity = (await lien.page.locator('article.activity').boundingBox())!;
	expect(activity.y).toBeLessThanOrEqual(80);
	await lien.page.screenshot({ path: 'docs/screenshots/phone-nl.png' });
	await w.dispose();
});

test('a long rating is one value per screen with back and next; without JavaScript the whole list', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const values = ['Ownership', 'Candour', 'Curiosity', 'Care', 'Craft', 'Courage', 'Calm'];
	const w = await startedWorkshop(playwright.request, baseURL!, 'Steps', { values, phones: 0 });
	const rate = w.activities.find((a) => a.kind === 'rate')!;
	await w.pace({ type: 'goto', index: rate.position });
	const question = (value: string) => t('room_rate_q_current', { value });

	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	await ann.page.goto(`/join/${w.joinCode}`);
	await ann.join(null);
	await expect(ann.live()).toBeVisible();
	await expect(ann.page.getByText(t('room_rate_step', { n: 1, total: 7 }))).toBeVisible();
	await expect(ann.ratingOf(question('Ownership'))).toBeVisible();
	await expect(ann.ratingOf(question('Candour'))).toBeHidden();
	await ann.score(ann.ratingOf(question('Ownership')), 4).check({ force: true });
	await expect(ann.page.getByText(t('common_saved'))).toBeAttached();
	await expect(ann.page.getByText(t('room_rate_progress', { done: 1, total: 14 }))).toBeVisible();

	await ann.button('room_rate_next').click();
	await expect(ann.page.getByText(t('room_rate_step', { n: 2, total: 7 }))).toBeVisible();
	await expect(ann.ratingOf(question('Candour'))).toBeVisible();
	await expect(ann.ratingOf(question('Ownership'))).toBeHidden();
	await ann.button('room_rate_back').click();
	await expect(ann.score(ann.ratingOf(question('Ownership')), 4)).toBeChecked();
	await expect(ann.button('room_rate_back')).toBeDisabled();
	// The keyboard reaches the steps: Next by Tab and Enter.
	await ann.button('room_rate_next').focus();
	await ann.page.keyboard.press('Enter');
	await expect(ann.page.getByText(t('room_rate_step', { n: 2, total: 7 }))).toBeVisible();

	const bob = new RoomPage(
		await (await newContext({ ...PHONE, javaScriptEnabled: false })).newPage()
	);
	await bob.page.goto(`/join/${w.joinCode}`);
	await bob.join(null);
	for (const value of values) await expect(bob.ratingOf(question(value))).toBeVisible();
	await expect(bob.button('room_rate_next')).toHaveCount(0);
	await expect(bob.button('room_rate_save')).toBeVisible();
	await w.dispose();
});
