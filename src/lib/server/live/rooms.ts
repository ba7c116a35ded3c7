/**
 * The live state of each running workshop, in memory: pace, agenda, join and answer counts,
 * the current activity's tally and card wall. The hot path reads only this; the console
 * changes it through `applyPace` and `refreshWorkshop`, which store first and then publish.
 *
 * One process owns a workshop's room. With several instances (see docs/architecture.md)
 * pace changes made elsewhere must reach `refreshWorkshop` here.
 */
import { KINDS } from '../../domain/activity-kinds';
import { tidy } from '../../domain/culture';
import {
	isVoting,
	LIMITS,
	pace as step,
	votingItems,
	type Pace,
	type PaceCommand,
	type PaceResult
} from '../../domain/workshop';
import type { Database } from '../db';
import { newId, newToken } from '../ids';
import { releaseDuePulses } from '../pulses/queries';
import {
	countParticipants,
	listActivities,
	listCards,
	paceOf,
	savePace
} from '../workshops/queries';
import { liveBus } from './bus';
import { coalesce } from './coalesce';
import { liveDatabase, liveStore } from './context';
import { LiveError } from './errors';
import type {
	CardWall,
	Counts,
	PublicActivity,
	Results,
	RoomSnapshot,
	StaffCardWall,
	StaffSnapshot,
	Sent,
	SentActivity,
	VotingItem
} from './events';
import { withoutItems } from '../../live/snapshot';
import { admissionView, loadAdmission, type Admission } from './admission-state';
import { forgetWorkshopParticipants, rememberParticipant, tokenHash } from './participants';
import { forgetRooms } from './limits';
import {
	findLiveWorkshop,
	listActivityAnswers,
	listPendingChanges,
	listReleases,
	listValueNames,
	participantStatements,
	releaseOrganisation,
	type NewParticipant
} from './queries';
import { scoreRange, Tally } from './tally';
import { createGroupCommit } from './writer';

export interface LiveActivity {
	public: PublicActivity;
	/** The same without its items, as streams carry it (events.ts `Sent`). */
	sent: SentActivity;
	items: Map<string, VotingItem>;
	/** Dots and allocations arrive whole and replace earlier answers; ratings add up. */
	replaceAll: boolean;
}

export interface Room {
	id: string;
	teamId: string;
	orgId: string;
	title: string;
	joinCode: string;
	showNicknames: boolean;
	/** New outsider-voice posts wait for the facilitator (moderation). */
	holdPosts: boolean;
	minGroupSize: number;
	/** Head count, verified room, who waits (admission.ts). */
	admission: Admission;
	pace: Pace;
	agenda: LiveActivity[];
	joined: number;
	tally: Tally | null;
	/**
	 * The tallies of the voting activities visited last (the current one among them), each
	 * following every commit, so that going back to one (previous, next) reads nothing: a
	 * rating of 10,000 people is 400,000 answers to read again. Most recent last.
	 */
	tallies: Map<string, Tally>;
	cards: { room: CardWall | null; staff: StaffCardWall } | null;
	/** Commits seen, so a reload can tell that answers arrived while it was reading. */
	commits: number;
	/** Participants who joined in this process, and those with answers stored since. */
	fresh: Set<string>;
	answerers: Set<string>;
	/** Pace changes and reloads, one at a time. */
	queue: Promise<unknown>;
	/** When a request last asked for the room (Date.now()), and writes and tasks still running. */
	usedAt: number;
	busy: number;
	publish: {
		roomCounts: () => void;
		staffCounts: () => void;
		roomResults: () => void;
		staffResults: () => void;
		cards: () => void;
	};
}

const STAFF_INTERVAL_MS = 250;
/** Tallies a room keeps (the current one and the last visited): ~2.5 MB each at 10,000 people. */
export const KEPT_TALLIES = 4;

/**
 * How often the whole room hears of counts and results: 4 times a second up to 500
 * connections, down to once a second from 2,000, so the fan-out stays a small share of the CPU.
 */
function roomInterval(room: Room): number {
	const listeners = liveBus().localListeners(room.id, 'room');
	return Math.min(1000, Math.max(250, listeners / 2));
}

