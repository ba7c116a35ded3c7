import { describe, expect, it } from 'vitest';
import {
	acceptsInput,
	checkAnswers,
	initialPace,
	JOIN_ALPHABET,
	joinCodeFrom,
	normaliseJoinCode,
	pace,
	votingItems,
	type ActivityConfig,
	type Pace,
	type PaceCommand
} from './workshop';

const rate: ActivityConfig = {
	kind: 'rate',
	lenses: ['current', 'strategic'],
	scale: '1-5',
	valueIds: ['v1', 'v2']
};
const dots: ActivityConfig = {
	kind: 'dot_vote',
	lens: 'current',
	dots: 3,
	valueIds: ['v1', 'v2', 'v3']
};
const allocate: ActivityConfig = { kind: 'allocate', lens: 'paradise', valueIds: ['v1', 'v2'] };

describe('voting items', () => {
	it('asks a rating about every value under every lens', () => {
		expect(votingItems(rate).map((i) => i.itemId)).toEqual([
			'v1:current',
			'v1:strategic',
			'v2:current',
			'v2:strategic'
		]);
	});

	it('asks dots and points about values under one lens, and nothing for other kinds', () => {
		expect(votingItems(dots).map((i) => i.itemId)).toEqual([
			'v1:current',
			'v2:current',
			'v3:current'
		]);
		expect(votingItems({ kind: 'discuss' })).toEqual([]);
	});
});

describe('checkAnswers', () => {
	it('accepts ratings on the scale, one or several at a time', () => {
		expect(checkAnswers(rate, { 'v1:current': 1 })).toEqual({ ok: true });
		expect(checkAnswers(rate, { 'v1:current': 5, 'v2:strategic': 3 })).toEqual({ ok: true });
	});

	it('refuses ratings off the scale, fractions, unknown items and empty submissions', () => {
		expect(checkAnswers(rate, { 'v1:current': 6 })).toEqual({
			ok: false,
			problem: 'out_of_range',
			limit: 5
		});
		expect(checkAnswers(rate, { 'v1:current': 0 })).toMatchObject({ problem: 'out_of_range' });
		expect(checkAnswers({ ...rate, scale: '0-10' }, { 'v1:current': 0 })).toEqual({ ok: true });
		expect(checkAnswers(rate, { 'v1:current': 2.5 })).toMatchObject({ problem: 'not_integer' });
		expect(checkAnswers(rate, { 'v9:current': 2 })).toMatchObject({ problem: 'unknown_item' });
		expect(checkAnswers(rate, { 'v1:paradise': 2 })).toMatchObject({ problem: 'unknown_item' });
		expect(checkAnswers(rate, {})).toMatchObject({ problem: 'empty' });
	});

	it('keeps dots within the budget', () => {
		expect(checkAnswers(dots, { 'v1:current': 2, 'v2:current': 1 })).toEqual({ ok: true });
		expect(checkAnswers(dots, { 'v1:current': 3 })).toEqual({ ok: true });
		expect(checkAnswers(dots, { 'v1:current': 2, 'v2:current': 2 })).toEqual({
			ok: false,
			problem: 'over_budget',
			limit: 3
		});
		expect(checkAnswers(dots, { 'v1:current': -1, 'v2:current': 2 })).toMatchObject({
			problem: 'out_of_range'
		});
		expect(checkAnswers(dots, { 'v1:current': 0 })).toMatchObject({ problem: 'empty' });
	});

	it('wants allocations to add up to exactly 100', () => {
		expect(checkAnswers(allocate, { 'v1:paradise': 70, 'v2:paradise': 30 })).toEqual({ ok: true });
		expect(checkAnswers(allocate, { 'v1:paradise': 100 })).toEqual({ ok: true });
		expect(checkAnswers(allocate, { 'v1:paradise': 70, 'v2:paradise': 20 })).toEqual({
			ok: false,
			problem: 'wrong_total',
			limit: 100
		});
		expect(checkAnswers(allocate, { 'v1:paradise': 130, 'v2:paradise': -30 })).toMatchObject({
			problem: 'out_of_range'
		});
	});
});

