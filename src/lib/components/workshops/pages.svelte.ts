/**
 * Pages of a long list on the projector: as many rows as fit, the page advancing on its own
 * every few seconds so the room sees every row without anyone touching the projector.
 */
import { PAGE_MS } from './fit';

export class Pages<T> {
	#rows: () => T[];
	#perPage: () => number;
	page = $state(0);

	constructor(rows: () => T[], perPage: () => number) {
		this.#rows = rows;
		this.#perPage = perPage;
		$effect(() => {
			if (this.count <= 1) return;
			const every = setInterval(() => {
				this.page = (this.page + 1) % this.count;
			}, PAGE_MS);
			return () => clearInterval(every);
		});
	}

	get size(): number {
		return Math.max(1, this.#perPage());
	}
	get count(): number {
		return Math.max(1, Math.ceil(this.#rows().length / this.size));
	}
	get from(): number {
		return Math.min(this.page, this.count - 1) * this.size;
	}
	get shown(): T[] {
		return this.#rows().slice(this.from, this.from + this.size);
	}
	/** 1-based, for "values 9–16 of 40". */
	get range(): { from: number; to: number; n: number } {
		return { from: this.from + 1, to: this.from + this.shown.length, n: this.#rows().length };
	}
}
