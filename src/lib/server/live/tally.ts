/**
 * The running aggregate of one voting activity, kept in memory so results can be sent many
 * times a second without asking the database to group hundreds of thousands of rows. It is
 * rebuilt from the database when an activity becomes current and then follows every commit,
 * in commit order, so it always equals what is stored. It holds each participant's last
 * answers (one byte per item) only to undo them when they re-vote; they never leave it. They
 * sit in one buffer, a row per participant, so a participant costs a map entry and a row of
 * bytes, not a typed array of their own (each an object and a backing store for the GC).
 */
import { SCALES, LIMITS, type ActivityConfig } from '../../domain/workshop';
import type { Results } from './events';

const NONE = 255;

export interface ScoreRange {
	min: number;
	max: number;
}

/** The scores an activity's answers can take. */
export function scoreRange(config: ActivityConfig): ScoreRange | null {
	switch (config.kind) {
		case 'rate':
			return SCALES[config.scale];
		case 'dot_vote':
			return { min: 0, max: config.dots };
		case 'allocate':
			return { min: 0, max: LIMITS.allocateTotal };
		default:
			return null;
	}
}

/** An item's release as stored: its counts per score and the people behind them. */
export interface StoredRelease {
	itemId: string;
	respondents: number;
	counts: { score: number; n: number }[];
}

/** A change not yet released, as stored: the participant's score at the last release. */
export interface StoredChange {
	itemId: string;
	participantId: string;
	baseline: number | null;
}

export class Tally {
	readonly #index: Map<string, number>;
	readonly #span: number;
	readonly #counts: Uint32Array;
	/** Each participant's row in `#answers`. */
	readonly #rows = new Map<string, number>();
	/** Row r holds participant r's offset per item (NONE: no answer); grows by doubling. */
	#answers: Uint8Array;
	/** What may be read: each item's counts as of its last release, and the people behind them. */
	readonly #released: Uint32Array;
	readonly #releasedPeople: Uint32Array;
	/** Per item, who changed it since its release, with their answer then (NONE: no answer). */
	readonly #pending: Map<string, number>[];
	/** Per item, how many of those now answer differently from their answer then. */
	readonly #changed: Uint32Array;

	constructor(
		readonly activityId: string,
		readonly itemIds: readonly string[],
		readonly range: ScoreRange
	) {
		this.#index = new Map(itemIds.map((id, i) => [id, i]));
		this.#span = range.max - range.min + 1;
		if (this.#span >= NONE) throw new Error('score range too wide for a tally');
		this.#counts = new Uint32Array(itemIds.length * this.#span);
		this.#released = new Uint32Array(itemIds.length * this.#span);
		this.#releasedPeople = new Uint32Array(itemIds.length);
		this.#pending = itemIds.map(() => new Map());
		this.#changed = new Uint32Array(itemIds.length);
		this.#answers = new Uint8Array(itemIds.length * 64).fill(NONE);
	}

	/** The offset of the participant's row, added (empty) if they had none. */
	#row(participantId: string): { at: number; added: boolean } {
		const row = this.#rows.get(participantId);
		if (row !== undefined) return { at: row * this.itemIds.length, added: false };
		const next = this.#rows.size;
		const at = next * this.itemIds.length;
		if (at + this.itemIds.length > this.#answers.length) {
			const grown = new Uint8Array(Math.max(2 * this.#answers.length, at + this.itemIds.length));
			grown.fill(NONE, this.#answers.length);
			grown.set(this.#answers);
			this.#answers = grown;
		}
		this.#rows.set(participantId, next);
		return { at, added: true };
	}

	/** Applies one participant's stored answers; `replaceAll` first drops their earlier ones. */
	apply(
		participantId: string,
		answers: Iterable<{ itemId: string; score: number }>,
		replaceAll: boolean
	) {
		const { at, added } = this.#row(participantId);
		if (!added && replaceAll) {
			for (let i = 0; i < this.itemIds.length; i++) this.#set(participantId, at, i, NONE);
		}
		for (const { itemId, score } of answers) {
			const i = this.#index.get(itemId);
			if (i === undefined || score < this.range.min || score > this.range.max) continue;
			this.#set(participantId, at, i, score - this.range.min);
		}
	}

	#set(participantId: string, at: number, item: number, offset: number) {
		const old = this.#answers[at + item];
		if (old === offset) return;
		if (old !== NONE) this.#counts[item * this.#span + old]--;
		if (offset !== NONE) this.#counts[item * this.#span + offset]++;
		this.#answers[at + item] = offset;
		const pending = this.#pending[item];
		let baseline = pending.get(participantId);
		if (baseline === undefined) pending.set(participantId, (baseline = old));
		const was = old !== baseline;
		const is = offset !== baseline;
		if (was !== is) this.#changed[item] += is ? 1 : -1;
	}

	/**
	 * Releases every item that at least `minGroupSize` people answered, changed or withdrew since
	 * its last release: the same rule, at the same commits, as `releaseStatements` in queries.ts.
	 * Returns whether anything was released.
	 */
	release(minGroupSize: number): boolean {
		let any = false;
		for (let i = 0; i < this.itemIds.length; i++) {
			if (this.#changed[i] < Math.max(1, minGroupSize)) continue;
			const start = i * this.#span;
			const counts = this.#counts.subarray(start, start + this.#span);
			this.#released.set(counts, start);
			this.#releasedPeople[i] = counts.reduce((sum, n) => sum + n, 0);
			this.#pending[i].clear();
			this.#changed[i] = 0;
			any = true;
		}
		return any;
	}

	/**
	 * Installs what the database holds of releases and changes, after `apply` of every stored
	 * answer (which the tally took for changes: they are not, unless the database says so).
	 */
	restore(releases: Iterable<StoredRelease>, changes: Iterable<StoredChange>) {
		for (const pending of this.#pending) pending.clear();
		this.#changed.fill(0);
		for (const release of releases) {
			const i = this.#index.get(release.itemId);
			if (i === undefined) continue;
			this.#releasedPeople[i] = release.respondents;
			for (const { score, n } of release.counts) {
				if (score >= this.range.min && score <= this.range.max) {
					this.#released[i * this.#span + score - this.range.min] = n;
				}
			}
		}
		for (const change of changes) {
			const i = this.#index.get(change.itemId);
			if (i === undefined) continue;
			const baseline = change.baseline === null ? NONE : change.baseline - this.range.min;
			this.#pending[i].set(change.participantId, baseline);
			const row = this.#rows.get(change.participantId);
			const now = row === undefined ? NONE : this.#answers[row * this.itemIds.length + i];
			if (now !== baseline) this.#changed[i]++;
		}
	}

	/** Participants with at least one stored answer. */
	get respondents(): number {
		return this.#rows.size;
	}

	/**
	 * What may be read: the released items that at least `minGroupSize` people stand behind. An
	 * item's numbers change only at its releases, so two readings differ by nothing or by the
	 * answers of at least the minimum number of people.
	 */
	results(minGroupSize: number): Results {
		const counts: Record<string, number[]> = {};
		const people: Record<string, number> = {};
		let waiting = false;
		for (const [i, itemId] of this.itemIds.entries()) {
			if (this.#changed[i] > 0) waiting = true;
			const n = this.#releasedPeople[i];
			if (n === 0 || n < minGroupSize) continue;
			const start = i * this.#span;
			counts[itemId] = Array.from(this.#released.subarray(start, start + this.#span));
			people[itemId] = n;
		}
		return {
			activityId: this.activityId,
			respondents: this.respondents,
			withheld: Object.keys(counts).length === 0,
			waiting,
			min: this.range.min,
			counts,
			people
		};
	}
}
