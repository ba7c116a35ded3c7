import { describe, expect, it } from 'vitest';
import type { ActivityConfig } from '../domain/workshop';
import { answersToSend, budgetOf, step, valuesFromFields } from './budget';

const dots: ActivityConfig = { kind: 'dot_vote', lens: 'strategic', dots: 5, valueIds: ['a', 'b'] };
const allocate: ActivityConfig = { kind: 'allocate', lens: 'strategic', valueIds: ['a', 'b'] };
const rate: ActivityConfig = { kind: 'rate', lenses: ['current'], scale: '0-10', valueIds: ['a'] };

describe('budgetOf', () => {
	it('counts dots left, refusing none and too many', () => {
		expect(budgetOf(dots, {})).toMatchObject({ left: 5, ready: false, problem: 'empty' });
		expect(budgetOf(dots, { a: 2, b: 3 })).toMatchObject({ left: 0, ready: true, problem: null });
		expect(budgetOf(dots, { a: 4, b: 3 })).toMatchObject({
			left: -2,
			ready: false,
			problem: 'over_budget'
		});
	});

	it('wants points to add up to exactly 100', () => {
		expect(budgetOf(allocate, { a: 60, b: 30 })).toMatchObject({ left: 10, ready: false });
		expect(budgetOf(allocate, { a: 60, b: 50 })).toMatchObject({ left: -10, ready: false });
		expect(budgetOf(allocate, { a: 60, b: 40 })).toMatchObject({ left: 0, ready: true });
	});

	it('has nothing to say about ratings', () => {
		expect(budgetOf(rate, { a: 3 })).toBeNull();
	});
});

describe('answersToSend', () => {
	it('leaves out dots and points of zero, but keeps a rating of zero', () => {
		expect(answersToSend(dots, { a: 0, b: 2 })).toEqual({ b: 2 });
		expect(answersToSend(allocate, { a: 100, b: 0 })).toEqual({ a: 100 });
		expect(answersToSend(rate, { a: 0 })).toEqual({ a: 0 });
	});
});

describe('step', () => {
	it('stays between 0 and the maximum', () => {
		expect(step(0, -1, 5)).toBe(0);
		expect(step(4, 5, 5)).toBe(5);
		expect(step(undefined, 5, 100)).toBe(5);
		expect(step(Number.NaN, 1, 5)).toBe(1);
	});
});

describe('valuesFromFields', () => {
	it('reads back the whole numbers a refused form held', () => {
		expect(
			valuesFromFields({ 'a:x:current': '3', 'a:y:current': ' ', 'a:z:current': '2.5', other: '1' })
		).toEqual({
			'x:current': 3
		});
		expect(valuesFromFields(undefined)).toEqual({});
	});
});
