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
 * Signs up over HTTP, without a browser: quicker than the form when a test only needs an
 * account. SvelteKit refuses form posts without a same-site Origin header, as a browser sends.
 */
export async function signUpByRequest(
	request: APIRequestContext,
	baseURL: string,
	details: AccountDetails = newAccountDetails()
): Promise<Account> {
	const response = await request.post('/signup', {
		form: { ...details, confirm: details.password },
		// Without `accept: text/html` SvelteKit answers as to `use:enhance`, in JSON.
		headers: { origin: new URL(baseURL).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), await response.text()).toBe(303);
	const location = response.headers()['location'] ?? '';
	const orgId = /^\/o\/([^/?#]+)$/.exec(location)?.[1];
	if (!orgId) throw new Error(`Sign-up redirected to "${location}", not to an organisation`);
	return { ...details, orgId, sessionToken: sessionTokenFrom(response.headersArray()) };
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