describe('pace', () => {
	const now = 1_000_000;
	function run(commands: PaceCommand[], length = 3, state: Pace = initialPace()): Pace {
		for (const command of commands) {
			const result = pace(state, command, length, now);
			if (!result.ok) throw new Error(`${command.type}: ${result.problem}`);
			state = result.pace;
		}
		return state;
	}

	it('starts in the joining phase and opens input on each activity it arrives at', () => {
		const state = run([{ type: 'start' }, { type: 'next' }]);
		expect(state).toMatchObject({ status: 'live', current: 0, inputOpen: true, revealed: false });
		expect(acceptsInput(state, 0)).toBe(true);
		expect(acceptsInput(state, 1)).toBe(false);
	});

	it('hides results and clears the timer on moving on', () => {
		const state = run([
			{ type: 'start' },
			{ type: 'next' },
			{ type: 'reveal' },
			{ type: 'timer_start', seconds: 60 },
			{ type: 'next' }
		]);
		expect(state).toMatchObject({
			current: 1,
			revealed: false,
			timer: { endsAt: null, remainingMs: null }
		});
	});

	it('shows the overview on the projector once started, until asked or moving on', () => {
		expect(pace(initialPace(), { type: 'show_overview' }, 3, now)).toEqual({
			ok: false,
			problem: 'not_allowed'
		});
		// Before the first activity as well as during one.
		const joining = run([{ type: 'start' }, { type: 'show_overview' }]);
		expect(joining).toMatchObject({ current: -1, overview: true });
		const shown = run(
			[{ type: 'next' }, { type: 'show_overview' }, { type: 'reveal' }],
			3,
			joining
		);
		expect(shown).toMatchObject({ current: 0, overview: true, revealed: true, inputOpen: true });
		expect(run([{ type: 'hide_overview' }], 3, shown)).toMatchObject({
			overview: false,
			revealed: true
		});
		expect(run([{ type: 'next' }], 3, shown)).toMatchObject({ current: 1, overview: false });
		expect(run([{ type: 'end' }], 3, shown).overview).toBe(false);
	});

	it('refuses to move past either end of the agenda or before starting', () => {
		const started = run([{ type: 'start' }, { type: 'next' }]);
		expect(pace(started, { type: 'previous' }, 3, now)).toEqual({
			ok: false,
			problem: 'out_of_range'
		});
		expect(
			pace(run([{ type: 'next' }, { type: 'next' }], 3, started), { type: 'next' }, 3, now)
		).toEqual({
			ok: false,
			problem: 'out_of_range'
		});
		expect(pace(initialPace(), { type: 'next' }, 3, now)).toEqual({
			ok: false,
			problem: 'not_allowed'
		});
	});

	it('pauses and resumes a timer with the time that was left', () => {
		let state = run([{ type: 'start' }, { type: 'next' }, { type: 'timer_start', seconds: 90 }]);
		expect(state.timer.endsAt).toBe(now + 90_000);
		const paused = pace(state, { type: 'timer_pause' }, 3, now + 30_000);
		expect(paused).toMatchObject({
			ok: true,
			pace: { timer: { endsAt: null, remainingMs: 60_000 } }
		});
		if (!paused.ok) return;
		state = paused.pace;
		const resumed = pace(state, { type: 'timer_resume' }, 3, now + 100_000);
		expect(resumed).toMatchObject({
			ok: true,
			pace: { timer: { endsAt: now + 160_000, remainingMs: null } }
		});
		expect(pace(state, { type: 'timer_start', seconds: 5 }, 3, now)).toMatchObject({ ok: false });
	});

	it('takes no input while locked, and nothing at all once ended', () => {
		const locked = run([{ type: 'start' }, { type: 'next' }, { type: 'lock' }]);
		expect(acceptsInput(locked, 0)).toBe(false);
		expect(pace(locked, { type: 'open_input' }, 3, now)).toMatchObject({ ok: false });
		const unlocked = run([{ type: 'unlock' }, { type: 'open_input' }], 3, locked);
		expect(acceptsInput(unlocked, 0)).toBe(true);
		const ended = run([{ type: 'end' }], 3, unlocked);
		expect(acceptsInput(ended, 0)).toBe(false);
		expect(pace(ended, { type: 'start' }, 3, now)).toMatchObject({ ok: false });
		expect(pace(ended, { type: 'reveal' }, 3, now)).toMatchObject({ ok: false });
	});
});

describe('join codes', () => {
	it('are six characters from the unambiguous alphabet', () => {
		const code = joinCodeFrom(new Uint8Array([0, 1, 2, 25, 26, 255]));
		expect(code).toHaveLength(6);
		expect([...code].every((c) => JOIN_ALPHABET.includes(c))).toBe(true);
		// bytes 0, 1, 2, 25 pick the alphabet's 1st, 2nd, 3rd and 26th (last) characters.
		expect(code.slice(0, 4)).toBe('ACD9');
	});

	it('forgive case, spaces and dashes, and refuse what cannot be a code', () => {
		expect(normaliseJoinCode(' acd-efg ')).toBe('ACDEFG');
		expect(normaliseJoinCode('ACDEF0')).toBeNull();
		expect(normaliseJoinCode('ACDEF')).toBeNull();
		expect(normaliseJoinCode('ACDEFGH')).toBeNull();
	});
});
