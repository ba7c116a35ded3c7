/**
 * The budgets of the live workshop paths per address, per room and per participant, and the
 * functions every door calls (the lean node:http path, the SvelteKit endpoints and the no-JS
 * form actions), so that no door is cheaper than another. docs/security.md gives the figures.
 *
 * A whole room may sit behind one address (office Wi-Fi, a venue's NAT): every budget per
 * address lets a room of ~400 people do at once what a room does. What they stop is one
 * machine acting as thousands of devices. Each check is a map lookup or two: O(1) per request.
 * Everything is counted per process (docs/architecture.md: a workshop lives in one process).
 */
import { LiveError } from './errors';
import { createTokenBuckets, type TokenBucketPolicy } from './rate-limit';

const MAX_ADDRESSES = 50_000;

/**
 * New participants per address: a room of 400 scanning the QR code at once, then one every 4 s
 * (a second room on the same Wi-Fi half an hour later finds the bucket full again). One
 * address creates at most 400 + 900 participants in its first hour, 900 an hour after.
 */
export const JOINS_PER_ADDRESS: TokenBucketPolicy = {
	perSecond: 1 / 4,
	burst: 400,
	maxKeys: MAX_ADDRESSES
};

/**
 * New participants per room, from all addresses together: the room takes `JOINS_PER_ROOM`
 * (default 500) at once; beyond, it may grow by its own size per minute (a room of 1,000 takes
 * 1,000 more within the next minute). A keynote of 2,000 is in after ~1.5 minutes, 10,000
 * after ~3; a padding script spread over many addresses cannot multiply a small room by
 * thousands. An operator expecting a huge room at once sets `JOINS_PER_ROOM` (the benchmark does).
 */
export const JOINS_PER_ROOM = Number(process.env.JOINS_PER_ROOM) || 500;

/**
 * Wrong join codes per address: 60 at once (a room's typos never get there), then one every
 * 5 s, i.e. at most 720 guesses an hour. Codes that were right from this address stay open to
 * it when the bucket is empty, so a guessing neighbour does not lock a room out of its own
 * workshop (`checkCodeGuess`). Malformed codes and bodies are not guesses and do not count.
 */
export const WRONG_CODES_PER_ADDRESS: TokenBucketPolicy = {
	perSecond: 1 / 5,
	burst: 60,
	maxKeys: MAX_ADDRESSES
};
/** Codes remembered per address as right (a venue may run a few workshops at once). */
const KNOWN_CODES_PER_ADDRESS = 8;

/**
 * Answer requests per address (every participant of the address together): a room of 400
 * rating 40 items clicks about one item per person every 2 s; bursts of 5 requests per person
 * when a vote opens. The per-participant limit (votes.ts) stays as it is.
 */
export const ANSWERS_PER_ADDRESS: TokenBucketPolicy = {
	perSecond: 200,
	burst: 2000,
	maxKeys: MAX_ADDRESSES
};
/** Cards written or removed per address: a room writing 3–5 cards each over a few minutes. */
export const CARDS_PER_ADDRESS: TokenBucketPolicy = {
	perSecond: 5,
	burst: 200,
	maxKeys: MAX_ADDRESSES
};
/** Upvotes on the outsider board per address: a room upvoting a dozen posts each. */
export const UPVOTES_PER_ADDRESS: TokenBucketPolicy = {
	perSecond: 20,
	burst: 600,
	maxKeys: MAX_ADDRESSES
};

/**
 * Open live streams at once: a participant's phone with two tabs and a connection or two the
 * server has not yet seen die (a phone moving from Wi-Fi to 4G); a staff member's console,
 * projector and a few tabs; an address with a room of 400 on two tabs each.
 */
export const STREAMS = { perParticipant: 4, perStaff: 10, perAddress: 1000 } as const;

// ------------------------------------------------------------ addresses