/**
 * A room nobody asked for this long, with no live stream, is dropped from memory (with its
 * tallies, pace, participants' tokens and join budget) and rebuilt from the database when it is
 * needed again; an ended workshop's room sooner, since its results are read from the database.
 * `ROOM_IDLE_SECONDS` and `ENDED_ROOM_IDLE_SECONDS` change them (bench:soak shortens the latter).
 */
export const IDLE_MS = (Number(process.env.ROOM_IDLE_SECONDS) || 15 * 60) * 1000;
export const ENDED_IDLE_MS = (Number(process.env.ENDED_ROOM_IDLE_SECONDS) || 2 * 60) * 1000;
const SWEEP_EVERY_MS = Math.min(30_000, ENDED_IDLE_MS / 2);

const rooms = new Map<string, Promise<Room | null>>();
const loaded = new Map<string, Room>();
let sweeper: ReturnType<typeof setInterval> | null = null;

/** The live room of a workshop, loaded on first use; null for an unknown workshop. */
export function getRoom(workshopId: string): Promise<Room | null> {
	let room = rooms.get(workshopId);
	const ready = loaded.get(workshopId);
	if (ready) ready.usedAt = Date.now();
	if (!room) {
		sweeper ??= setInterval(() => sweepRooms(), SWEEP_EVERY_MS).unref();
		room = liveDatabase().then((db) => loadRoom(db, workshopId));
		rooms.set(workshopId, room);
		// Unknown ids and failed loads are not cached: the workshop may be created a moment later.
		room.then(
			(r) =>
				r && rooms.get(workshopId) === room ? loaded.set(workshopId, r) : rooms.delete(workshopId),
			() => rooms.delete(workshopId)
		);
	}
	return room;
}

/** The room if it is loaded already: the hot path's way round a promise per request. */
export function loadedRoom(workshopId: string): Room | undefined {
	const room = loaded.get(workshopId);
	if (room) room.usedAt = Date.now();
	return room;
}

/**
 * Counts a write or task on `room` while it runs, so the room is not dropped under it (an
 * answer committed into a dropped room would be missing from the one rebuilt meanwhile).
 */
export async function whileBusy<T>(room: Room, task: () => Promise<T>): Promise<T> {
	room.busy++;
	try {
		return await task();
	} finally {
		room.busy--;
		room.usedAt = Date.now();
	}
}

/** The loaded rooms (tests and benchmarks). */
export function loadedRooms(): number {
	return loaded.size;
}

/**
 * Drops the rooms idle past their time (`IDLE_MS`, `ENDED_IDLE_MS`) with no stream open and
 * nothing running; returns their ids. Runs every `SWEEP_EVERY_MS` once a room was loaded.
 */
export function sweepRooms(now = Date.now()): string[] {
	const bus = liveBus();
	const idle = [...loaded.values()].filter(
		(room) =>
			room.busy === 0 &&
			now - room.usedAt >= (room.pace.status === 'ended' ? ENDED_IDLE_MS : IDLE_MS) &&
			bus.localListeners(room.id, 'room') + bus.localListeners(room.id, 'staff') === 0
	);
	const ids = idle.map((room) => room.id);
	if (ids.length === 0) return ids;
	for (const id of ids) {
		rooms.delete(id);
		loaded.delete(id);
	}
	forgetRooms(idle);
	forgetWorkshopParticipants(ids);
	return ids;
}

/** Drops the cached rooms (tests, or a workshop deleted). */
export function forgetRoom(workshopId?: string) {
	if (workshopId) {
		rooms.delete(workshopId);
		loaded.delete(workshopId);
	} else {
		rooms.clear();
		loaded.clear();
	}
}

// ------------------------------------------------------------------ loading

