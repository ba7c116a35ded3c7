import { signUpByRequest, type Account } from '../accounts';
import { expect, test } from '../fixtures';
import { OrganisationPage } from '../pages/OrganisationPage';
import { SignInPage } from '../pages/SignInPage';
import { SiteHeader } from '../pages/SiteHeader';

test('signing out ends the session, also for a copy of its cookie', async ({
	page,
	request,
	baseURL,
	newContext
}) => {
	const account = await signUpByRequest(request, baseURL!);
	await page.goto('/signin');
	await new SignInPage(page).signIn(account.email, account.password);
	await expect(page).toHaveURL(`/o/${account.orgId}`);
	const token = (await page.context().cookies()).find((c) => c.name === 'session')?.value;
	expect(token).toBeTruthy();

	/** Opens the organisation in a fresh browser that carries only a copy of the cookie. */
	const visitWithCopiedCookie = async () => {
		const elsewhere = await newContext();
		await elsewhere.addCookies([{ name: 'session', value: token!, url: baseURL! }]);
		const other = await elsewhere.newPage();
		await other.goto(`/o/${account.orgId}`);
		return other;
	};
	// The copy works while the session lives, so the check below can fail.
	const before = await visitWithCopiedCookie();
	await expect(new OrganisationPage(before).name).toHaveText(account.organisation);

	const header = new SiteHeader(page);
	await header.signOut();
	await expect(page).toHaveURL('/');
	await expect(header.signInLink()).toBeVisible();
	expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();

	const after = await visitWithCopiedCookie();
	await expect(after).toHaveURL(`/signin?next=${encodeURIComponent(`/o/${account.orgId}`)}`);
	await expect(new SiteHeader(after).signInLink()).toBeVisible();
});

test('opening /signout by address signs nobody out', async ({
	page,
	context,
	request,
	baseURL
}) => {
	const account: Account = await signUpByRequest(request, baseURL!);
	await context.addCookies([{ name: 'session', value: account.sessionToken, url: baseURL! }]);
	await page.goto('/signout');
	await expect(page).toHaveURL('/');
	await page.goto(`/o/${account.orgId}`);
	await expect(new SiteHeader(page).signedInAs(account.name)).toBeVisible();
});
