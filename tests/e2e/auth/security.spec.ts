import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { SignUpPage } from '../pages/SignUpPage';

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	const signUp = new SignUpPage(page);
	await signUp.goto();
	const details = newAccountDetails('cookie');
	await signUp.fill({ ...details, confirm: details.password });
	await signUp.submit();
	const answer = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signin'
	);
	await signUp.signInAfterwards(details);

	const setCookie = (await (await answer).headerValue('set-cookie')) ?? '';
	expect(setCookie).toMatch(/^session=/m);
	const attributes = setCookie.toLowerCase();
	expect(attributes).toContain('httponly');
	expect(attributes).toContain('samesite=lax');
	expect(attributes).toContain('path=/');

	await expect(page).toHaveURL(/\/o\//);
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	// Out of reach of scripts, and so of any injected one.
	expect(await page.evaluate(() => document.cookie)).not.toContain('session=');
});

/** Directive name -> its values, from a Content-Security-Policy header. */
function parseCsp(header: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of header.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), values);
	}
	return directives;
}

const pages = [
	{ what: 'the home page', path: () => '/', status: 200 },
	{ what: 'a page of a signed-in member', path: (orgId?: string) => `/o/${orgId}`, status: 200 },
	{ what: 'an error page', path: () => '/no-such-page', status: 404 }
];

for (const { what, path, status } of pages) {
	test(`security headers on ${what}`, async ({ page, context, request, baseURL }) => {
		let orgId: string | undefined;
		if (what.includes('signed-in')) {
			const account = await signUpByRequest(request, baseURL!);
			await signInContext(context, baseURL!, account);
			orgId = account.orgId;
		}
		const blocked: string[] = [];
		page.on('console', (message) => {
			if (/content security policy/i.test(message.text())) blocked.push(message.text());
		});

		const response = await page.goto(path(orgId));
		expect(response?.status()).toBe(status);
		const headers = response!.headers();

		const csp = parseCsp(headers['content-security-policy'] ?? '');
		const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
		expect(scriptSrc, 'script-src').toBeDefined();
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(csp.get('object-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'self'"]);

		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toMatch(
			/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/
		);
		const framing =
			headers['x-frame-options']?.toUpperCase() === 'DENY' ||
			csp.get('frame-ancestors')?.join(' ') === "'none'";
		expect(framing, 'X-Frame-Options DENY or frame-ancestors none').toBe(true);

		// The page still starts under its own policy: none of our scripts was refused.
		await waitForHydration(page);
		expect(blocked).toEqual([]);
	});
}

test('a form post from another site is refused', async ({ request }) => {
	const response = await request.post('/signin', {
		form: { email: 'someone@example.org', password: 'whatever it is' },
		headers: { origin: 'https://attacker.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});

/** The headers every response carries, whatever answered it. */
function expectSecurityHeaders(headers: Record<string, string>, what: string) {
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['x-frame-options'], what).toBe('DENY');
	expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy'], what).toBe('camera=(), microphone=(), geolocation=()');
	// Served over plain http here (ORIGIN is http): a browser would ignore it anyway.
	expect(headers['strict-transport-security'], what).toBeUndefined();
}

test('static files and the cross-site refusal carry the security headers too', async ({
	page,
	request
}) => {
	await page.goto('/');
	const script = await page
		.locator('link[rel="modulepreload"], script[src]')
		.first()
		.evaluate((el) => el.getAttribute('href') ?? el.getAttribute('src'));
	for (const path of ['/favicon.svg', '/robots.txt', new URL(script!, page.url()).pathname]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expectSecurityHeaders(response.headers(), path);
	}

	const refused = await request.post('/signin', {
		form: { email: 'someone@example.org', password: 'whatever it is' },
		headers: { origin: 'https://attacker.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);
	expectSecurityHeaders(refused.headers(), 'the cross-site 403');
});

test("a signed-in person's pages are not kept by caches; public pages may be", async ({
	request,
	baseURL
}) => {
	const anonymous = await request.get('/');
	expect(anonymous.headers()['cache-control']).toBeUndefined();

	const account = await signUpByRequest(request, baseURL!);
	const signedIn = { cookie: `session=${account.sessionToken}` };
	for (const path of [`/o/${account.orgId}`, `/o/${account.orgId}/__data.json`, '/']) {
		const response = await request.get(path, { headers: signedIn, maxRedirects: 0 });
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
		expectSecurityHeaders(response.headers(), path);
	}
});
