/**
 * Where the live writes (answers, joins) run. With an embedded database file they run in a
 * worker thread with its own connection: the embedded engine works synchronously, and a
 * commit's fsync (~10 ms on these disks) plus the rows themselves would otherwise stop the
 * one thread that parses requests and feeds every live stream. Everything else (in-memory
 * and remote databases, tests) runs them in process.
 *
 * All live writes go through one store, so the worker is the only writer of those tables and
 * the main thread never waits on SQLite's lock for them. The worker's is a second connection
 * to the file, unlike db/serialise.ts's one: that rule is about a lock holder and a waiter on
 * the same thread; here the holder finishes on its own thread while a waiter waits.
 */
import type { Client } from '@libsql/client';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from '../db';

export interface Statement {
	sql: string;
	args: (string | number | null)[];
}

export interface WriteStore {
	/** Runs the statements as one transaction: all or nothing. */
	write(statements: Statement[]): Promise<void>;
	close(): Promise<void>;
}

export function inProcessStore(db: Database): WriteStore {
	// drizzle() keeps its client as `$client`; the app's `Database` type leaves it out.
	const client = (db as Database & { $client: Client }).$client;
	return {
		async write(statements) {
			if (statements.length > 0) await client.batch(statements, 'write');
		},
		async close() {}
	};
}

// CommonJS so it can `require` the client by the absolute path the app resolved for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require(workerData.clientPath);
const client = createClient({ url: workerData.url, authToken: workerData.authToken, timeout: 5000 });
parentPort.on('message', ({ id, statements }) => {
	client.batch(statements, 'write').then(
		() => parentPort.postMessage({ id }),
		(error) => parentPort.postMessage({ id, error: String(error && error.message || error) })
	);
});
`;

/** A store whose writes run in a worker thread on its own connection to `url`. */
export function workerStore(url: string, authToken?: string): WriteStore {
	const clientPath = createRequire(import.meta.url).resolve('@libsql/client');
	const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
	let worker: Worker | null = null;
	let next = 0;

	function start(): Worker {
		const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { clientPath, url, authToken } });
		w.on('message', ({ id, error }: { id: number; error?: string }) => {
			const waiting = pending.get(id);
			pending.delete(id);
			if (error) waiting?.reject(new Error(error));
			else waiting?.resolve();
		});
		const fail = (error: Error) => {
			if (worker === w) worker = null;
			for (const waiting of pending.values()) waiting.reject(error);
			pending.clear();
		};
		w.on('error', fail);
		w.on('exit', (code) => fail(new Error(`live store worker exited (${code})`)));
		// After the listeners, which would otherwise ref it again: the worker never keeps a
		// stopping server alive.
		w.unref();
		return w;
	}

	return {
		write(statements) {
			if (statements.length === 0) return Promise.resolve();
			worker ??= start();
			const id = next++;
			const w = worker;
			return new Promise<void>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				w.postMessage({ id, statements });
			});
		},
		async close() {
			await worker?.terminate();
			worker = null;
		}
	};
}