async function loadRoom(db: Database, workshopId: string): Promise<Room | null> {
	const found = await findLiveWorkshop(db, workshopId);
	if (!found) return null;
	const room: Room = {
		id: workshopId,
		teamId: found.workshop.teamId,
		orgId: found.orgId,
		title: found.workshop.title,
		joinCode: found.workshop.joinCode,
		showNicknames: found.workshop.showNicknames,
		holdPosts: found.workshop.holdPosts,
		minGroupSize: found.minGroupSize,
		admission: await loadAdmission(db, found.workshop),
		pace: paceOf(found.workshop),
		agenda: [],
		joined: 0,
		tally: null,
		tallies: new Map(),
		cards: null,
		commits: 0,
		fresh: new Set(),
		answerers: new Set(),
		queue: Promise.resolve(),
		usedAt: Date.now(),
		busy: 0,
		publish: {
			roomCounts: coalesce(
				() => publishCounts(room, 'room'),
				() => roomInterval(room)
			),
			staffCounts: coalesce(
				() => publishCounts(room, 'staff'),
				() => STAFF_INTERVAL_MS
			),
			roomResults: coalesce(
				() => publishResults(room, 'room'),
				() => roomInterval(room)
			),
			staffResults: coalesce(
				() => publishResults(room, 'staff'),
				() => STAFF_INTERVAL_MS
			),
			cards: coalesce(
				() => reloadCards(room),
				() => STAFF_INTERVAL_MS
			)
		}
	};
	await reloadAgenda(db, room);
	room.joined = await countParticipants(db, workshopId);
	await loadCurrent(db, room, room.pace);
	return room;
}

async function reloadAgenda(db: Database, room: Room) {
	const rows = await listActivities(db, room.id);
	const valueIds = [
		...new Set(rows.flatMap((a) => ('valueIds' in a.config ? a.config.valueIds : [])))
	];
	const names = await listValueNames(db, room.teamId, valueIds);
	room.agenda = rows.map((row, index) => {
		const items = votingItems(row.config);
		const values =
			'valueIds' in row.config
				? row.config.valueIds.map((id) => ({ id, name: names.get(id) ?? '' }))
				: [];
		const activity: PublicActivity = {
			id: row.id,
			index,
			kind: row.kind,
			title: row.title,
			prompt: row.prompt,
			config: row.config,
			values,
			items
		};
		return {
			public: activity,
			sent: withoutItems(activity),
			items: new Map(items.map((item) => [item.itemId, item])),
			replaceAll: KINDS[row.kind].spendsBudget
		};
	});
}

/**
 * Loads the tally and the wall of the activity `pace` points at, then installs them with the
 * pace in one synchronous step. Answers committed while the tally was being read would be
 * missing from it, so it is read again (up to three times) until no commit came in between.
 */
async function loadCurrent(db: Database, room: Room, next: Pace) {
	const activity = next.current >= 0 ? room.agenda[next.current] : undefined;
	for (let attempt = 0; ; attempt++) {
		const commitsBefore = room.commits;
		// A kept tally has followed every commit since it was read: nothing to read again.
		const kept = activity ? room.tallies.get(activity.public.id) : undefined;
		const tally = kept ?? (activity ? await loadTally(db, activity) : null);
		const cards = activity && hasWall(activity) ? await loadCards(db, activity) : null;
		if (kept || room.commits === commitsBefore || attempt >= 3) {
			room.pace = next;
			room.tally = tally;
			if (tally) keepTally(room, tally);
			room.cards = cards ? { staff: cards, room: publicWall(room, cards) } : null;
			return;
		}
	}
}

/** Keeps `tally` as the most recent, forgetting the least recent beyond `KEPT_TALLIES`. */
function keepTally(room: Room, tally: Tally) {
	room.tallies.delete(tally.activityId);
	room.tallies.set(tally.activityId, tally);
	for (const id of room.tallies.keys()) {
		if (room.tallies.size <= KEPT_TALLIES) break;
		room.tallies.delete(id);
	}
}

async function loadTally(db: Database, activity: LiveActivity): Promise<Tally | null> {
	const range = scoreRange(activity.public.config);
	if (!isVoting(activity.public.kind) || !range) return null;
	const tally = new Tally(activity.public.id, [...activity.items.keys()], range);
	const [rows, releases, changes] = await Promise.all([
		listActivityAnswers(db, activity.public.id),
		listReleases(db, activity.public.id),
		listPendingChanges(db, activity.public.id)
	]);
	const byParticipant = new Map<string, { itemId: string; score: number }[]>();
	for (const row of rows) {
		let list = byParticipant.get(row.participantId);
		if (!list) byParticipant.set(row.participantId, (list = []));
		list.push(row);
	}
	for (const [participantId, answers] of byParticipant) tally.apply(participantId, answers, false);
	tally.restore(releases, changes);
	return tally;
}

