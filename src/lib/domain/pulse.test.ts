import { describe, expect, it } from 'vitest';
import {
	behaviourSummary,
	checkPulseAnswers,
	checkPulseDates,
	nextPulseDates,
	pulseItems,
	pulseResults,
	pulseState
} from './pulse';

describe('pulse dates', () => {
	const pulse = { opensOn: '2026-03-02', closesOn: '2026-03-08', cadenceWeeks: 4 };

	it('is open from its first to its last day', () => {
		expect(pulseState(pulse, '2026-03-01')).toBe('scheduled');
		expect(pulseState(pulse, '2026-03-02')).toBe('open');
		expect(pulseState(pulse, '2026-03-08')).toBe('open');
		expect(pulseState(pulse, '2026-03-09')).toBe('closed');
	});

	it('checks the window', () => {
		const today = '2026-03-01';
		expect(checkPulseDates('2026-03-02', '2026-03-08', today)).toEqual({});
		expect(checkPulseDates('2026-02-28', '2026-03-08', today)).toEqual({});
		expect(checkPulseDates('2026-02-27', '2026-03-08', today)).toEqual({
			opensOn: 'opens_invalid'
		});
		expect(checkPulseDates('2026-03-02', '2026-03-01', today)).toEqual({
			closesOn: 'closes_before'
		});
		expect(checkPulseDates('2026-03-02', '2026-04-26', today)).toEqual({});
		expect(checkPulseDates('2026-03-02', '2026-04-27', today)).toEqual({ closesOn: 'too_long' });
		expect(checkPulseDates('2026-02-30', 'x', today)).toEqual({
			opensOn: 'opens_invalid',
			closesOn: 'closes_invalid'
		});
	});

	it('suggests the next pulse a cadence later, never in the past', () => {
		expect(nextPulseDates(pulse, '2026-03-05')).toEqual({
			opensOn: '2026-03-30',
			closesOn: '2026-04-05'
		});
		expect(nextPulseDates(pulse, '2026-05-01')).toEqual({
			opensOn: '2026-05-25',
			closesOn: '2026-05-31'
		});
	});
});

describe('pulse items', () => {
	const values = [
		{ id: 'a', name: 'Candour', behaviours: ['Says it to your face', ' ', 'Asks why'] },
		{ id: 'b', name: 'Care', behaviours: [] }
	];

	it('asks about each value with its behaviours, then eNPS, then safety if wanted', () => {
		expect(pulseItems(values, { withSafety: false })).toEqual([
			{ kind: 'value', valueId: 'a', leaderId: null, statement: 'Says it to your face · Asks why' },
			{ kind: 'value', valueId: 'b', leaderId: null, statement: '' },
			{ kind: 'enps', valueId: null, leaderId: null, statement: '' }
		]);
		expect(
			pulseItems(values, { withSafety: true })
				.map((i) => i.statement)
				.slice(3)
		).toEqual(['speak_up', 'mistakes', 'ask_help']);
	});

	it('asks about each leader after the values, naming the values, at most eight', () => {
		expect(pulseItems(values, { withSafety: false, leaderIds: ['u1', 'u2'] })).toEqual([
			expect.objectContaining({ kind: 'value', valueId: 'a' }),
			expect.objectContaining({ kind: 'value', valueId: 'b' }),
			{ kind: 'leader', valueId: null, leaderId: 'u1', statement: 'Candour · Care' },
			{ kind: 'leader', valueId: null, leaderId: 'u2', statement: 'Candour · Care' },
			{ kind: 'enps', valueId: null, leaderId: null, statement: '' }
		]);
		const many = Array.from({ length: 10 }, (_, i) => `u${i}`);
		const asked = pulseItems(values, { withSafety: false, leaderIds: many });
		expect(asked.filter((i) => i.kind === 'leader').map((i) => i.leaderId)).toEqual(
			many.slice(0, 8)
		);
	});

	it('cuts long behaviour lists to fit', () => {
		const summary = behaviourSummary(['x'.repeat(300)]);
		expect(summary).toHaveLength(240);
		expect(summary.endsWith('…')).toBe(true);
	});

	it('cuts after a whole behaviour, or a whole word, never in the middle of a word', () => {
		const behaviours = Array.from(
			{ length: 12 },
			(_, i) => `We explain decisions openly, including reason ${i}`
		);
		const summary = behaviourSummary(behaviours);
		expect(summary.length).toBeLessThanOrEqual(240);
		expect(summary.endsWith(' …')).toBe(true);
		const kept = summary.slice(0, -2).split(' · ');
		expect(kept.every((b, i) => b === behaviours[i])).toBe(true);

		const words = behaviourSummary(['Ask '.repeat(40) + 'Samenwerkingsbereidheid '.repeat(10)]);
		expect(words.length).toBeLessThanOrEqual(240);
		const last = words.slice(0, -1).split(' ').at(-1)!;
		expect(['Ask', 'Samenwerkingsbereidheid']).toContain(last);
	});
});

