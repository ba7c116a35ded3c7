import type { Page } from '@playwright/test';
import { newAccountDetails, signInContext, signUpByRequest } from './accounts';
import { expect, test } from './fixtures';
import { t } from './messages';
import { createTeamByRequest, requestAs } from './requests';

/**
 * On a slow phone people type before the scripts arrive. Hydration must keep what they typed
 * (an input rendered with `value=""` is emptied by Svelte when it hydrates) and what they opened
 * (a `<details>` with `open={...}` is shut).
 */

/** Holds every script of the app until `release()` is called. */
async function holdScripts(page: Page) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const held: Promise<void>[] = [];
	const pattern = '**/_app/immutable/**/*.js';
	await page.route(pattern, (route) => {
		const done = released.then(() => route.continue());
		held.push(done);
		return done;
	});
	return {
		async release() {
			release();
			await Promise.all(held);
			await page.unroute(pattern);
		}
	};
}

/** Resolves once SvelteKit has started and hydrated the page, and nothing is left to fetch. */
async function hydrated(page: Page) {
	await page.waitForFunction(() => history.state && 'sveltekit:history' in history.state);
	await page.waitForLoadState('networkidle');
}

test('a participant types the code and a nickname before the scripts arrive', async ({ page }) => {
	const scripts = await holdScripts(page);
	await page.goto('/join', { waitUntil: 'domcontentloaded' });
	const code = page.getByLabel(t('room_join_code'));
	const nickname = page.getByLabel(t('room_join_nickname'));
	await code.fill('ABCDEF');
	await nickname.fill('Early bird');

	await scripts.release();
	// Hydration runs as soon as the last module has loaded.
	await hydrated(page);
	await expect(code).toHaveValue('ABCDEF');
	await expect(nickname).toHaveValue('Early bird');
});

test('a facilitator names a workshop before the scripts arrive', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const owner = await signUpByRequest(
		await requestAs(playwright.request, origin),
		origin,
		newAccountDetails('early-typing')
	);
	const asOwner = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, 'Early typists');
	await signInContext(page.context(), origin, owner);

	const scripts = await holdScripts(page);
	await page.goto(`/o/${owner.orgId}/t/${teamId}/workshops`, { waitUntil: 'domcontentloaded' });
	const title = page.getByLabel(t('workshop_field_title'), { exact: true });
	await title.fill('Kick-off');
	await scripts.release();
	await hydrated(page);
	await expect(title).toHaveValue('Kick-off');

	await page.getByRole('button', { name: t('workshop_create_submit') }).click();
	await expect(page).toHaveURL(/\/workshops\/[a-z0-9]+$/);

	// On the workshop's page they open "Rename" while it is still loading: it stays open.
	const again = await holdScripts(page);
	await page.reload({ waitUntil: 'domcontentloaded' });
	const rename = page.locator('#rename-title');
	await expect(rename).toBeHidden();
	await page.getByText(t('workshop_rename'), { exact: true }).click();
	await expect(rename).toBeVisible();
	await again.release();
	await hydrated(page);
	await expect(rename).toBeVisible();
	await rename.fill('Kick-off, renamed');
	await rename.press('Enter');
	await expect(page.getByRole('heading', { name: 'Kick-off, renamed' })).toBeVisible();
});