/**
 * The key an address is counted under: IPv4 as it is (also when written as IPv6-mapped), IPv6
 * by its /64 prefix, which one subscriber usually holds whole (counting single IPv6 addresses
 * would give one machine 2^64 of them).
 */
export function addressKey(address: string): string {
	if (!address.includes(':')) return address;
	// Some proxies write the client's port too: it must not make each connection a new address.
	const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
	if (withPort) return withPort[1];
	const bracketed = /^\[([^\]]+)\]/.exec(address);
	const bare = (bracketed ? bracketed[1] : address).replace(/%.*$/, '').toLowerCase();
	if (bare.startsWith('::ffff:') && bare.includes('.')) return bare.slice(7);
	const [head, tail] = bare.split('::');
	const headGroups = head ? head.split(':') : [];
	const tailGroups = tail ? tail.split(':') : [];
	const groups =
		tail === undefined
			? headGroups
			: [
					...headGroups,
					...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
					...tailGroups
				];
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

function refusal(retryAfterMs: number): LiveError {
	return new LiveError('rate_limited', { retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

// ----------------------------------------------------------------- joins

const joinsByAddress = createTokenBuckets(JOINS_PER_ADDRESS);
const joinsByRoom = new Map<string, { tokens: number; at: number }>();

/**
 * A new participant is about to be created in `room` (which has `joined` people) from
 * `address`: takes one join from the address's budget and one from the room's, or throws
 * `rate_limited` (429) with the seconds to wait. A device rejoining with its cookie is not new.
 */
export function admitJoin(
	address: string,
	room: { id: string; joined: number },
	now = performance.now()
): void {
	const capacity = Math.max(JOINS_PER_ROOM, room.joined);
	const bucket = joinsByRoom.get(room.id);
	const tokens = bucket
		? Math.min(capacity, bucket.tokens + ((now - bucket.at) / 60_000) * capacity)
		: capacity;
	if (tokens < 1) throw refusal(((1 - tokens) / capacity) * 60_000);
	const taken = joinsByAddress.take(addressKey(address), 1, now);
	if (!taken.ok) throw refusal(taken.retryAfterMs);
	joinsByRoom.set(room.id, { tokens: tokens - 1, at: now });
}

/**
 * Rooms dropped from memory (rooms.ts `sweepRooms`): their join budgets go (refilled by then),
 * and so do their codes from the addresses that used them.
 */
export function forgetRooms(rooms: readonly { id: string; joinCode: string }[]): void {
	for (const room of rooms) joinsByRoom.delete(room.id);
	codeGuesses.forget(new Set(rooms.map((room) => room.joinCode)));
}

// ----------------------------------------------------------- join codes

/**
 * Guesses at a secret (a join code, a shared link) per address: `policy` wrong ones, then a
 * refusal; a secret that was right from an address stays open to it when its guesses run out,
 * so a guessing neighbour does not lock a room out of its own workshop. Counted per process.
 */
export function createGuesses(
	policy: TokenBucketPolicy,
	knownPerAddress = KNOWN_CODES_PER_ADDRESS
) {
	const wrong = createTokenBuckets(policy);
	const known = new Map<string, string[]>();
	const maxKeys = policy.maxKeys ?? MAX_ADDRESSES;
	return {
		/** Ms before `address` may try `secret`; 0 when it may now. */
		wait(address: string, secret: string, now = performance.now()): number {
			const key = addressKey(address);
			if (wrong.has(key, 1, now) || known.get(key)?.includes(secret)) return 0;
			return 1000 / policy.perSecond;
		},
		/** The secret opened nothing: one guess spent. */
		wrong(address: string, now = performance.now()): void {
			wrong.take(addressKey(address), 1, now);
		},
		/** The secret was right: the address may keep using it when out of guesses. */
		right(address: string, secret: string): void {
			const key = addressKey(address);
			const list = known.get(key) ?? [];
			if (list.includes(secret)) return;
			known.delete(key);
			known.set(key, [secret, ...list].slice(0, knownPerAddress));
			if (known.size > maxKeys) known.delete(known.keys().next().value as string);
		},
		/** Secrets that open nothing any more (or whose room left memory): no address keeps them. */
		forget(secrets: ReadonlySet<string>): void {
			for (const [key, list] of known) {
				const kept = list.filter((secret) => !secrets.has(secret));
				if (kept.length === 0) known.delete(key);
				else if (kept.length < list.length) known.set(key, kept);
			}
		}
	};
}

const codeGuesses = createGuesses(WRONG_CODES_PER_ADDRESS);

/**
 * Before a well-formed code is looked up: refuses (429) an address that has used up its wrong
 * guesses, unless the code was right from this address before; then it learns nothing new.
 */
export function checkCodeGuess(address: string, code: string, now = performance.now()): void {
	const wait = codeGuesses.wait(address, code, now);
	if (wait > 0) throw refusal(wait);
}

/** The code matched no workshop: one guess spent. */
export function codeWasWrong(address: string, now = performance.now()): void {
	codeGuesses.wrong(address, now);
}

/** The code matched a workshop: the address may keep using it when out of guesses. */
export function codeWasRight(address: string, code: string): void {
	codeGuesses.right(address, code);
}

// ----------------------------------------------- answers, cards, upvotes

const answersByAddress = createTokenBuckets(ANSWERS_PER_ADDRESS);
const cardsByAddress = createTokenBuckets(CARDS_PER_ADDRESS);
const upvotesByAddress = createTokenBuckets(UPVOTES_PER_ADDRESS);
const budgets = {
	answer: answersByAddress,
	card: cardsByAddress,
	upvote: upvotesByAddress
};

/** One request of `kind` from `address`, or `rate_limited` (429) with the seconds to wait. */
export function admitFromAddress(
	kind: keyof typeof budgets,
	address: string,
	now = performance.now()
): LiveError | null {
	const taken = budgets[kind].take(addressKey(address), 1, now);
	return taken.ok ? null : refusal(taken.retryAfterMs);
}

// --------------------------------------------------------------- streams

const openStreams = new Map<string, number>();

export type StreamHolder = { participantId: string } | { userId: string };

/**
 * A slot for one more live stream of `holder` from `address`, or a 429 `too_many_streams`
 * refusal. The returned `release` must run when the stream ends, however it ends; it frees the
 * slot once, however often it is called.
 */
export function claimStream(
	holder: StreamHolder,
	address: string
): { ok: true; release: () => void } | { ok: false; error: LiveError } {
	const [own, limit] =
		'participantId' in holder
			? [`p:${holder.participantId}`, STREAMS.perParticipant]
			: [`s:${holder.userId}`, STREAMS.perStaff];
	const shared = `a:${addressKey(address)}`;
	if ((openStreams.get(own) ?? 0) >= limit) {
		return { ok: false, error: new LiveError('too_many_streams', { limit }) };
	}
	if ((openStreams.get(shared) ?? 0) >= STREAMS.perAddress) {
		return { ok: false, error: new LiveError('too_many_streams', { limit: STREAMS.perAddress }) };
	}
	openStreams.set(own, (openStreams.get(own) ?? 0) + 1);
	openStreams.set(shared, (openStreams.get(shared) ?? 0) + 1);
	let released = false;
	return {
		ok: true,
		release() {
			if (released) return;
			released = true;
			for (const key of [own, shared]) {
				const left = (openStreams.get(key) ?? 1) - 1;
				if (left > 0) openStreams.set(key, left);
				else openStreams.delete(key);
			}
		}
	};
}

/** Streams counted against a participant, a staff member or an address (tests, monitoring). */
export function streamsHeld(key: StreamHolder | { address: string }): number {
	const name =
		'participantId' in key
			? `p:${key.participantId}`
			: 'userId' in key
				? `s:${key.userId}`
				: `a:${addressKey(key.address)}`;
	return openStreams.get(name) ?? 0;
}
