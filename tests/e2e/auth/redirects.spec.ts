import { signInContext, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';

/** `next` values that browsers, or a careless check, read as another host. */
const OFF_SITE = [
	'/\t/example.org/phish',
	'/\n/example.org/phish',
	'/\\example.org/phish',
	'//example.org/phish',
	'/%2F/example.org/phish',
	'/%5Cexample.org/phish'
];

test('a signed-in visitor sent to /signin with a `next` off the site stays on it', async ({
	page,
	context,
	request,
	baseURL
}) => {
	const account = await signUpByRequest(request, baseURL!);
	await signInContext(context, baseURL!, account);
	// Had the browser left, it would land here rather than on the real internet.
	await page.route(
		(url) => url.hostname.endsWith('example.org'),
		(route) => route.fulfill({ status: 200, body: 'phished' })
	);
	const origin = new URL(baseURL!).origin;

	// The very link of the report: Chromium reads `/<tab>/example.org` as `//example.org`.
	await page.goto('/signin?next=%2F%09%2Fexample.org');
	expect(new URL(page.url()).origin).toBe(origin);
	await expect(page).toHaveURL(`/o/${account.orgId}`);

	for (const next of OFF_SITE) {
		await page.goto(`/signin?next=${encodeURIComponent(next)}`);
		expect(new URL(page.url()).origin, JSON.stringify(next)).toBe(origin);
	}
});

test('`next` and the language switch with a line break answer a redirect, not an error', async ({
	request,
	baseURL
}) => {
	const account = await signUpByRequest(request, baseURL!);
	const headers = { origin: new URL(baseURL!).origin, accept: 'text/html' };

	const signIn = await request.post('/signin', {
		form: { email: account.email, password: account.password, next: '/o/x\r\nSet-Cookie: a=b' },
		headers,
		maxRedirects: 0
	});
	expect(signIn.status()).toBe(303);
	expect(signIn.headers()['location']).toBe('/app');

	for (const redirectTo of ['/\nx', '/\r\n/example.org', '/\t/example.org', '/%0A']) {
		const answer = await request.post('/locale', {
			form: { locale: 'nl', redirectTo },
			headers,
			maxRedirects: 0
		});
		expect(answer.status(), JSON.stringify(redirectTo)).toBe(303);
		expect(answer.headers()['location'], JSON.stringify(redirectTo)).toBe('/');
	}
});
