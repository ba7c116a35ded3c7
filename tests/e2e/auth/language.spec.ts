import { expect, test } from '../fixtures';
import { t } from '../messages';
import { SiteHeader } from '../pages/SiteHeader';

test('switching to Dutch and back; the choice sticks across pages', async ({ page }) => {
	const html = page.locator('html');
	const heading = page.getByRole('heading', { level: 1 });
	const header = new SiteHeader(page);

	await page.goto('/');
	await expect(html).toHaveAttribute('lang', 'en');
	await expect(heading).toHaveText(t('home_title'));
	await expect(header.languageButton('en')).toHaveAttribute('aria-pressed', 'true');

	await header.switchLanguage('nl');
	await expect(page).toHaveURL('/');
	await expect(html).toHaveAttribute('lang', 'nl');
	await expect(heading).toHaveText(t('home_title', {}, 'nl'));
	await expect(header.languageButton('nl')).toHaveAttribute('aria-pressed', 'true');
	await expect(header.languageButton('en')).toHaveAttribute('aria-pressed', 'false');

	await header.signInLink('nl').click();
	await expect(page).toHaveURL('/signin');
	await expect(html).toHaveAttribute('lang', 'nl');
	await expect(heading).toHaveText(t('auth_sign_in_title', {}, 'nl'));
	await expect(page.getByLabel(t('auth_password', {}, 'nl'), { exact: true })).toBeVisible();

	await page.reload();
	await expect(html).toHaveAttribute('lang', 'nl');

	// Switching back stays on the page it was chosen on.
	await header.switchLanguage('en');
	await expect(page).toHaveURL('/signin');
	await expect(html).toHaveAttribute('lang', 'en');
	await expect(heading).toHaveText(t('auth_sign_in_title'));
	await page.goto('/');
	await expect(heading).toHaveText(t('home_title'));
});

test('a browser that prefers Dutch is answered in Dutch', async ({ newContext }) => {
	const page = await (await newContext({ locale: 'nl-NL' })).newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('home_title', {}, 'nl'));
});
