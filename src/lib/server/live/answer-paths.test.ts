import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '../../../routes/live/[workshopId]/answers/+server';
import { GET } from '../../../routes/live/[workshopId]/events/+server';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { ANSWER_BODY_LIMIT } from './answer-request';
import { handleLeanRequest } from './lean';
import { participantCookieName } from './participant-cookie';
import { applyPace, joinWorkshop } from './rooms';
import { installLive, seedWorkshop } from './testing';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let token: string;
let server: Server;
let origin: string;

function decline(res: import('node:http').ServerResponse) {
	res.statusCode = 599;
	res.end();
}

beforeAll(async () => {
	// Whatever the lean path declines is answered 599 here, where adapter-node would take it.
	server = createServer((req, res) => {
		if (handleLeanRequest(req, res, () => decline(res))) return;
		decline(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 2, lenses: ['current'] });
	installLive(db);
	({ token } = await joinWorkshop(seeded.workshopId, null));
	await applyPace(seeded.workshopId, { type: 'start' });
	await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
});
afterEach(() => close());

interface Sent {
	workshopId?: string;
	body: string;
	cookie?: string | null;
	contentType?: string;
}

async function viaLean(sent: Sent) {
	const workshopId = sent.workshopId ?? seeded.workshopId;
	const response = await fetch(`${origin}/live/${workshopId}/answers`, {
		method: 'POST',
		headers: {
			'content-type': sent.contentType ?? 'application/json',
			...(sent.cookie === null
				? {}
				: { cookie: `${participantCookieName(workshopId)}=${sent.cookie ?? token}` })
		},
		body: sent.body
	});
	return { status: response.status, body: await response.text() };
}

async function viaKit(sent: Sent) {
	const workshopId = sent.workshopId ?? seeded.workshopId;
	const request = new Request(`http://app.test/live/${workshopId}/answers`, {
		method: 'POST',
		headers: { 'content-type': sent.contentType ?? 'application/json' },
		body: sent.body
	});
	const cookies = {
		get: (name: string) =>
			sent.cookie === null || name !== participantCookieName(workshopId)
				? undefined
				: (sent.cookie ?? token)
	} as Cookies;
	const event = {
		params: { workshopId },
		request,
		cookies,
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent<{
		workshopId: string;
	}>;
	const response = await POST(event as Parameters<typeof POST>[0]);
	return { status: response.status, body: await response.text() };
}

const answers = (answers: Record<string, number>, activityId = seeded.activities.rate.id) =>
	JSON.stringify({ activityId, answers });
const item = (i: number) => `${seeded.valueIds[i]}:current`;

describe('the lean path and the SvelteKit endpoint', () => {
	it('give identical answers and status codes', async () => {
		const cases: [string, () => Sent, number][] = [
			['stored', () => ({ body: answers({ [item(0)]: 4, [item(1)]: 6 }) }), 200],
			['stored again', () => ({ body: answers({ [item(0)]: 4 }) }), 200],
			['not JSON', () => ({ body: '{"activityId":' }), 400],
			['not an object', () => ({ body: '[1,2]' }), 400],
			['answers not numbers', () => ({ body: answers({ [item(0)]: '4' } as never) }), 400],
			['out of range', () => ({ body: answers({ [item(0)]: 11 }) }), 400],
			['no cookie', () => ({ body: answers({ [item(0)]: 4 }), cookie: null }), 403],
			['forged cookie', () => ({ body: answers({ [item(0)]: 4 }), cookie: 'x'.repeat(32) }), 403],
			['closed', () => ({ body: answers({ x: 1 }, seeded.activities.dots.id) }), 409],
			['unknown workshop', () => ({ body: answers({ [item(0)]: 4 }), workshopId: 'nope' }), 404],
			['too large', () => ({ body: 'x'.repeat(ANSWER_BODY_LIMIT + 1) }), 413]
		];
		for (const [name, make, status] of cases) {
			const lean = await viaLean(make());
			const kit = await viaKit(make());
			expect({ name, ...lean }).toEqual({ name, ...kit });
			expect({ name, status: lean.status }).toEqual({ name, status });
		}
	});

	it('leave other content types to SvelteKit, which refuses them', async () => {
		const sent = { body: answers({ [item(0)]: 4 }), contentType: 'text/plain' };
		expect((await viaLean(sent)).status).toBe(599);
		expect(await viaKit(sent)).toEqual({
			status: 415,
			body: JSON.stringify({ error: 'unsupported_media_type' })
		});
	});
});

/** The first `n` frames of a stream; the clock and the count of open streams set aside. */
async function firstFrames(body: ReadableStream<Uint8Array>, n: number) {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	while (text.split('\n\n').length <= n) {
		const { value, done } = await reader.read();
		if (done) break;
		text += decoder.decode(value, { stream: true });
	}
	await reader.cancel();
	return text
		.split('\n\n')
		.slice(0, n)
		.map((frame) =>
			frame.replace(/"now":\d+/, '"now":0').replace(/"connected":\d+/, '"connected":1')
		);
}

describe('the live stream, lean and through SvelteKit', () => {
	it('starts with the same frames for a participant', async () => {
		const path = `/live/${seeded.workshopId}/events`;
		const cookie = `${participantCookieName(seeded.workshopId)}=${token}`;
		const lean = await fetch(`${origin}${path}`, { headers: { cookie } });
		expect(lean.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const leanFrames = await firstFrames(lean.body!, 3);

		const event = {
			params: { workshopId: seeded.workshopId },
			url: new URL(`http://app.test${path}`),
			request: new Request(`http://app.test${path}`),
			cookies: {
				get: (name: string) =>
					name === participantCookieName(seeded.workshopId) ? token : undefined
			},
			locals: { user: null, session: null },
			getClientAddress: () => '127.0.0.1'
		} as unknown as Parameters<typeof GET>[0];
		const kit = await GET(event);
		expect(await firstFrames(kit.body!, 3)).toEqual(leanFrames);
		expect(leanFrames[1]).toMatch(/^event: snapshot/);
		expect(leanFrames[2]).toMatch(/^event: mine/);
	});

	it('leave presenters, consoles and unknown cookies to SvelteKit', async () => {
		const path = `/live/${seeded.workshopId}/events`;
		const cookie = `${participantCookieName(seeded.workshopId)}=${token}`;
		const statuses = await Promise.all([
			fetch(`${origin}${path}`),
			fetch(`${origin}${path}?audience=staff`, { headers: { cookie } }),
			fetch(`${origin}${path}`, {
				headers: { cookie: `${participantCookieName(seeded.workshopId)}=forged` }
			}),
			fetch(`${origin}/live/nope/events`, { headers: { cookie } })
		]);
		expect(statuses.map((r) => r.status)).toEqual([599, 599, 599, 599]);
	});
});
