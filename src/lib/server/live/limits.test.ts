/**
 * Scripted devices against every door of the live room (the lean node:http path, the SvelteKit
 * endpoints, the no-JS form actions): what one address, or a crowd of them, can and cannot do.
 * The clock stands still unless a test moves it, so no tokens flow back while a loop runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { actions } from '../../../routes/(room)/w/[workshopId]/+page.server';
import { POST as answersEndpoint } from '../../../routes/live/[workshopId]/answers/+server';
import { POST as joinEndpoint } from '../../../routes/live/join/+server';
import { JOIN_ALPHABET } from '../../domain/workshop';
import type { Database } from '../db';
import { participants, votes } from '../db/schema';
import { testDatabase } from '../db/testing';
import { postCard, upvote } from '../room/cards';
import { joinFromForm } from '../room/join';
import { handleLeanRequest } from './lean';
import {
	addressKey,
	ANSWERS_PER_ADDRESS,
	CARDS_PER_ADDRESS,
	JOINS_PER_ADDRESS,
	JOINS_PER_ROOM,
	UPVOTES_PER_ADDRESS,
	WRONG_CODES_PER_ADDRESS
} from './limits';
import { participantCookieName } from './participant-cookie';
import { answersDrained } from './votes';
import { applyPace, getRoom, joinWorkshop } from './rooms';
import { installLive, seedWorkshop } from './testing';

let db: Database;
let close: () => void;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let clock = 0;
let addresses = 0;
/** An address no other test used: every test starts with full budgets. */
const freshAddress = () => `198.51.${addresses >> 8}.${addresses++ & 255}`;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	seeded = await seedWorkshop(db, { values: 10, lenses: ['current'] });
	installLive(db);
	clock += 10 * 3_600_000;
	vi.spyOn(performance, 'now').mockImplementation(() => clock);
});
afterEach(async () => {
	vi.restoreAllMocks();
	await answersDrained();
	// The counts and card walls are sent a moment after each change: let them go first.
	await new Promise((resolve) => setTimeout(resolve, 300));
	close();
});

const noCookies = {
	get: () => undefined,
	set: () => {},
	delete: () => {}
} as unknown as Cookies;

