import { signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { OrganisationPage } from '../pages/OrganisationPage';
import { SignInPage } from '../pages/SignInPage';
import { SiteHeader } from '../pages/SiteHeader';

test('signing in leads to your organisation', async ({ page, request, baseURL }) => {
	const account = await signUpByRequest(request, baseURL!);
	const signIn = new SignInPage(page);
	await signIn.goto();
	await signIn.signIn(account.email, account.password);

	await expect(page).toHaveURL(`/o/${account.orgId}`);
	await expect(new OrganisationPage(page).name).toHaveText(account.organisation);
	await expect(new SiteHeader(page).signedInAs(account.name)).toBeVisible();
});

test('signing in returns to the page that asked for it', async ({ page, request, baseURL }) => {
	const account = await signUpByRequest(request, baseURL!);
	await page.goto('/orgs/new');
	await expect(page).toHaveURL(`/signin?next=${encodeURIComponent('/orgs/new')}`);

	await new SignInPage(page).signIn(account.email, account.password);
	await expect(page).toHaveURL('/orgs/new');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('org_new_title'));
});

test('a `next` pointing off the site is ignored', async ({ page, request, baseURL }) => {
	const account = await signUpByRequest(request, baseURL!);
	await page.goto(`/signin?next=${encodeURIComponent('//example.org/phish')}`);
	await new SignInPage(page).signIn(account.email, account.password);
	await expect(page).toHaveURL(`/o/${account.orgId}`);
});

test('a wrong password shows the message with the form', async ({
	page,
	request,
	baseURL,
	expectAccessible
}) => {
	const account = await signUpByRequest(request, baseURL!);
	const signIn = new SignInPage(page);
	await signIn.goto();
	await signIn.signIn(account.email, 'not the password');

	await expect(signIn.formError).toHaveText(t('error_credentials'));
	await expect(page).toHaveURL('/signin');
	await expect(page.getByLabel(t('auth_email'), { exact: true })).toHaveValue(account.email);
	await expect(page.getByLabel(t('auth_password'), { exact: true })).toHaveValue('');
	expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
	await expectAccessible(page);

	// An unknown address gets the very same answer: no hint about who has an account.
	await signIn.signIn(`nobody-${account.email}`, 'not the password');
	await expect(signIn.formError).toHaveText(t('error_credentials'));
});

test('repeated failures lock the account for a while', async ({ page, request, baseURL }) => {
	const account = await signUpByRequest(request, baseURL!);
	const bystander = await signUpByRequest(request, baseURL!);
	const signIn = new SignInPage(page);
	await signIn.goto();

	// Five failures are allowed; the sixth locks the account, so the seventh try is refused
	// unchecked, even with the right password.
	for (let attempt = 1; attempt <= 6; attempt++) {
		await signIn.signIn(account.email, `wrong ${attempt}`);
		await expect(signIn.formError).toHaveText(t('error_credentials'));
	}
	const refused = page.waitForResponse((r) => r.request().method() === 'POST');
	await signIn.signIn(account.email, account.password);
	expect((await refused).status()).toBe(429);
	await expect(signIn.formError).toHaveText(t('error_throttled', { limit: 1 }));
	await expect(page).toHaveURL('/signin');

	// The lock is on that account, not on everyone behind the same address.
	await signIn.signIn(bystander.email, bystander.password);
	await expect(page).toHaveURL(`/o/${bystander.orgId}`);
});
