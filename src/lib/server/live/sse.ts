/**
 * A bus subscription as a Server-Sent Events response. Every (re)connect starts with a fresh
 * snapshot, which is authoritative, so a client that dropped catches up without replaying
 * missed events (Last-Event-ID is not needed). Per connection we keep one closure and one set
 * entry: messages are encoded once per publish and the same bytes go to every connection, and
 * one timer sends the heartbeat to all.
 */
import type { ServerResponse } from 'node:http';
import { liveBus, type Delivery, type LiveBus } from './bus';
import type { Audience, LiveMessage } from './events';

export const RETRY_MS = 3000;
export const HEARTBEAT_MS = 20_000;
/** Messages a client may fall behind by before we drop it; it reconnects to a fresh snapshot. */
export const MAX_BACKLOG = 256;

const encoder = new TextEncoder();
const RETRY = encoder.encode(`retry: ${RETRY_MS}\n\n`);
const HEARTBEAT = encoder.encode(':\n\n');
const encodedDeliveries = new WeakMap<object, Uint8Array>();

/** One SSE frame. JSON has no raw newlines, so `data` is always a single line. */
interface Encodable {
	type: string;
	data: unknown;
}

export function encodeMessage(message: Encodable, id?: number): Uint8Array {
	const idLine = id === undefined ? '' : `id: ${id}\n`;
	return encoder.encode(
		`${idLine}event: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`
	);
}

function encodeDelivery(delivery: Encodable & { id: number }): Uint8Array {
	let bytes = encodedDeliveries.get(delivery);
	if (!bytes) {
		const { id, type, data } = delivery;
		bytes = encodeMessage({ type, data }, id);
		encodedDeliveries.set(delivery, bytes);
	}
	return bytes;
}

// ------------------------------------------------------------- heartbeat

const open = new Set<(bytes: Uint8Array) => void>();
let heartbeat: ReturnType<typeof setInterval> | null = null;

function track(send: (bytes: Uint8Array) => void) {
	open.add(send);
	if (!heartbeat) {
		heartbeat = setInterval(() => {
			for (const s of open) s(HEARTBEAT);
		}, HEARTBEAT_MS);
		heartbeat.unref?.();
	}
}

function untrack(send: (bytes: Uint8Array) => void) {
	open.delete(send);
	if (open.size === 0 && heartbeat) {
		clearInterval(heartbeat);
		heartbeat = null;
	}
}

/** Open SSE connections in this process (all workshops). */
export function openStreams(): number {
	return open.size;
}

// ---------------------------------------------------------------- stream

export interface LiveStreamOptions<A extends Audience> {
	workshopId: string;
	audience: A;
	/**
	 * The first messages of every connection (the snapshot). Called right after subscribing and
	 * must read state synchronously, so that nothing published in between is lost or reordered.
	 */
	first: () => LiveMessage<A>[];
	/** Messages for this connection only, loaded after `first` (e.g. the participant's answers). */
	personal?: () => Promise<LiveMessage<A>[]>;
	signal?: AbortSignal;
	onOpen?: () => void;
	onClose?: () => void;
	/** Runs once when the connection ends, however it ends (frees its slot: limits.ts). */
	release?: () => void;
	bus?: LiveBus;
}

export const SSE_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-cache, no-transform',
	// Proxies such as nginx would otherwise buffer the stream.
	'x-accel-buffering': 'no'
};

/** Where a connection's bytes go: a web stream (SvelteKit) or a node response (lean path). */
interface Sink {
	/** Queues bytes; false when the client has fallen too far behind and must be dropped. */
	write(bytes: Uint8Array): boolean;
	/** Ends the connection from our side (the client reconnects to a fresh snapshot). */
	drop(): void;
}

/** Wires a sink to the bus: retry, first messages, personal ones, then every delivery. */
function connect<A extends Audience>(sink: Sink, options: LiveStreamOptions<A>): () => void {
	const bus = options.bus ?? liveBus();
	let closed = false;
	let pending: Delivery<A>[] | null = options.personal ? [] : null;

	const send = (bytes: Uint8Array) => {
		if (closed) return;
		if (!sink.write(bytes)) {
			cleanup();
			sink.drop();
		}
	};
	const unsubscribe = bus.subscribe(options.workshopId, options.audience, (delivery) => {
		if (pending) pending.push(delivery);
		else send(encodeDelivery(delivery as Encodable & { id: number }));
	});
	function cleanup() {
		if (closed) return;
		closed = true;
		unsubscribe();
		untrack(send);
		options.signal?.removeEventListener('abort', cleanup);
		options.release?.();
		options.onClose?.();
	}
	options.signal?.addEventListener('abort', cleanup);

	send(RETRY);
	for (const message of options.first()) send(encodeMessage(message as Encodable));
	if (closed) return cleanup;
	track(send);
	options.onOpen?.();

	options
		.personal?.()
		.then(
			(messages) => {
				for (const message of messages) send(encodeMessage(message as Encodable));
			},
			(error) => console.error('live: personal messages failed', error)
		)
		.finally(() => {
			for (const delivery of pending ?? []) {
				send(encodeDelivery(delivery as Encodable & { id: number }));
			}
			pending = null;
		});
	return cleanup;
}

/** The stream as a web `Response`, for SvelteKit endpoints. */
export function liveStream<A extends Audience>(options: LiveStreamOptions<A>): Response {
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			if (options.signal?.aborted) {
				options.release?.();
				controller.close();
				return;
			}
			cleanup = connect(
				{
					write(bytes) {
						controller.enqueue(bytes);
						return (controller.desiredSize ?? 0) >= -MAX_BACKLOG;
					},
					drop: () => controller.error(new Error('client too slow'))
				},
				options
			);
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, { headers: SSE_HEADERS });
}

/** Bytes a node response may hold unsent before we drop the client. */
const MAX_BACKLOG_BYTES = 256 * 1024;

/**
 * The stream written straight to a node response (the lean path): no web stream, request or
 * response objects per connection, which is what lets one process hold 10,000 of them.
 */
export function nodeLiveStream<A extends Audience>(
	res: ServerResponse,
	headers: Record<string, string>,
	options: Omit<LiveStreamOptions<A>, 'signal'>
): void {
	// The client may have gone while the room or participant was being looked up.
	if (res.destroyed || res.socket?.destroyed) {
		options.release?.();
		return;
	}
	res.writeHead(200, { ...SSE_HEADERS, ...headers });
	res.socket?.setNoDelay(true);
	const cleanup = connect(
		{
			write(bytes) {
				res.write(bytes);
				return res.writableLength <= MAX_BACKLOG_BYTES;
			},
			drop: () => res.destroy()
		},
		options
	);
	res.once('close', cleanup);
}