// -------------------------------------------------------------------- cards

function hasWall(activity: LiveActivity) {
	return KINDS[activity.public.kind].cardWall;
}

async function loadCards(db: Database, activity: LiveActivity): Promise<StaffCardWall> {
	return staffWall(
		activity.public.id,
		await listCards(db, activity.public.id, { includeHidden: true })
	);
}

/** The staff's wall from stored cards (`listCards` with hidden ones). */
export function staffWall(
	activityId: string,
	rows: Awaited<ReturnType<typeof listCards>>
): StaffCardWall {
	return {
		activityId,
		cards: rows.map((c) => ({
			id: c.id,
			text: c.text,
			upvotes: c.upvotes,
			valueId: c.valueId,
			hidden: c.hidden,
			held: c.held,
			starred: c.starred,
			answered: c.answered,
			mergedInto: c.mergedInto
		}))
	};
}

/**
 * What the room may see of a wall: the outsider board always (people upvote it), a collect
 * wall once revealed; hidden cards never, merged duplicates folded into their target.
 */
function publicWall(room: Room, wall: StaffCardWall): CardWall | null {
	const activity = room.agenda[room.pace.current];
	if (!activity || activity.public.id !== wall.activityId) return null;
	if (!KINDS[activity.public.kind].wallOpenToRoom && !room.pace.revealed) return null;
	const shown = wall.cards.filter((c) => !c.hidden && !c.mergedInto);
	const upvotes = new Map(shown.map((c) => [c.id, c.upvotes]));
	for (const c of wall.cards) {
		if (!c.hidden && c.mergedInto && upvotes.has(c.mergedInto)) {
			upvotes.set(c.mergedInto, (upvotes.get(c.mergedInto) ?? 0) + c.upvotes);
		}
	}
	return {
		activityId: wall.activityId,
		cards: shown.map((c) => ({
			id: c.id,
			text: c.text,
			upvotes: upvotes.get(c.id) ?? 0,
			valueId: c.valueId,
			answered: c.answered,
			starred: c.starred
		}))
	};
}

async function reloadCards(room: Room) {
	const activity = room.agenda[room.pace.current];
	if (!activity || !hasWall(activity)) return;
	const wall = await loadCards(await liveDatabase(), activity);
	if (room.agenda[room.pace.current] !== activity) return;
	room.cards = { staff: wall, room: publicWall(room, wall) };
	liveBus().publish(room.id, 'staff', { type: 'cards', data: wall });
	if (room.cards.room) liveBus().publish(room.id, 'room', { type: 'cards', data: room.cards.room });
}

/**
 * Cards of an activity were added, hidden, merged, grouped or upvoted: the wall is reloaded and
 * sent (coalesced). Whoever changes cards calls this after storing the change.
 */
export async function cardsChanged(workshopId: string, activityId: string): Promise<void> {
	const room = await getRoom(workshopId);
	if (room && room.agenda[room.pace.current]?.public.id === activityId) room.publish.cards();
}

/**
 * Stores a change to cards of an activity (approve, reject, star, answered), then reloads and
 * sends the wall: the console, the projector and the phones hear of it as of any card.
 */
export async function changeCards<T>(
	workshopId: string,
	activityId: string,
	store: (db: Database) => Promise<T>
): Promise<T> {
	const result = await store(await liveDatabase());
	await cardsChanged(workshopId, activityId);
	return result;
}

// -------------------------------------------------------------- snapshots

export function currentActivity(room: Room): LiveActivity | null {
	return room.agenda[room.pace.current] ?? null;
}

export function countsOf(room: Room): Counts {
	return {
		activityId: currentActivity(room)?.public.id ?? null,
		joined: room.joined,
		connected: liveBus().localListeners(room.id, 'room'),
		answered: room.tally?.respondents ?? 0
	};
}

function resultsOf(room: Room): Results | null {
	return room.tally?.results(room.minGroupSize) ?? null;
}

