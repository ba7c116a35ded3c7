import { expect, type APIRequestContext, type BrowserContext } from '@playwright/test';

export interface AccountDetails {
	name: string;
	email: string;
	password: string;
	organisation: string;
}

export interface Account extends AccountDetails {
	orgId: string;
	/** The value of the session cookie the sign-up answered with. */
	sessionToken: string;
}

let counter = 0;

/** Details no other test uses: the database lives for a whole run, shared by all workers. */
export function newAccountDetails(label = 'user'): AccountDetails {
	const unique = `${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;
	return {
		name: `E2E ${label} ${unique}`,
		email: `e2e-${label}-${unique}@example.org`,
		password: `correct horse ${unique}`,
		organisation: `E2E Org ${unique}`
	};
}

/** The session cookie's value from a response's Set-Cookie headers. */
export function sessionTokenFrom(headers: { name: string; value: string }[]): string {
	for (const { name, value } of headers) {
		const match = name.toLowerCase() === 'set-cookie' && /^session=([^;]*)/.exec(value);
		if (match && match[1]) return match[1];
	}
	throw new Error('The response set no session cookie');
}

/**
 * Signs up over HTTP, without a browser, then signs in (a sign-up answers the same for a new
 * address as for a taken one, so it starts no session): quicker than the forms when a test
 * only needs an account. SvelteKit refuses form posts without a same-site Origin header, as a
 * browser sends.
 */
export async function signUpByRequest(
	request: APIRequestContext,
	baseURL: string,
	details: AccountDetails = newAccountDetails()
): Promise<Account> {
	const headers = { origin: new URL(baseURL).origin, accept: 'text/html' };
	const signedUp = await request.post('/signup', {
		form: { ...details, confirm: details.password },
		// Without `accept: text/html` SvelteKit answers as to `use:enhance`, in JSON.
		headers,
		maxRedirects: 0
	});
	expect(signedUp.status(), await signedUp.text()).toBe(303);
	expect(signedUp.headers()['location']).toBe(SIGNED_UP);
	const signedIn = await signInByRequest(request, baseURL, details);
	return { ...details, ...signedIn };
}

/** Where a sign-up sends everyone, new address or taken (src/routes/(auth)/signup). */
export const SIGNED_UP = '/signin?signed-up';

/** Signs in over HTTP: the session's token and the organisation "My organisation" leads to. */
export async function signInByRequest(
	request: APIRequestContext,
	baseURL: string,
	details: { email: string; password: string }
): Promise<{ orgId: string; sessionToken: string }> {
	const origin = new URL(baseURL).origin;
	const signedIn = await request.post('/signin', {
		form: { email: details.email, password: details.password },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signedIn.status(), await signedIn.text()).toBe(303);
	const sessionToken = sessionTokenFrom(signedIn.headersArray());
	const app = await request.get('/app', {
		headers: { cookie: `session=${sessionToken}` },
		maxRedirects: 0
	});
	const location = app.headers()['location'] ?? '';
	const orgId = /^\/o\/([^/?#]+)$/.exec(location)?.[1];
	if (!orgId) throw new Error(`"My organisation" led to "${location}", not to an organisation`);
	return { orgId, sessionToken };
}

/** Puts the account's session into a browser context, as if it had signed in there. */
export async function signInContext(context: BrowserContext, baseURL: string, account: Account) {
	await context.addCookies([
		{
			name: 'session',
			value: account.sessionToken,
			url: baseURL,
			httpOnly: true,
			sameSite: 'Lax'
		}
	]);
}