async function joinByJson(body: string, address: string) {
	const request = new Request('http://app.test/live/join', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	const event = { request, cookies: noCookies, getClientAddress: () => address };
	const response = await joinEndpoint(event as unknown as Parameters<typeof joinEndpoint>[0]);
	return { status: response.status, ...((await response.json()) as { error?: string }) };
}

const joinJson = (code: string, address: string) => joinByJson(JSON.stringify({ code }), address);

async function joinForm(code: string, address: string) {
	const joined = await joinFromForm({ code, nickname: '', address, currentToken: () => undefined });
	return joined.ok ? { status: 200 } : { status: joined.status, error: joined.problem.code };
}

const joinedCount = async () =>
	(await db.select().from(participants).where(eq(participants.workshopId, seeded.workshopId)))
		.length;

/** A well-formed code that is not the workshop's. */
function wrongCode(i: number) {
	const letters = [...JOIN_ALPHABET];
	const code = [0, 1, 2, 3, 4, 5]
		.map((k) => letters[Math.floor(i / letters.length ** k) % letters.length])
		.join('');
	return code === seeded.joinCode ? 'YYYYYY' : code;
}

function tally(statuses: { status: number }[]) {
	const counts: Record<number, number> = {};
	for (const { status } of statuses) counts[status] = (counts[status] ?? 0) + 1;
	return counts;
}

describe('joins', () => {
	it('one budget per address on POST /live/join and the /join form: a room at once, a script no further', async () => {
		const address = freshAddress();
		const results = [];
		for (let i = 0; i < 2 * JOINS_PER_ADDRESS.burst; i++) {
			results.push(
				await (i % 2 ? joinJson(seeded.joinCode, address) : joinForm(seeded.joinCode, address))
			);
		}
		expect(tally(results)).toEqual({
			200: JOINS_PER_ADDRESS.burst,
			429: JOINS_PER_ADDRESS.burst
		});
		expect(results.at(-1)).toMatchObject({ error: 'rate_limited' });
		expect(await joinedCount()).toBe(JOINS_PER_ADDRESS.burst);

		// One more every 4 s: 900 an hour, not thousands.
		clock += 1000 / JOINS_PER_ADDRESS.perSecond;
		expect((await joinJson(seeded.joinCode, address)).status).toBe(200);
		expect((await joinJson(seeded.joinCode, address)).status).toBe(429);
		// Another address (the next room) is not held up.
		expect((await joinJson(seeded.joinCode, freshAddress())).status).toBe(200);
	});

	it('caps the joins of one room from every address together, by the size of the room', async () => {
		const crowd = async (n: number) => {
			const results = [];
			for (let i = 0; i < n; i++) results.push(await joinJson(seeded.joinCode, freshAddress()));
			return tally(results);
		};
		expect(await crowd(JOINS_PER_ROOM + 20)).toEqual({ 200: JOINS_PER_ROOM, 429: 20 });
		// A minute later the room may grow by its own size again (500 → 1,000).
		clock += 60_000;
		expect(await crowd(JOINS_PER_ROOM + 20)).toEqual({ 200: JOINS_PER_ROOM, 429: 20 });
		expect(await joinedCount()).toBe(2 * JOINS_PER_ROOM);
		// Half a minute later, half of 1,000 again.
		clock += 30_000;
		expect(await crowd(JOINS_PER_ROOM + 20)).toEqual({ 200: JOINS_PER_ROOM, 429: 20 });
	});

	it('spends no join on a nickname it refuses', async () => {
		const address = freshAddress();
		const body = JSON.stringify({ code: seeded.joinCode, nickname: 'n'.repeat(41) });
		for (let i = 0; i < JOINS_PER_ADDRESS.burst + 10; i++) {
			expect(await joinByJson(body, address)).toMatchObject({
				status: 400,
				error: 'invalid_nickname'
			});
		}
		expect((await joinJson(seeded.joinCode, address)).status).toBe(200);
	});

	it('spends no join on a locked workshop', async () => {
		const address = freshAddress();
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'lock' });
		for (let i = 0; i < JOINS_PER_ADDRESS.burst + 10; i++) {
			expect(await joinJson(seeded.joinCode, address)).toMatchObject({
				status: 409,
				error: 'workshop_locked'
			});
		}
		await applyPace(seeded.workshopId, { type: 'unlock' });
		expect((await joinJson(seeded.joinCode, address)).status).toBe(200);
	});

	it('lets a device with its cookie back in without spending a join', async () => {
		const address = freshAddress();
		const first = await joinFromForm({
			code: seeded.joinCode,
			nickname: '',
			address,
			currentToken: () => undefined
		});
		const token = first.ok ? first.token! : '';
		for (let i = 0; i < JOINS_PER_ADDRESS.burst + 10; i++) {
			const again = await joinFromForm({
				code: seeded.joinCode,
				nickname: '',
				address,
				currentToken: () => token
			});
			expect(again.ok).toBe(true);
		}
		expect(await joinedCount()).toBe(1);
	});
});