export function roomSnapshot(room: Room, now = Date.now()): RoomSnapshot {
	return {
		workshop: {
			id: room.id,
			title: room.title,
			status: room.pace.status,
			agendaLength: room.agenda.length,
			showNicknames: room.showNicknames,
			verified: room.admission.verified,
			holdPosts: room.holdPosts
		},
		pace: room.pace,
		activity: currentActivity(room)?.public ?? null,
		counts: countsOf(room),
		results: room.pace.revealed ? resultsOf(room) : null,
		cards: room.cards?.room ?? null,
		now
	};
}

export function staffSnapshot(room: Room, now = Date.now()): StaffSnapshot {
	return {
		...roomSnapshot(room, now),
		joinCode: room.joinCode,
		admission: admissionView(room.admission, room.showNicknames),
		agenda: room.agenda.map((a) => ({
			id: a.public.id,
			kind: a.public.kind,
			title: a.public.title
		})),
		results: resultsOf(room),
		cards: room.cards?.staff ?? null
	};
}

/** The snapshot as a stream carries it: the activity without its items (the client derives them). */
export function sentRoomSnapshot(room: Room, now = Date.now()): Sent<RoomSnapshot> {
	return { ...roomSnapshot(room, now), activity: currentActivity(room)?.sent ?? null };
}

export function sentStaffSnapshot(room: Room, now = Date.now()): Sent<StaffSnapshot> {
	return { ...staffSnapshot(room, now), activity: currentActivity(room)?.sent ?? null };
}

function publishSnapshots(room: Room) {
	const now = Date.now();
	liveBus().publish(room.id, 'staff', { type: 'snapshot', data: sentStaffSnapshot(room, now) });
	liveBus().publish(room.id, 'room', { type: 'snapshot', data: sentRoomSnapshot(room, now) });
}

function publishCounts(room: Room, audience: 'room' | 'staff') {
	liveBus().publish(room.id, audience, { type: 'counts', data: countsOf(room) });
}

function publishResults(room: Room, audience: 'room' | 'staff') {
	const results = resultsOf(room);
	if (!results) return;
	if (audience === 'room' && !room.pace.revealed) return;
	liveBus().publish(room.id, audience, { type: 'results', data: results });
}

/** Live connections came or went: counts go out (coalesced). */
export function connectionsChanged(room: Room) {
	room.publish.roomCounts();
	room.publish.staffCounts();
}

/** Called by the vote writer for each entry of a commit, in commit order. */
export function answersStored(
	room: Room,
	activityId: string,
	participantId: string,
	answers: { itemId: string; score: number }[],
	replaceAll: boolean
) {
	room.commits++;
	room.answerers.add(participantId);
	// Answers in flight when the facilitator moved on belong to a kept tally, not the current.
	const tally = room.tallies.get(activityId);
	if (!tally) return;
	tally.apply(participantId, answers, replaceAll);
	if (tally !== room.tally) return;
	room.publish.roomCounts();
	room.publish.staffCounts();
}

/**
 * Called by the vote writer once a commit's answers are applied: the tally releases what the
 * commit's release statements released (same rule, same minimum), and the results go out.
 */
export function answersCommitted(room: Room, activityId: string, minGroupSize: number) {
	const tally = room.tallies.get(activityId);
	if (!tally) return;
	tally.release(minGroupSize);
	if (tally !== room.tally) return;
	if (room.pace.revealed) room.publish.roomResults();
	if (liveBus().localListeners(room.id, 'staff') > 0) room.publish.staffResults();
}

// ------------------------------------------------------------ facilitator

function serially<T>(room: Room, task: () => Promise<T>): Promise<T> {
	const run = whileBusy(room, () => room.queue.then(task, task));
	room.queue = run.catch(() => {});
	return run;
}

/**
 * The console's commands: checks the command against the pace state machine, stores the new
 * pace, updates the room and tells everyone (a fresh snapshot to the room and to staff).
 * Callers check that the user may facilitate this workshop.
 */
