import { newAccountDetails, SIGNED_UP, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { OrganisationPage } from '../pages/OrganisationPage';
import { SignInPage } from '../pages/SignInPage';
import { SignUpPage } from '../pages/SignUpPage';
import { SiteHeader } from '../pages/SiteHeader';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('signing up founds an organisation and lands on its page', async ({ page }) => {
	const details = newAccountDetails('founder');
	await new SignUpPage(page).signUp(details);

	await expect(page).toHaveURL(/\/o\/[^/]+$/);
	const orgUrl = page.url();
	const org = new OrganisationPage(page);
	await expect(org.name).toHaveText(details.organisation);
	await expect(org.role).toHaveText(t('role_owner'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('org_teams_title'));
	await expect(new SiteHeader(page).signedInAs(details.name)).toBeVisible();

	// "My organisation" leads back to it.
	await page.goto('/app');
	await expect(page).toHaveURL(orgUrl);
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(`sign-up validation with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test.beforeEach(async ({ page }) => {
			await new SignUpPage(page).goto();
			// SvelteKit's start-up script leaves a global behind; none means JavaScript is off.
			const started = await page.evaluate(() =>
				Object.keys(window).some((key) => key.startsWith('__sveltekit'))
			);
			expect(started).toBe(javaScriptEnabled);
		});

		async function expectFieldError(
			form: SignUpPage,
			field: Parameters<SignUpPage['field']>[0],
			message: string
		) {
			await expect(form.fieldError(field)).toHaveText(message);
			await expect(form.field(field)).toHaveAttribute('aria-invalid', 'true');
			await expect(form.field(field)).toHaveAccessibleDescription(new RegExp(escape(message)));
		}

		async function expectNotSignedUp(form: SignUpPage) {
			await expect(form.page).toHaveURL('/signup');
			const cookies = await form.page.context().cookies();
			expect(cookies.find((c) => c.name === 'session')).toBeUndefined();
		}

		test('empty fields are each marked as required', async ({ page, expectAccessible }) => {
			const form = new SignUpPage(page);
			await form.submit();

			await expectFieldError(form, 'name', t('error_required'));
			await expectFieldError(form, 'organisation', t('error_required'));
			// These two say what would do instead.
			await expectFieldError(form, 'email', t('error_email'));
			await expectFieldError(form, 'password', t('error_too_short', { limit: 10 }));
			await expect(form.field('confirm')).not.toHaveAttribute('aria-invalid', 'true');
			await expectNotSignedUp(form);
			await expectAccessible(page);
		});

		test('a malformed e-mail and a short password are refused, other input kept', async ({
			page
		}) => {
			const details = newAccountDetails('short');
			const form = new SignUpPage(page);
			await form.fill({ ...details, email: 'not-an-address', password: 'short', confirm: 'short' });
			await form.submit();

			await expectFieldError(form, 'email', t('error_email'));
			await expectFieldError(form, 'password', t('error_too_short', { limit: 10 }));
			await expect(form.field('name')).toHaveValue(details.name);
			await expect(form.field('email')).toHaveValue('not-an-address');
			await expect(form.field('organisation')).toHaveValue(details.organisation);
			// Passwords never travel back to the browser.
			await expect(form.field('password')).toHaveValue('');
			await expect(form.field('confirm')).toHaveValue('');
			await expectNotSignedUp(form);
		});

		test('passwords that differ are refused at the repeat field', async ({
			page,
			expectAccessible
		}) => {
			const details = newAccountDetails('mismatch');
			const form = new SignUpPage(page);
			await form.fill({ ...details, confirm: `${details.password}!` });
			await form.submit();

			await expectFieldError(form, 'confirm', t('error_mismatch'));
			await expect(form.field('password')).not.toHaveAttribute('aria-invalid', 'true');
			await expectNotSignedUp(form);
			await expectAccessible(page);
		});

		test('a taken e-mail address gets the very answer a new one gets, and changes nothing', async ({
			page,
			request,
			baseURL
		}) => {
			const existing = await signUpByRequest(request, baseURL!);
			const form = new SignUpPage(page);
			// Addresses compare without case or surrounding spaces.
			const details = { ...newAccountDetails('dup'), email: ` ${existing.email.toUpperCase()} ` };
			await form.fill({ ...details, confirm: details.password });
			const answer = page.waitForResponse((r) => r.request().method() === 'POST');
			await form.submit();

			// The same redirect and page as for a new address, without a session.
			expect((await answer).status()).toBe(303);
			expect((await answer).headers()['location']).toBe(SIGNED_UP);
			await expect(page).toHaveURL(SIGNED_UP);
			await expect(page.getByText(t('auth_signed_up'))).toBeVisible();
			const cookies = await page.context().cookies();
			expect(cookies.find((c) => c.name === 'session')).toBeUndefined();

			// The new password opens nothing; the account's own still opens its organisation.
			const signIn = new SignInPage(page);
			await signIn.signIn(existing.email, details.password);
			await expect(signIn.formError).toHaveText(t('error_credentials'));
			await signIn.signIn(existing.email, existing.password);
			await expect(page).toHaveURL(`/o/${existing.orgId}`);
		});
	});
}

test('a new and a taken address are answered alike, byte for byte', async ({
	request,
	playwright,
	baseURL
}) => {
	const existing = await signUpByRequest(request, baseURL!);
	// A stranger's context, without the session the sign-up above left in `request`.
	const stranger = await playwright.request.newContext({ baseURL });
	const headers = { origin: new URL(baseURL!).origin, accept: 'text/html' };
	const answers = [];
	for (const email of [newAccountDetails('fresh').email, existing.email]) {
		const details = { ...newAccountDetails('alike'), email };
		const response = await stranger.post('/signup', {
			form: { ...details, confirm: details.password },
			headers,
			maxRedirects: 0
		});
		answers.push({
			status: response.status(),
			location: response.headers()['location'],
			setCookie: response.headers()['set-cookie'] ?? null,
			body: await response.text()
		});
	}
	expect(answers[1]).toEqual(answers[0]);
	expect(answers[0]).toMatchObject({ status: 303, location: SIGNED_UP, setCookie: null });
	await stranger.dispose();
});
