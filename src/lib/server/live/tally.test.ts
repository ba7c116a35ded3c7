import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tally } from './tally';

const ITEMS = ['a', 'b', 'c'];
const RANGE = { min: 0, max: 5 };

/** The counts a tally must hold: each participant's last answers, counted again from scratch. */
function model(steps: { p: number; answers: [number, number][]; replaceAll: boolean }[]) {
	const own = new Map<number, Map<number, number>>();
	for (const { p, answers, replaceAll } of steps) {
		const mine = replaceAll || !own.has(p) ? new Map<number, number>() : own.get(p)!;
		for (const [item, score] of answers) mine.set(item, score);
		own.set(p, mine);
	}
	const counts: Record<string, number[]> = {};
	for (const [i, itemId] of ITEMS.entries()) {
		counts[itemId] = Array.from({ length: RANGE.max - RANGE.min + 1 }, () => 0);
		for (const mine of own.values()) {
			const score = mine.get(i);
			if (score !== undefined) counts[itemId][score - RANGE.min]++;
		}
	}
	return { respondents: own.size, counts };
}

describe('Tally', () => {
	it('counts each participant’s last answers, however many join and re-vote', () => {
		const step = fc.record({
			p: fc.integer({ min: 0, max: 299 }),
			answers: fc.array(
				fc.tuple(fc.integer({ min: 0, max: ITEMS.length - 1 }), fc.integer(RANGE)),
				{ maxLength: 3 }
			),
			replaceAll: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 600 }), (drawn) => {
				// 150 people answer first, so the buffer has grown before the drawn re-votes.
				const steps = [
					...Array.from({ length: 150 }, (_, p) => ({
						p,
						answers: [[p % ITEMS.length, p % (RANGE.max + 1)]] as [number, number][],
						replaceAll: false
					})),
					...drawn
				];
				const tally = new Tally('act', ITEMS, RANGE);
				for (const { p, answers, replaceAll } of steps) {
					const list = answers.map(([i, score]) => ({ itemId: ITEMS[i], score }));
					tally.apply(`p${p}`, list, replaceAll);
				}
				tally.release(1);
				const want = model(steps);
				const got = tally.results(1);
				expect(got.respondents).toBe(want.respondents);
				for (const itemId of ITEMS) {
					const counted = want.counts[itemId];
					if (counted.some((n) => n > 0)) expect(got.counts[itemId]).toEqual(counted);
					else expect(got.counts[itemId]).toBeUndefined();
				}
			}),
			{ numRuns: 200 }
		);
	});
});
