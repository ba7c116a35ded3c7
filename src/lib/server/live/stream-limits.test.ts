/**
 * Open live streams are capped per participant, per staff member and per address, on the lean
 * path and through SvelteKit; a stream that ends gives its slot back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '../../../routes/live/[workshopId]/events/+server';
import { database, type Database } from '../db';
import { users } from '../db/schema';
import { handleLeanRequest } from './lean';
import { STREAMS, streamsHeld } from './limits';
import { participantCookieName } from './participant-cookie';
import { joinWorkshop } from './rooms';
import { installLive, seedWorkshop } from './testing';

let db: Database;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let server: Server;
let origin: string;
let addresses = 0;
const freshAddress = () => `203.0.${addresses >> 8}.${addresses++ & 255}`;

beforeAll(async () => {
	// The staff guards read the app's database: one in memory for this file.
	process.env.DATABASE_URL = ':memory:';
	db = await database();
	server = createServer((req, res) => {
		if (handleLeanRequest(req, res, () => res.writeHead(599).end())) return;
		res.writeHead(599).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
	seeded = await seedWorkshop(db, { values: 2 });
	installLive(db);
});
const ends: (() => void)[] = [];
afterEach(() => {
	for (const end of ends.splice(0)) end();
});

/** A stream through SvelteKit, from `address`; `end` closes it as the server would. */
async function kitStream(
	address: string,
	who: { token?: string; user?: { id: string; email: string; name: string } },
	audience?: 'staff'
) {
	const controller = new AbortController();
	const path = `/live/${seeded.workshopId}/events${audience ? '?audience=staff' : ''}`;
	const request = new Request(`http://app.test${path}`, { signal: controller.signal });
	const response = await GET({
		params: { workshopId: seeded.workshopId },
		url: new URL(request.url),
		request,
		cookies: {
			get: (name: string) =>
				name === participantCookieName(seeded.workshopId) ? who.token : undefined
		},
		locals: { user: who.user ?? null, session: null },
		getClientAddress: () => address
	} as unknown as Parameters<typeof GET>[0]);
	// What adapter-node does when the client goes: the body is cancelled (and the request aborted).
	const end = () => {
		response.body?.cancel().catch(() => {});
		controller.abort();
	};
	ends.push(end);
	return { response, end };
}

async function leanStream(token: string) {
	const controller = new AbortController();
	ends.push(() => controller.abort());
	const response = await fetch(`${origin}/live/${seeded.workshopId}/events`, {
		headers: { cookie: `${participantCookieName(seeded.workshopId)}=${token}` },
		signal: controller.signal
	});
	return { response, end: () => controller.abort() };
}

describe('live streams', () => {
	it('a participant holds a few on the lean path; one more is a 429 until one closes', async () => {
		const { participantId, token } = await joinWorkshop(seeded.workshopId, null);
		const open = [];
		for (let i = 0; i < STREAMS.perParticipant; i++) {
			const stream = await leanStream(token);
			expect(stream.response.status).toBe(200);
			open.push(stream);
		}
		const refused = await leanStream(token);
		expect(refused.response.status).toBe(429);
		expect(await refused.response.json()).toEqual({
			error: 'too_many_streams',
			limit: STREAMS.perParticipant
		});
		expect(streamsHeld({ participantId })).toBe(STREAMS.perParticipant);

		open[0].end();
		await vi.waitFor(() => expect(streamsHeld({ participantId })).toBe(STREAMS.perParticipant - 1));
		expect((await leanStream(token)).response.status).toBe(200);
	});

	it('a participant holds a few through SvelteKit too, and a closed one frees its slot', async () => {
		const { participantId, token } = await joinWorkshop(seeded.workshopId, null);
		const address = freshAddress();
		const open = [];
		for (let i = 0; i < STREAMS.perParticipant; i++) {
			open.push(await kitStream(address, { token }));
		}
		expect(open.map((s) => s.response.status)).toEqual(Array(STREAMS.perParticipant).fill(200));
		const refused = await kitStream(address, { token });
		expect(refused.response.status).toBe(429);
		expect(await refused.response.json()).toMatchObject({ error: 'too_many_streams' });
		open[0].end();
		expect(streamsHeld({ participantId })).toBe(STREAMS.perParticipant - 1);
		expect((await kitStream(address, { token })).response.status).toBe(200);
	});

	it('an address holds a room’s worth, whoever holds them, and gets them all back', async () => {
		const address = freshAddress();
		const open = [];
		const perDevice = STREAMS.perParticipant;
		for (let i = 0; i < STREAMS.perAddress / perDevice; i++) {
			const { token } = await joinWorkshop(seeded.workshopId, null);
			for (let k = 0; k < perDevice; k++) open.push(await kitStream(address, { token }));
		}
		expect(open.every((s) => s.response.status === 200)).toBe(true);
		expect(streamsHeld({ address })).toBe(STREAMS.perAddress);

		const { token } = await joinWorkshop(seeded.workshopId, null);
		const refused = await kitStream(address, { token });
		expect(refused.response.status).toBe(429);
		expect(await refused.response.json()).toEqual({
			error: 'too_many_streams',
			limit: STREAMS.perAddress
		});
		// The same device from another network is served.
		expect((await kitStream(freshAddress(), { token })).response.status).toBe(200);

		for (const stream of open) stream.end();
		expect(streamsHeld({ address })).toBe(0);
		expect((await kitStream(address, { token })).response.status).toBe(200);
	});

	it('a staff member holds a console, a projector and a few tabs, and no more', async () => {
		const [user] = await db.select().from(users).where(eq(users.id, seeded.userId));
		const staff = { id: seeded.userId, email: user.email, name: user.name };
		const address = freshAddress();
		const statuses = [];
		for (let i = 0; i < STREAMS.perStaff + 2; i++) {
			const { response } = await kitStream(address, { user: staff }, i % 2 ? 'staff' : undefined);
			statuses.push(response.status);
		}
		expect(statuses).toEqual([...Array(STREAMS.perStaff).fill(200), 429, 429]);
		expect(streamsHeld({ userId: seeded.userId })).toBe(STREAMS.perStaff);
	});
});