export async function applyPace(
	workshopId: string,
	command: PaceCommand,
	now = Date.now()
): Promise<PaceResult> {
	const room = await getRoom(workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	return serially(room, async () => {
		const result = step(room.pace, command, room.agenda.length, now);
		if (!result.ok) return result;
		const db = await liveDatabase();
		await savePace(db, room.id, result.pace, new Date(now));
		if (result.pace.current !== room.pace.current) {
			await loadCurrent(db, room, result.pace);
		} else {
			room.pace = result.pace;
			if (room.cards) room.cards.room = publicWall(room, room.cards.staff);
		}
		publishSnapshots(room);
		return result;
	});
}

/**
 * Stores a change to a workshop (agenda, title, nickname setting, a participant withdrawn) and,
 * if it is running here, reloads its room and sends everyone a fresh snapshot. Every write that
 * affects a live room outside `applyPace` goes through this or `changeOrganisation`, so no
 * caller can forget to tell the room.
 */
export async function changeWorkshop<T>(
	workshopId: string,
	store: (db: Database) => Promise<T>
): Promise<T> {
	const result = await store(await liveDatabase());
	await refreshWorkshop(workshopId);
	return result;
}

/**
 * Stores a change to an organisation (its minimum group size above all), then releases what a
 * lowered minimum allows and reloads every running room of the organisation, so a raised one
 * hides at once what it no longer allows, on every screen.
 */
export async function changeOrganisation<T>(
	orgId: string,
	store: (db: Database) => Promise<T>
): Promise<T> {
	const db = await liveDatabase();
	const result = await store(db);
	await releaseOrganisation(db, orgId);
	await releaseDuePulses(db, { orgId });
	for (const room of [...loaded.values()].filter((r) => r.orgId === orgId)) {
		await refreshWorkshop(room.id);
	}
	return result;
}

/** Reloads a running workshop from the database and sends everyone a fresh snapshot. */
async function refreshWorkshop(workshopId: string): Promise<void> {
	const room = await loaded.get(workshopId);
	if (!room) return;
	await serially(room, async () => {
		const db = await liveDatabase();
		const found = await findLiveWorkshop(db, workshopId);
		if (!found) {
			forgetRoom(workshopId);
			return;
		}
		room.title = found.workshop.title;
		room.showNicknames = found.workshop.showNicknames;
		room.holdPosts = found.workshop.holdPosts;
		room.minGroupSize = found.minGroupSize;
		room.admission = await loadAdmission(db, found.workshop, room.admission.joining);
		// The change may have removed answers (a participant withdrawn): tallies are read anew.
		room.tallies.clear();
		await reloadAgenda(db, room);
		room.joined = await countParticipants(db, workshopId);
		await loadCurrent(db, room, paceOf(found.workshop));
		publishSnapshots(room);
	});
}

// ------------------------------------------------------------ participants

/** Joins are committed in groups too: a room scans the QR code within the same minute. */
const joins = createGroupCommit<NewParticipant>({
	write: async (batch) => (await liveStore()).write(participantStatements(batch)),
	maxWeight: 1000
});

/**
 * A new participant joins: stored, remembered for the hot path, counted and announced to the
 * console. The caller sets the cookie with the returned token (participant-cookie.ts).
 */
export async function joinWorkshop(
	workshopId: string,
	nickname: string | null
): Promise<{ participantId: string; token: string }> {
	const room = await getRoom(workshopId);
	if (!room) throw new LiveError('unknown_workshop');
	if (room.pace.status === 'ended') throw new LiveError('workshop_ended');
	if (room.pace.status === 'locked') throw new LiveError('workshop_locked');
	const name = nickname ? tidy(nickname) || null : null;
	if (name && name.length > LIMITS.nickname.max) {
		throw new LiveError('invalid_nickname', { limit: LIMITS.nickname.max });
	}
	const id = newId();
	const token = newToken();
	try {
		await whileBusy(room, () =>
			joins.submit({ id, workshopId, tokenHash: tokenHash(token), nickname: name })
		);
	} catch (error) {
		console.error('live: join not stored', error);
		throw new LiveError('not_stored');
	}
	rememberParticipant(token, id, workshopId);
	room.fresh.add(id);
	room.joined++;
	// A nickname reaches staff only while the room sees nicknames too.
	const shown = room.showNicknames ? name : null;
	liveBus().publish(workshopId, 'staff', { type: 'joined', data: { nickname: shown } });
	room.publish.roomCounts();
	room.publish.staffCounts();
	return { participantId: id, token };
}