describe('checkPulseAnswers', () => {
	const items = [
		{ id: 'v', kind: 'value' as const },
		{ id: 'e', kind: 'enps' as const }
	];

	it('drops NUL and bidi overrides from the open answer, keeping its lines', () => {
		const checked = checkPulseAnswers(items, {
			item_v: '4',
			item_e: '9',
			open: ' More\u0000 time\u202e\r\nfor\u2067 retros '
		});
		expect(checked).toMatchObject({ ok: true, open: 'More time\nfor retros' });
	});

	it('takes a leader statement on the agree scale', () => {
		const leaderItem = [{ id: 'l', kind: 'leader' as const }];
		expect(checkPulseAnswers(leaderItem, { item_l: '5' })).toMatchObject({ ok: true });
		expect(checkPulseAnswers(leaderItem, { item_l: '6' })).toEqual({
			ok: false,
			problems: { l: 'answer_out_of_range' }
		});
	});

	it('takes a whole score on each item’s scale, and the open answer', () => {
		const checked = checkPulseAnswers(items, {
			item_v: '4',
			item_e: '0',
			open: '  More focus \r\n'
		});
		expect(checked).toEqual({
			ok: true,
			scores: new Map([
				['v', 4],
				['e', 0]
			]),
			open: 'More focus'
		});
	});

	it('names each item that is missing or off its scale', () => {
		expect(checkPulseAnswers(items, { item_v: '6', open: 'x'.repeat(1001) })).toEqual({
			ok: false,
			problems: { v: 'answer_out_of_range', e: 'answer_required', open: 'open_too_long' }
		});
		expect(checkPulseAnswers(items, { item_v: '2.5', item_e: '-1' })).toMatchObject({
			problems: { v: 'answer_out_of_range', e: 'answer_out_of_range' }
		});
	});
});

describe('pulseResults', () => {
	const items = [
		{ id: 'v', kind: 'value' as const },
		{ id: 'e', kind: 'enps' as const }
	];
	// Five people: value 5, 4, 4, 3, 1 (3 of 5 favourable); eNPS 10, 9, 8, 6, 3 (2 − 2 = 0).
	const counts = [
		{ itemId: 'v', score: 5, n: 1 },
		{ itemId: 'v', score: 4, n: 2 },
		{ itemId: 'v', score: 3, n: 1 },
		{ itemId: 'v', score: 1, n: 1 },
		{ itemId: 'e', score: 10, n: 1 },
		{ itemId: 'e', score: 9, n: 1 },
		{ itemId: 'e', score: 8, n: 1 },
		{ itemId: 'e', score: 6, n: 1 },
		{ itemId: 'e', score: 3, n: 1 }
	];

	it('gives % favourable per statement and the eNPS', () => {
		expect(pulseResults(items, counts, 5, 5)).toEqual([
			{ itemId: 'v', kind: 'value', n: 5, favourable: 60, enps: null },
			{
				itemId: 'e',
				kind: 'enps',
				n: 5,
				favourable: null,
				enps: { n: 5, promoters: 40, passives: 20, detractors: 40, score: 0 }
			}
		]);
	});

	it('hides everything below the minimum group size, saying why', () => {
		expect(pulseResults(items, counts, 4, 5)).toEqual({
			hidden: true,
			reason: 'below_minimum',
			n: 4,
			min: 5
		});
	});
});
