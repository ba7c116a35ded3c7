import { describe, expect, it } from 'vitest';
import { clock, timerView } from './timer';

describe('timerView', () => {
	it('runs on the server clock, whatever the phone says', () => {
		// The server said 10,000 when the timer had 60 s left; the phone's clock is an hour off.
		const phone = 3_600_000;
		const view = timerView({ endsAt: 70_000, remainingMs: null }, 10_000, phone, phone + 15_000);
		expect(view).toEqual({ remainingMs: 45_000, paused: false });
	});

	it('shows a paused timer as it stood, and never less than zero', () => {
		expect(timerView({ endsAt: null, remainingMs: 30_000 }, 0, 0, 99_999)).toEqual({
			remainingMs: 30_000,
			paused: true
		});
		expect(timerView({ endsAt: 1_000, remainingMs: null }, 0, 0, 5_000).remainingMs).toBe(0);
		expect(timerView({ endsAt: null, remainingMs: null }, 0, 0, 0).remainingMs).toBeNull();
	});
});

describe('clock', () => {
	it('rounds up to whole seconds', () => {
		expect(clock(0)).toBe('0:00');
		expect(clock(1)).toBe('0:01');
		expect(clock(65_000)).toBe('1:05');
		expect(clock(3_600_000 + 61_000)).toBe('1:01:01');
	});
});
