/**
 * The one client of the live stream: an EventSource per page, its state as runes, and the
 * answers endpoint. Participant, presenter and console pages all use it; it is in the
 * participant bundle, so it stays small and imports nothing but types and the kinds' table.
 *
 *   const live = new LiveConnection(workshopId);        // or (workshopId, 'staff') in the console
 *   onMount(() => { live.connect(); return () => live.close(); });
 *   live.snapshot?.activity, live.counts, live.results, live.cards, live.mine
 *   const result = await live.submit(activityId, { [itemId]: score });
 */
import { KINDS } from '$lib/domain/activity-kinds';
import type { LiveErrorBody } from '$lib/server/live/errors';
import type { Audience, OwnAnswers, ReceivedMaps } from '$lib/server/live/events';
import { receivedSnapshot } from './snapshot';

/** What the pages get: the events as sent, with the snapshot's activity items derived again. */
type Events<A extends Audience> = ReceivedMaps[A];

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export type SubmitResult =
	| { ok: true; stored: number }
	| ({ ok: false; status: number } & (LiveErrorBody | { error: 'offline' | 'unknown' }));

const MAX_BACKOFF_MS = 30_000;
const SUBMIT_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 1 s, 2 s, 4 s… up to 30 s, with jitter so a room that dropped together does not return together. */
const backoff = (attempt: number) =>
	Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

export class LiveConnection<A extends Audience = 'room'> {
	status = $state<ConnectionStatus>('idle');
	snapshot = $state.raw<Events<A>['snapshot'] | null>(null);
	counts = $state.raw<Events<A>['counts'] | null>(null);
	results = $state.raw<Events<A>['results'] | null>(null);
	cards = $state.raw<Events<A>['cards'] | null>(null);
	/** This participant's stored answers per activity (participants only). */
	mine = $state.raw<OwnAnswers>({});

	#source: EventSource | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#attempt = 0;
	// Plain object: listeners are not state, and nothing renders from them.
	#handlers: Record<string, ((data: never) => void)[]> = {};

	constructor(
		readonly workshopId: string,
		readonly audience: A = 'room' as A
	) {}

	get url(): string {
		const base = `/live/${encodeURIComponent(this.workshopId)}/events`;
		return this.audience === 'staff' ? `${base}?audience=staff` : base;
	}

	connect(): this {
		if (this.#source || this.#retry) return this;
		this.status = this.status === 'idle' ? 'connecting' : 'reconnecting';
		const source = new EventSource(this.url);
		this.#source = source;
		source.onopen = () => {
			this.#attempt = 0;
			this.status = 'open';
		};
		source.onerror = () => {
			if (source.readyState === EventSource.CONNECTING) {
				this.status = 'reconnecting';
				return;
			}
			// The browser gave up (refused or not a stream): we try again, more slowly each time.
			source.close();
			this.#source = null;
			this.status = 'reconnecting';
			this.#retry = setTimeout(() => {
				this.#retry = null;
				this.connect();
			}, backoff(this.#attempt++));
		};
		for (const type of ['snapshot', 'counts', 'results', 'cards', 'mine', 'joined']) {
			source.addEventListener(type, (event) => {
				const data = JSON.parse((event as MessageEvent<string>).data);
				this.#receive(type, (type === 'snapshot' ? receivedSnapshot(data) : data) as never);
			});
		}
		return this;
	}

	close(): void {
		this.#source?.close();
		this.#source = null;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		this.status = 'closed';
	}

	/** Extra listeners, e.g. the console's `joined`. Returns the function that removes it. */
	on<K extends keyof Events<A> & string>(type: K, handler: (data: Events<A>[K]) => void) {
		const added = handler as (data: never) => void;
		this.#handlers[type] = [...(this.#handlers[type] ?? []), added];
		return () => {
			this.#handlers[type] = (this.#handlers[type] ?? []).filter((h) => h !== added);
		};
	}

	#receive(type: string, data: never) {
		switch (type) {
			case 'snapshot': {
				const snapshot = data as Events<A>['snapshot'];
				this.snapshot = snapshot;
				this.counts = snapshot.counts;
				this.results = snapshot.results as Events<A>['results'] | null;
				this.cards = snapshot.cards as Events<A>['cards'] | null;
				break;
			}
			case 'counts':
				this.counts = data;
				break;
			case 'results':
				if ((data as { activityId: string }).activityId === this.snapshot?.activity?.id) {
					this.results = data;
				}
				break;
			case 'cards':
				if ((data as { activityId: string }).activityId === this.snapshot?.activity?.id) {
					this.cards = data;
				}
				break;
			case 'mine':
				this.mine = { ...this.mine, ...(data as OwnAnswers) };
				break;
		}
		for (const handler of this.#handlers[type] ?? []) handler(data);
	}

	/**
	 * Sends answers to the current activity. Votes are idempotent, so a request that failed on
	 * the way (network, 503) or was throttled (429) is simply sent again.
	 */
	async submit(activityId: string, answers: Record<string, number>): Promise<SubmitResult> {
		const url = `/live/${encodeURIComponent(this.workshopId)}/answers`;
		const body = JSON.stringify({ activityId, answers });
		for (let attempt = 0; ; attempt++) {
			const last = attempt + 1 >= SUBMIT_ATTEMPTS;
			let response: Response;
			try {
				response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body
				});
			} catch {
				if (last) return { ok: false, status: 0, error: 'offline' };
				await sleep(backoff(attempt));
				continue;
			}
			const reply = await response.json().catch(() => ({ error: 'unknown' }));
			if (response.ok) {
				this.#remember(activityId, answers);
				return { ok: true, stored: reply.stored };
			}
			if (!last && (response.status === 429 || response.status >= 500)) {
				await sleep(reply.retryAfter ? reply.retryAfter * 1000 : backoff(attempt));
				continue;
			}
			return { ok: false, status: response.status, ...reply };
		}
	}

	#remember(activityId: string, answers: Record<string, number>) {
		const activity = this.snapshot?.activity;
		const whole = activity?.id === activityId && KINDS[activity.kind].spendsBudget;
		const before = whole ? {} : (this.mine[activityId] ?? {});
		this.mine = { ...this.mine, [activityId]: { ...before, ...answers } };
	}
}
