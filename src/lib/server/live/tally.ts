/**
 * The running aggregate of one voting activity, kept in memory so results can be sent many
 * times a second without asking the database to group hundreds of thousands of rows. It is
 * rebuilt from the database when an activity becomes current and then follows every commit,
 * in commit order, so it always equals what is stored. It holds each participant's last
 * answers (one byte per item) only to undo them when they re-vote; they never leave it.
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

export class Tally {
	readonly #index: Map<string, number>;
	readonly #span: number;
	readonly #counts: Uint32Array;
	readonly #answers = new Map<string, Uint8Array>();

	constructor(
		readonly activityId: string,
		readonly itemIds: readonly string[],
		readonly range: ScoreRange
	) {
		this.#index = new Map(itemIds.map((id, i) => [id, i]));
		this.#span = range.max - range.min + 1;
		if (this.#span >= NONE) throw new Error('score range too wide for a tally');
		this.#counts = new Uint32Array(itemIds.length * this.#span);
	}

	/** Applies one participant's stored answers; `replaceAll` first drops their earlier ones. */
	apply(
		participantId: string,
		answers: Iterable<{ itemId: string; score: number }>,
		replaceAll: boolean
	) {
		let own = this.#answers.get(participantId);
		if (!own) {
			own = new Uint8Array(this.itemIds.length).fill(NONE);
			this.#answers.set(participantId, own);
		} else if (replaceAll) {
			for (let i = 0; i < own.length; i++) this.#set(own, i, NONE);
		}
		for (const { itemId, score } of answers) {
			const i = this.#index.get(itemId);
			if (i === undefined || score < this.range.min || score > this.range.max) continue;
			this.#set(own, i, score - this.range.min);
		}
	}

	#set(own: Uint8Array, item: number, offset: number) {
		const old = own[item];
		if (old === offset) return;
		if (old !== NONE) this.#counts[item * this.#span + old]--;
		if (offset !== NONE) this.#counts[item * this.#span + offset]++;
		own[item] = offset;
	}

	/** Participants with at least one stored answer. */
	get respondents(): number {
		return this.#answers.size;
	}

	/** The aggregate; below `minGroupSize` respondents only their number. */
	results(minGroupSize: number): Results {
		const respondents = this.respondents;
		const withheld = respondents < minGroupSize;
		const counts: Record<string, number[]> = {};
		if (!withheld) {
			for (const [i, itemId] of this.itemIds.entries()) {
				const start = i * this.#span;
				counts[itemId] = Array.from(this.#counts.subarray(start, start + this.#span));
			}
		}
		return { activityId: this.activityId, respondents, withheld, min: this.range.min, counts };
	}
}
