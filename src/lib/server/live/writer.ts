/**
 * Group commit: callers queue items and wait; one transaction per turn of the event loop
 * stores everything queued so far, and each caller is answered only after its item is stored.
 *
 * One batch is written at a time, and each begins in its own `setImmediate` callback: by then
 * the server has read every request that arrived during the previous commit, so batches grow
 * with the load and the commits (an fsync each) do not.
 *
 * A failing batch is split in halves and retried, down to single items, so one bad item (say
 * a participant withdrawn a moment ago) fails only its own caller.
 */

export interface GroupCommitOptions<T> {
	write: (batch: T[]) => Promise<void>;
	/** Cost of an item (e.g. rows); a batch holds at most `maxWeight`, but always one item. */
	weight?: (item: T) => number;
	maxWeight?: number;
	/** Called after each successful commit with the items it stored, in queue order. */
	committed?: (batch: T[]) => void;
}

export interface GroupCommit<T> {
	/** Resolves once the item is stored; rejects with the write's error if it could not be. */
	submit(item: T): Promise<void>;
	/** Items waiting or being written. */
	pending(): number;
	/** Their total weight (e.g. rows), for shedding load before memory runs away. */
	pendingWeight(): number;
	/** Resolves when everything submitted so far has been written or has failed. */
	drained(): Promise<void>;
}

interface Waiting<T> {
	item: T;
	resolve: () => void;
	reject: (error: unknown) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createGroupCommit<T>(options: GroupCommitOptions<T>): GroupCommit<T> {
	const weight = options.weight ?? (() => 1);
	const maxWeight = options.maxWeight ?? 2000;
	let queue: Waiting<T>[] = [];
	let inFlight = 0;
	let weightPending = 0;
	let running: Promise<void> | null = null;

	function takeBatch(): Waiting<T>[] {
		let total = 0;
		let n = 0;
		while (n < queue.length) {
			total += weight(queue[n].item);
			if (n > 0 && total > maxWeight) break;
			n++;
		}
		const batch = queue.slice(0, n);
		queue = queue.slice(n);
		return batch;
	}

	/** Writes a batch (at the start of a turn of the event loop, see above). */
	async function commit(batch: Waiting<T>[]): Promise<void> {
		const items = batch.map((w) => w.item);
		try {
			await options.write(items);
		} catch (error) {
			if (batch.length === 1) {
				weightPending -= weight(batch[0].item);
				batch[0].reject(error);
				return;
			}
			const half = Math.ceil(batch.length / 2);
			await nextTurn();
			await commit(batch.slice(0, half));
			await nextTurn();
			await commit(batch.slice(half));
			return;
		}
		try {
			options.committed?.(items);
		} catch (error) {
			console.error('group commit: after-commit hook failed', error);
		}
		for (const w of batch) {
			weightPending -= weight(w.item);
			w.resolve();
		}
	}

	async function run(): Promise<void> {
		while (queue.length > 0) {
			// Waiting one turn lets every request already read by the server join this batch.
			await nextTurn();
			const batch = takeBatch();
			inFlight = batch.length;
			await commit(batch);
			inFlight = 0;
		}
		running = null;
	}

	return {
		submit(item) {
			return new Promise<void>((resolve, reject) => {
				weightPending += weight(item);
				queue.push({ item, resolve, reject });
				running ??= run();
			});
		},
		pending: () => queue.length + inFlight,
		pendingWeight: () => weightPending,
		drained: () => running ?? Promise.resolve()
	};
}
