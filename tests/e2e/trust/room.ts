import type { APIRequestContext } from '@playwright/test';
import { receivedSnapshot } from '../../../src/lib/live/snapshot';
import { newAccountDetails, signUpByRequest, type Account } from '../accounts';
import {
	createTeamByRequest,
	expectStatus,
	postForm,
	postJson,
	requestAs,
	type RequestFactory
} from '../requests';

/** Scripted devices and a staff member around one workshop, for the attack tests here. */

export const DB = 'file:tests/.output/e2e.db';
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export interface Workshop {
	owner: Account;
	staff: APIRequestContext;
	id: string;
	joinCode: string;
	url: string;
}

/** An owner with a team, one value and a workshop (review, collect, rating, …). */
export async function setUp(
	request: RequestFactory,
	origin: string,
	label: string
): Promise<Workshop> {
	const owner = await signUpByRequest(
		await requestAs(request, origin),
		origin,
		newAccountDetails(label)
	);
	const staff = await requestAs(request, origin, { session: owner.sessionToken });
	const teamId = await createTeamByRequest(staff, origin, owner.orgId, 'Padding team');
	const value = await postForm(staff, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
		name: 'Candour',
		lens_current: 'on',
		lens_strategic: 'on'
	});
	expectStatus(value, 200, 'creating a value');
	const created = await postForm(staff, origin, `/o/${owner.orgId}/t/${teamId}/workshops?/create`, {
		title: 'Padding check',
		template: 'current_vs_strategic'
	});
	expectStatus(created, 303, 'creating the workshop');
	const id = created.location.split('/').pop()!;
	const page = await staff.get(`${created.location}/console`);
	const joinCode = /<code[^>]*>([A-Z0-9]+)<\/code>/.exec(await page.text())![1];
	return { owner, staff, id, joinCode, url: created.location };
}

/** A device without cookies joins over JSON: its answer and its participant cookie. */
export async function joinDevice(
	request: RequestFactory,
	origin: string,
	w: Workshop,
	body: Record<string, string> = {}
) {
	const context = await requestAs(request, origin);
	try {
		const joined = await postJson(context, origin, '/live/join', { code: w.joinCode, ...body });
		const cookie = joined.response
			.headersArray()
			.map((h) => new RegExp(`^p_${w.id}=([^;]+)`).exec(h.value))
			.find(Boolean);
		const token = cookie ? decodeURIComponent(cookie[1]) : null;
		return {
			status: joined.status,
			body: (await joined.response.json()) as Record<string, unknown>,
			cookies: token ? { [`p_${w.id}`]: token } : null
		};
	} finally {
		await context.dispose();
	}
}

/**
 * Reads a live stream until its first snapshot: the raw text and the snapshot as the live
 * client hands it to the pages (the activity's items derived from its config, as they do not
 * travel).
 */
export async function firstSnapshot(url: string, cookies: Record<string, string>) {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 10_000);
	const cookie = Object.entries(cookies)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('; ');
	const response = await fetch(url, {
		headers: { cookie, accept: 'text/event-stream' },
		signal: controller.signal
	});
	if (response.status !== 200) {
		clearTimeout(timer);
		await response.body?.cancel();
		return { status: response.status, raw: '', snapshot: null };
	}
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let raw = '';
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			raw += decoder.decode(value, { stream: true });
			const frame = raw.split('\n\n').find((f) => /^event: snapshot$/m.test(f));
			const data = frame && /^data: (.*)$/m.exec(frame)?.[1];
			if (data) {
				try {
					const snapshot = receivedSnapshot(JSON.parse(data));
					return { status: 200, raw, snapshot: snapshot as unknown as Record<string, unknown> };
				} catch {
					// a frame still arriving
				}
			}
		}
	} finally {
		clearTimeout(timer);
		await reader.cancel().catch(() => {});
	}
	return { status: 200, raw, snapshot: null };
}
