import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import type { Role } from '../../src/lib/domain/culture';
import { newAccountDetails, signInByRequest, type Account, type AccountDetails } from './accounts';

/**
 * The app driven without a browser: quicker than its pages when a test only needs things to
 * exist, and the way the authorisation test knocks on every door.
 */

export type RequestFactory = PlaywrightWorkerArgs['playwright']['request'];

/** What a request was answered: status, redirect target, the response itself. */
export interface Sent {
	status: number;
	location: string;
	response: APIResponse;
}

const sent = (response: APIResponse): Sent => ({
	status: response.status(),
	location: response.headers()['location'] ?? '',
	response
});

/**
 * A form post as a browser without JavaScript sends it. SvelteKit refuses form posts without a
 * same-site Origin (403, which is no authorisation answer), and answers in JSON unless HTML is
 * asked for.
 */
export async function postForm(
	context: APIRequestContext,
	origin: string,
	path: string,
	form: Record<string, string>
): Promise<Sent> {
	const response = await context.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	return sent(response);
}

export async function postJson(
	context: APIRequestContext,
	origin: string,
	path: string,
	data: unknown
): Promise<Sent> {
	const response = await context.post(path, {
		data,
		headers: { origin, 'content-type': 'application/json' },
		maxRedirects: 0
	});
	return sent(response);
}

/**
 * A request context that sends exactly these cookies, whatever it is answered: they travel in
 * the header, so a cookie the server clears or sets does not change who the context is.
 */
export function requestAs(
	factory: RequestFactory,
	origin: string,
	cookies: Record<string, string> = {}
): Promise<APIRequestContext> {
	const header = Object.entries(cookies)
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
		.join('; ');
	return factory.newContext({
		baseURL: origin,
		extraHTTPHeaders: header ? { cookie: header } : {}
	});
}

export function expectStatus(answer: Sent, status: number, what: string): void {
	if (answer.status !== status) {
		throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.location}`);
	}
}

/** Creates a team as `context`'s user (an owner); its id. */
export async function createTeamByRequest(
	context: APIRequestContext,
	origin: string,
	orgId: string,
	name: string
): Promise<string> {
	const answer = await postForm(context, origin, `/o/${orgId}?/createTeam`, { name });
	const teamId = new RegExp(`^/o/${orgId}/t/([^/]+)$`).exec(answer.location)?.[1];
	if (!teamId) throw new Error(`Creating a team answered ${answer.status} ${answer.location}`);
	return teamId;
}

/** An owner creates an invitation link on the members page; the token in it. */
export async function inviteByRequest(
	context: APIRequestContext,
	origin: string,
	orgId: string,
	role: Role,
	teamId = ''
): Promise<string> {
	const answer = await postForm(context, origin, `/o/${orgId}/members?/invite`, { role, teamId });
	expectStatus(answer, 200, `inviting a ${role}`);
	const token = /\/invite\/([a-z0-9]+)/.exec(await answer.response.text())?.[1];
	if (!token) throw new Error('The members page showed no invitation link');
	return token;
}

/** Signs up through an invitation, in a context of its own. */
export async function joinByRequest(
	factory: RequestFactory,
	origin: string,
	token: string,
	details: AccountDetails = newAccountDetails('invited')
): Promise<Account> {
	const context = await requestAs(factory, origin);
	try {
		const answer = await postForm(context, origin, '/signup', {
			name: details.name,
			email: details.email,
			password: details.password,
			confirm: details.password,
			invite: token
		});
		expectStatus(answer, 303, 'signing up through an invitation');
		return { ...details, ...(await signInByRequest(context, origin, details)) };
	} finally {
		await context.dispose();
	}
}
