import type { Client, Transaction } from '@libsql/client';

/**
 * Runs every statement, batch and transaction of an embedded database one after another.
 *
 * libsql's embedded driver is synchronous: a statement that meets a lock held by another of
 * the client's connections waits out the busy timeout *on the event loop*, so the transaction
 * holding the lock can never finish, and both fail after the timeout. Queuing in the process
 * avoids that at no cost in throughput (the driver runs one statement at a time anyway), and a
 * single connection then suffices. Remote servers do their own locking and are not wrapped.
 *
 * Code inside a transaction must use the transaction, never the outer client: a statement on
 * the client would wait for the transaction that waits for it. `waitLimitMs` turns such a
 * mistake into an error instead of a hang.
 */
export function serialise(client: Client, waitLimitMs = 15_000): Client {
	let tail: Promise<unknown> = Promise.resolve();

	/** Resolves with a release function once everything queued before has finished. */
	function turn(): Promise<() => void> {
		let release!: () => void;
		const done = new Promise<void>((resolve) => (release = resolve));
		const ready = tail.then(() => release);
		tail = tail.then(() => done);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const limit = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(new Error(`database busy for ${waitLimitMs} ms (a nested transaction?)`)),
				waitLimitMs
			);
		});
		return Promise.race([ready, limit]).finally(() => clearTimeout(timer));
	}

	async function queued<T>(work: () => Promise<T>): Promise<T> {
		const release = await turn();
		try {
			return await work();
		} finally {
			release();
		}
	}

	async function transaction(...args: Parameters<Client['transaction']>): Promise<Transaction> {
		const release = await turn();
		let tx: Transaction;
		try {
			tx = await client.transaction(...args);
		} catch (error) {
			release();
			throw error;
		}
		let released = false;
		const finish = () => {
			if (!released) {
				released = true;
				release();
			}
		};
		return {
			execute: (stmt) => tx.execute(stmt),
			batch: (stmts) => tx.batch(stmts),
			executeMultiple: (sql) => tx.executeMultiple(sql),
			commit: () => tx.commit().finally(finish),
			rollback: () => tx.rollback().finally(finish),
			close: () => {
				tx.close();
				finish();
			},
			get closed() {
				return tx.closed;
			}
		} as Transaction;
	}

	return new Proxy(client, {
		get(target, property) {
			switch (property) {
				case 'execute':
				case 'batch':
				case 'migrate':
				case 'executeMultiple':
				case 'sync':
					return (...args: unknown[]) =>
						queued(() =>
							(target[property] as (...a: unknown[]) => Promise<unknown>).apply(target, args)
						);
				case 'transaction':
					return transaction;
				default: {
					// The client keeps its state in #private fields, which only work on the client itself.
					const value = Reflect.get(target, property, target);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			}
		}
	});
}
