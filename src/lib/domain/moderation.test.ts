import { describe, expect, it } from 'vitest';
import {
	addReceipt,
	formatReceipts,
	MAX_RECEIPTS,
	parseReceipts,
	roomPostOrder
} from './moderation';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** A well-formed receipt, different for each `i` below 1,024. */
const receipt = (i: number) => `${'a'.repeat(24)}${BASE32[i >> 5]}${BASE32[i & 31]}`;

describe('roomPostOrder', () => {
	it('puts answered posts after open ones, each most supported first, ties in posting order', () => {
		const posts = [
			{ id: 'a', upvotes: 1, answered: true },
			{ id: 'b', upvotes: 0, answered: false },
			{ id: 'c', upvotes: 3, answered: false },
			{ id: 'd', upvotes: 5, answered: true },
			{ id: 'e', upvotes: 0, answered: false }
		];
		expect(roomPostOrder(posts).map((p) => p.id)).toEqual(['c', 'b', 'e', 'd', 'a']);
		expect(posts.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});
});

describe('receipts in a cookie', () => {
	it('keeps the newest, without repeats, up to the cap', () => {
		let kept: string[] = [];
		for (let i = 0; i < MAX_RECEIPTS + 5; i++) kept = addReceipt(kept, receipt(i));
		expect(kept).toHaveLength(MAX_RECEIPTS);
		expect(kept.at(-1)).toBe(receipt(MAX_RECEIPTS + 4));
		expect(kept[0]).toBe(receipt(5));
		expect(parseReceipts(formatReceipts(kept))).toEqual(kept);
		expect(addReceipt(kept, kept[0]).at(-1)).toBe(kept[0]);
	});

	it('ignores anything that is not a receipt', () => {
		expect(parseReceipts(undefined)).toEqual([]);
		expect(parseReceipts('')).toEqual([]);
		expect(parseReceipts(`${receipt(1).toUpperCase()}.${receipt(2)}x.${receipt(3)}`)).toEqual([
			receipt(3)
		]);
		expect(parseReceipts('x'.repeat(5000))).toEqual([]);
	});
});
