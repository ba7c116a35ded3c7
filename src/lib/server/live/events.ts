/**
 * Everything that flows live, as one typed map. Two audiences: `room` (participants and the
 * presenter view: only what may be public) and `staff` (the facilitator's console). The
 * client imports these types only; nothing here runs in the browser.
 */
import type { Lens } from '../../domain/culture';
import type { ActivityConfig, ActivityKind, Pace, WorkshopStatus } from '../../domain/workshop';

export const AUDIENCES = ['room', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface ValueLabel {
	id: string;
	name: string;
}

/** One question of a voting activity: a value under a lens (`itemId` is `valueId:lens`). */
export interface VotingItem {
	itemId: string;
	valueId: string;
	lens: Lens;
}

/** The current activity as anyone in the room may see it. */
export interface PublicActivity {
	id: string;
	index: number;
	kind: ActivityKind;
	title: string;
	prompt: string;
	config: ActivityConfig;
	/** The values the activity is about, with their names, in the order of the config. */
	values: ValueLabel[];
	/** Empty unless the activity is a rating, dot vote or allocation. */
	items: VotingItem[];
}

/**
 * The activity as it travels on a stream: without `items`, which the client derives from
 * `config` (src/lib/live/snapshot.ts). A rating of 10 values × 4 lenses would otherwise list
 * 40 items in full, ~3 KB more in every stream's copy of every pace and reveal.
 */
export type SentActivity = Omit<PublicActivity, 'items'>;

/** A snapshot as sent: its activity without items. */
export type Sent<S extends { activity: PublicActivity | null }> = Omit<S, 'activity'> & {
	activity: SentActivity | null;
};

export interface WorkshopSummary {
	id: string;
	title: string;
	status: WorkshopStatus;
	agendaLength: number;
	showNicknames: boolean;
	/** Only holders of a one-time code could join (admission.ts), so the room can tell. */
	verified: boolean;
	/** New outsider-voice posts wait for the facilitator before the room sees them. */
	holdPosts: boolean;
}

export interface Counts {
	/** The activity `answered` is about; null while people are joining. */
	activityId: string | null;
	joined: number;
	/** Live connections in the room on this server (participants and presenter views). */
	connected: number;
	/** Participants who stored at least one answer to the current activity. */
	answered: number;
}

/**
 * Aggregates of one voting activity as of each item's last release (docs/security.md,
 * "Differencing"). `counts[itemId][i]` is how many gave the score `min + i`; dots and points
 * per item are the sum of score × count. Only items released with at least the organisation's
 * minimum group size of people behind them are given.
 */
export interface Results {
	activityId: string;
	/** People who answered so far (more than the released numbers may include). */
	respondents: number;
	/** No item may be shown yet. */
	withheld: boolean;
	/** Answers given or changed since the last release, not in the numbers yet. */
	waiting: boolean;
	min: number;
	counts: Record<string, number[]>;
	/** The people behind each item's numbers. */
	people: Record<string, number>;
}

/** A card on the wall: never who wrote it. */
export interface PublicCard {
	id: string;
	text: string;
	upvotes: number;
	valueId: string | null;
	/** The facilitator answered it in the room. */
	answered: boolean;
	/** The one post the facilitator put large on the projector. */
	starred: boolean;
}

export interface CardWall {
	activityId: string;
	/** Visible cards only; merged duplicates are folded into their target. */
	cards: PublicCard[];
}

export interface StaffCard extends PublicCard {
	hidden: boolean;
	/** Waits for the facilitator's approval (hidden until then). */
	held: boolean;
	mergedInto: string | null;
}

export interface StaffCardWall {
	activityId: string;
	cards: StaffCard[];
}

export interface RoomSnapshot {
	workshop: WorkshopSummary;
	pace: Pace;
	activity: PublicActivity | null;
	counts: Counts;
	/** Only once the facilitator revealed the current activity's results. */
	results: Results | null;
	/** The wall of a collect activity once revealed, or of an outsider-voice board. */
	cards: CardWall | null;
	/** Server time (ms since epoch), so a phone with a wrong clock still shows the right timer. */
	now: number;
}

export interface AgendaEntry {
	id: string;
	kind: ActivityKind;
	title: string;
}

/** Who may come in (admission.ts): never which one-time code anyone used. */
export interface AdmissionView {
	/** Joins beyond this many wait for the facilitator; null = no limit. */
	expected: number | null;
	verified: boolean;
	/** Waiting devices, first come first; a nickname only while the room sees nicknames. */
	waiting: { id: string; nickname: string | null }[];
	codes: { printed: number; used: number; unused: number; voided: number };
}

export interface StaffSnapshot extends Omit<RoomSnapshot, 'results' | 'cards'> {
	joinCode: string;
	admission: AdmissionView;
	agenda: AgendaEntry[];
	/** Live results whether revealed or not (still withheld below the minimum group size). */
	results: Results | null;
	cards: StaffCardWall | null;
}

/** A participant's own stored answers per activity: activityId → itemId → score. */
export type OwnAnswers = Record<string, Record<string, number>>;

/** What the room may be sent through the bus: everyone in the room receives each of these. */
export interface RoomBroadcasts {
	snapshot: Sent<RoomSnapshot>;
	counts: Counts;
	results: Results;
	cards: CardWall;
}

export interface RoomEvents extends RoomBroadcasts {
	/** Sent to one participant only, right after the snapshot on (re)connect; never broadcast. */
	mine: OwnAnswers;
}

export interface StaffEvents {
	snapshot: Sent<StaffSnapshot>;
	counts: Counts;
	results: Results;
	cards: StaffCardWall;
	joined: { nickname: string | null };
}

export interface EventMaps {
	room: RoomEvents;
	staff: StaffEvents;
}

/** The events as the client hands them to the pages: snapshots with their items derived again. */
export interface ReceivedMaps {
	room: Omit<RoomEvents, 'snapshot'> & { snapshot: RoomSnapshot };
	staff: Omit<StaffEvents, 'snapshot'> & { snapshot: StaffSnapshot };
}

export interface BroadcastMaps {
	room: RoomBroadcasts;
	staff: StaffEvents;
}

/** `{ type, data }` for every event of a map, as a discriminated union. */
export type MessageOf<Map> = { [K in keyof Map & string]: { type: K; data: Map[K] } }[keyof Map &
	string];

/** What `publish` takes for an audience. */
export type Broadcast<A extends Audience> = MessageOf<BroadcastMaps[A]>;

/** What a connection of an audience may receive. */
export type LiveMessage<A extends Audience> = MessageOf<EventMaps[A]>;

export function isAudience(value: unknown): value is Audience {
	return AUDIENCES.includes(value as Audience);
}
