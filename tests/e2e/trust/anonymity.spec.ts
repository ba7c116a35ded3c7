import { createClient } from '@libsql/client';
import type { APIRequestContext } from '@playwright/test';
import { hashToken } from '../../../src/lib/server/ids';
import { buildWorld, type World } from '../access/world';
import { expect, test } from '../fixtures';
import { postJson, requestAs } from '../requests';

/**
 * Anonymity, checked on the wire: everything a participant's device can fetch (the room page,
 * its data endpoint, the live stream, the answers to joining and voting) and everything the
 * presenter and the console receive holds no participant's id, token, hidden nickname or
 * single answers; below the organisation's minimum group size (5 here) no result at all.
 */

const DB = 'file:tests/.output/e2e.db';

interface Person {
	cookies: Record<string, string>;
	token: string;
	nickname: string;
	score: number;
}

test.describe('what a participant and the staff can see of the others', () => {
	let world: World;
	const contexts: APIRequestContext[] = [];
	const reader = createClient({ url: DB, timeout: 5000 });

	test.beforeAll(async ({ playwright }, testInfo) => {
		world = await buildWorld(playwright.request, new URL(testInfo.project.use.baseURL!).origin);
	});
	test.afterAll(async () => {
		for (const c of contexts) await c.dispose();
		reader.close();
		await world?.dispose();
	});

	test('no ids, hidden nicknames or single answers of others, and no result below the minimum group', async ({
		playwright
	}) => {
		test.setTimeout(90_000);
		const w = world.workshop;
		const origin = world.origin;
		const anon = await requestAs(playwright.request, origin);
		contexts.push(anon);
		const owner = await requestAs(playwright.request, origin, world.actors.owner.cookies);
		contexts.push(owner);
		const item = `${world.valueA}:current`;

		/** Joins with a nickname (hidden: the workshop does not show nicknames) and answers. */
		const join = async (i: number, score: number): Promise<Person> => {
			const context = await requestAs(playwright.request, origin);
			contexts.push(context);
			const nickname = `Nick${Date.now().toString(36)}${i}`;
			const joined = await postJson(context, origin, '/live/join', { code: w.joinCode, nickname });
			expect(joined.status).toBe(200);
			const cookie = joined.response
				.headersArray()
				.map((h) => new RegExp(`^p_${w.id}=([^;]+)`).exec(h.value))
				.find(Boolean);
			const token = decodeURIComponent(cookie![1]);
			const cookies = { [`p_${w.id}`]: token };
			const device = await requestAs(playwright.request, origin, cookies);
			contexts.push(device);
			const answered = await postJson(device, origin, `/live/${w.id}/answers`, {
				activityId: w.activityId,
				answers: { [item]: score }
			});
			expect(answered.status).toBe(200);
			expect(await answered.response.text()).not.toContain(nickname);
			return { cookies, token, nickname, score };
		};

		const people = [await join(0, 1), await join(1, 2), await join(2, 5)];
		const pace = await postJson(owner, origin, `/live/${w.id}/pace`, { type: 'reveal' });
		expect(pace.status).toBe(200);

		/** Everything the participant's device can ask for, as one text. */
		const seenBy = async (person: Person) => {
			const device = await requestAs(playwright.request, origin, person.cookies);
			contexts.push(device);
			const page = await device.get(`/w/${w.id}`, { headers: { accept: 'text/html' } });
			expect(page.status()).toBe(200);
			const data = await device.get(`/w/${w.id}/__data.json`);
			expect(data.status()).toBe(200);
			const stream = await readStream(`${origin}/live/${w.id}/events`, person.cookies, [
				'snapshot',
				'mine'
			]);
			return {
				text: [await page.text(), await data.text(), stream.raw].join('\n'),
				snapshot: stream.events.snapshot as {
					results: null | {
						withheld: boolean;
						respondents: number;
						counts: Record<string, number[]>;
					};
				},
				mine: stream.events.mine as Record<string, Record<string, number>>
			};
		};

		const ids = async () =>
			(
				await reader.execute({
					sql: 'select id, token_hash from participants where workshop_id = ?',
					args: [w.id]
				})
			).rows.flatMap((r) => [String(r.id), String(r.token_hash)]);

		const expectNothingOfOthers = async (me: Person, others: Person[], text: string) => {
			// Their own nickname they may see (the page shows what they typed); nobody else's.
			const mine = await reader.execute({
				sql: 'select id, token_hash from participants where token_hash = ?',
				args: [hashToken(me.token)]
			});
			const own = mine.rows.flatMap((r) => [String(r.id), String(r.token_hash)]);
			const secrets = [
				...(await ids()).filter((s) => !own.includes(s)),
				...others.flatMap((o) => [o.token, o.nickname])
			];
			const found = secrets.filter((s) => text.includes(s));
			expect(found, 'identities in what the device received').toEqual([]);
		};

		// Three answered: fewer than the minimum of five, so nothing but the count.
		const first = await seenBy(people[0]);
		await expectNothingOfOthers(people[0], people.slice(1), first.text);
		expect(first.snapshot.results).toMatchObject({ withheld: true, respondents: 3 });
		expect(Object.keys(first.snapshot.results!.counts)).toEqual([]);
		expect(first.mine).toEqual({ [w.activityId]: { [item]: 1 } });

		// Two more: five answered, so the room sees the distribution, never who gave what.
		people.push(await join(3, 4), await join(4, 4));
		const second = await seenBy(people[1]);
		await expectNothingOfOthers(
			people[1],
			people.filter((_, i) => i !== 1),
			second.text
		);
		const results = second.snapshot.results!;
		expect(results).toMatchObject({ withheld: false, respondents: 5 });
		expect(results.counts[item].reduce((a, b) => a + b, 0)).toBe(5);
		expect(second.mine).toEqual({ [w.activityId]: { [item]: 2 } });

		// The projector and the console: aggregates, and no identities either.
		const present = await owner.get(`/present/${w.id}`, { headers: { accept: 'text/html' } });
		const presentData = await owner.get(`/present/${w.id}/__data.json`);
		const consolePage = await owner.get(
			`/o/${world.org}/t/${world.teamA}/workshops/${w.id}/console/__data.json`
		);
		const room = await readStream(`${origin}/live/${w.id}/events`, world.actors.owner.cookies, [
			'snapshot'
		]);
		const staff = await readStream(
			`${origin}/live/${w.id}/events?audience=staff`,
			world.actors.owner.cookies,
			['snapshot']
		);
		const staffText = [
			await present.text(),
			await presentData.text(),
			await consolePage.text(),
			room.raw,
			staff.raw
		].join('\n');
		const secrets = [...(await ids()), ...people.flatMap((p) => [p.token, p.nickname])];
		expect(
			secrets.filter((s) => staffText.includes(s)),
			'identities shown to staff'
		).toEqual([]);
		expect(JSON.stringify(staff.events.snapshot)).not.toMatch(/participant_?[iI]d/);
	});
});

/** Reads an event stream until each wanted event came once; the raw text and those events. */
async function readStream(
	url: string,
	cookies: Record<string, string>,
	wanted: string[]
): Promise<{ raw: string; events: Record<string, unknown> }> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 10_000);
	const cookie = Object.entries(cookies)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('; ');
	const response = await fetch(url, {
		headers: { cookie, accept: 'text/event-stream' },
		signal: controller.signal
	});
	expect(response.status).toBe(200);
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let raw = '';
	const events: Record<string, unknown> = {};
	try {
		while (!wanted.every((w) => w in events)) {
			const { value, done } = await reader.read();
			if (done) break;
			raw += decoder.decode(value, { stream: true });
			for (const frame of raw.split('\n\n')) {
				const event = /^event: (\w+)$/m.exec(frame)?.[1];
				const data = /^data: (.*)$/m.exec(frame)?.[1];
				if (event && data && !(event in events)) {
					try {
						events[event] = JSON.parse(data);
					} catch {
						// a frame still arriving
					}
				}
			}
		}
	} finally {
		clearTimeout(timer);
		await reader.cancel().catch(() => {});
	}
	return { raw, events };
}
