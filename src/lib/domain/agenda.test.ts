import { describe, expect, it } from 'vitest';
import { canAddActivity, canEditActivity, canReshapeAgenda } from './agenda';
import { LIMITS } from './workshop';

describe('agenda changes', () => {
	it('allows everything before the start', () => {
		const draft = { status: 'draft' as const, current: -1, length: 3 };
		expect(canAddActivity(draft)).toBe(true);
		expect(canReshapeAgenda(draft)).toBe(true);
		expect([0, 1, 2].map((i) => canEditActivity(draft, i))).toEqual([true, true, true]);
	});

	it('keeps the order and the activity on screen once it runs', () => {
		for (const status of ['live', 'locked'] as const) {
			const running = { status, current: 1, length: 3 };
			expect(canReshapeAgenda(running)).toBe(false);
			expect(canAddActivity(running)).toBe(true);
			expect([0, 1, 2].map((i) => canEditActivity(running, i))).toEqual([true, false, true]);
		}
	});

	it('changes nothing once ended, and adds nothing beyond the limit', () => {
		const ended = { status: 'ended' as const, current: 2, length: 3 };
		expect(canAddActivity(ended)).toBe(false);
		expect(canReshapeAgenda(ended)).toBe(false);
		expect(canEditActivity(ended, 0)).toBe(false);
		expect(canAddActivity({ status: 'draft', current: -1, length: LIMITS.activities.max })).toBe(
			false
		);
	});
});