describe('guessing join codes', () => {
	it('does not lock a room on one address out of its own code, however many wrong codes it sent', async () => {
		const wifi = freshAddress();
		expect((await joinJson(seeded.joinCode, wifi)).status).toBe(200);
		const guesses = [];
		for (let i = 0; i < 3 * WRONG_CODES_PER_ADDRESS.burst; i++) {
			guesses.push(await joinJson(wrongCode(i), wifi));
		}
		expect(tally(guesses)).toEqual({
			404: WRONG_CODES_PER_ADDRESS.burst,
			429: 2 * WRONG_CODES_PER_ADDRESS.burst
		});
		// Everyone else in the room, on the same Wi-Fi, still gets in with the right code.
		for (let i = 0; i < 20; i++) {
			expect(await joinForm(seeded.joinCode, wifi)).toEqual({ status: 200 });
			expect((await joinJson(seeded.joinCode, wifi)).status).toBe(200);
		}
	});

	it('slows a guesser to one wrong code every 5 s, and a hit is no way round it', async () => {
		const guesser = freshAddress();
		for (let i = 0; i < WRONG_CODES_PER_ADDRESS.burst; i++) {
			expect((await joinJson(wrongCode(i), guesser)).status).toBe(404);
		}
		// Out of guesses: a code this address never used is not even looked up, right or wrong.
		expect(await joinJson(wrongCode(999), guesser)).toMatchObject({
			status: 429,
			error: 'rate_limited'
		});
		expect((await joinJson(seeded.joinCode, guesser)).status).toBe(429);
		clock += 1000 / WRONG_CODES_PER_ADDRESS.perSecond;
		expect((await joinJson(wrongCode(1000), guesser)).status).toBe(404);
		expect((await joinJson(wrongCode(1001), guesser)).status).toBe(429);
		// The next guess is answered again after 5 s: 720 an hour, plus the first 60.
		expect(3600 * WRONG_CODES_PER_ADDRESS.perSecond).toBe(720);
	});

	it('answers a body it cannot read with 400, which is not a guess', async () => {
		const address = freshAddress();
		const unreadable = [
			'{"code":',
			'[1,2]',
			'null',
			'{}',
			'{"code":123456}',
			'{"code":"ABC"}',
			'{"code":"OOOOOO"}',
			`{"code":"${seeded.joinCode}","nickname":5}`
		];
		for (let round = 0; round < 10; round++) {
			for (const body of unreadable) {
				const refused = await joinByJson(body, address);
				expect({ body, status: refused.status }).toEqual({ body, status: 400 });
			}
		}
		expect(await joinByJson('{"code":"ABC"}', address)).toMatchObject({ error: 'malformed_code' });
		expect(await joinByJson('{"code":', address)).toMatchObject({ error: 'invalid_body' });
		// 80 unreadable bodies later, the address has all its guesses: the right code gets in.
		expect((await joinJson(seeded.joinCode, address)).status).toBe(200);
	});
});

// ------------------------------------------------- answers, cards, upvotes

let server: Server;
let origin: string;

beforeAll(async () => {
	server = createServer((req, res) => {
		if (handleLeanRequest(req, res, () => res.writeHead(599).end())) return;
		res.writeHead(599).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const items = () => seeded.valueIds.map((v) => `${v}:current`);

async function devices(n: number) {
	const joined = [];
	for (let i = 0; i < n; i++) joined.push(await joinWorkshop(seeded.workshopId, null));
	return joined;
}

describe('answers from one address', () => {
	it('are limited on the lean path, the SvelteKit endpoint and the form alike, whatever the cookies', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 1 });
		// A script rotating 60 cookies, each within its own limit of 40 at once.
		const script = await devices(60);
		const sent = script.flatMap((device, d) =>
			Array.from({ length: 40 }, (_, k) => ({ device, score: (d + k) % 11 }))
		);
		expect(sent.length).toBeGreaterThan(ANSWERS_PER_ADDRESS.burst);
		const statuses: number[] = [];
		for (let i = 0; i < sent.length; i += 50) {
			const replies = await Promise.all(
				sent.slice(i, i + 50).map(async ({ device, score }) => {
					const response = await fetch(`${origin}/live/${seeded.workshopId}/answers`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							cookie: `${participantCookieName(seeded.workshopId)}=${device.token}`
						},
						body: JSON.stringify({
							activityId: seeded.activities.rate.id,
							answers: { [items()[0]]: score }
						})
					});
					await response.arrayBuffer();
					return response.status;
				})
			);
			statuses.push(...replies);
		}
		expect(tally(statuses.map((status) => ({ status })))).toEqual({
			200: ANSWERS_PER_ADDRESS.burst,
			429: sent.length - ANSWERS_PER_ADDRESS.burst
		});

		// The same address through SvelteKit and through the no-JS form: refused too (with a
		// device whose own budget is whole: the address's was checked first).
		const device = script.at(-1)!;
		const cookies = {
			get: (name: string) =>
				name === participantCookieName(seeded.workshopId) ? device.token : undefined
		} as Cookies;
		const body = JSON.stringify({
			activityId: seeded.activities.rate.id,
			answers: { [items()[1]]: 3 }
		});
		const kit = (address: string) =>
			answersEndpoint({
				params: { workshopId: seeded.workshopId },
				request: new Request('http://app.test/', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body
				}),
				cookies,
				getClientAddress: () => address
			} as unknown as Parameters<typeof answersEndpoint>[0]);
		expect((await kit('127.0.0.1')).status).toBe(429);
		const form = new FormData();
		form.set('activityId', seeded.activities.rate.id);
		form.set(`a:${items()[1]}`, '3');
		const formEvent = {
			params: { workshopId: seeded.workshopId },
			request: new Request('http://app.test/', { method: 'POST', body: form }),
			cookies,
			getClientAddress: () => '127.0.0.1'
		} as unknown as Parameters<typeof actions.answer>[0];
		expect(await actions.answer(formEvent)).toMatchObject({
			status: 429,
			data: { problem: { code: 'rate_limited' } }
		});
		// Someone on another network is not affected.
		expect((await kit(freshAddress())).status).toBe(200);
		await answersDrained();
		expect(
			(await db.select().from(votes).where(eq(votes.activityId, seeded.activities.rate.id))).length
		).toBe(ANSWERS_PER_ADDRESS.burst / 40 + 1);
	});
});

describe('cards and upvotes from one address', () => {
	it('limit the cards a script with many cookies can post', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 0 });
		const room = (await getRoom(seeded.workshopId))!;
		const address = freshAddress();
		// 25 cookies, each within its own burst of 10 cards.
		const script = await devices(25);
		const outcomes = [];
		for (const device of script) {
			for (let k = 0; k < 10; k++) {
				const posted = await postCard({
					room,
					participantId: device.participantId,
					activityId: seeded.activities.collect.id,
					text: `card ${k}`,
					address
				});
				outcomes.push({ status: posted.ok ? 200 : posted.status });
			}
		}
		expect(tally(outcomes)).toEqual({
			200: CARDS_PER_ADDRESS.burst,
			429: 250 - CARDS_PER_ADDRESS.burst
		});
	});

	it('limit the upvotes a script with many cookies can give', async () => {
		await applyPace(seeded.workshopId, { type: 'start' });
		await applyPace(seeded.workshopId, { type: 'goto', index: 3 });
		const room = (await getRoom(seeded.workshopId))!;
		const [author] = await devices(1);
		const posted = await postCard({
			room,
			participantId: author.participantId,
			activityId: seeded.activities.outsider.id,
			text: 'From outside',
			address: freshAddress()
		});
		const cardId = posted.ok ? posted.cardId : '';
		const address = freshAddress();
		// 25 cookies, each within its own burst of 30 upvotes.
		const script = await devices(25);
		const outcomes = [];
		for (const device of script) {
			for (let k = 0; k < 30; k++) {
				const done = await upvote({
					room,
					participantId: device.participantId,
					activityId: seeded.activities.outsider.id,
					cardId,
					address
				});
				outcomes.push({ status: done.ok ? 200 : done.status });
			}
		}
		expect(tally(outcomes)).toEqual({
			200: UPVOTES_PER_ADDRESS.burst,
			429: 750 - UPVOTES_PER_ADDRESS.burst
		});
	});
});

describe('addressKey', () => {
	it('counts IPv4 as it is and IPv6 by its /64', () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002:ffff:0:0:2')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(addressKey('203.0.113.7:52011')).toBe('203.0.113.7');
		expect(addressKey('[2001:db8:1:2::9]:443')).toBe('2001:db8:1:2::/64');
	});
});
