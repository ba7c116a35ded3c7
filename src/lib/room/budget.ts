/**
 * Dots and points: what a participant has left to spend, checked as they type, before the
 * server checks it again (checkAnswers in domain/workshop.ts has the last word).
 */
import { KINDS } from '../domain/activity-kinds';
import { LIMITS, type ActivityConfig } from '../domain/workshop';

export interface Budget {
	/** Dots to spend, or the points an allocation must add up to. */
	budget: number;
	spent: number;
	/** Negative when over budget. */
	left: number;
	/** Whether the answers may be sent: some dots within budget, or points exactly at the total. */
	ready: boolean;
	problem: 'empty' | 'over_budget' | 'wrong_total' | null;
}

export function spentOf(values: Record<string, number>): number {
	let sum = 0;
	for (const v of Object.values(values)) if (Number.isFinite(v)) sum += v;
	return sum;
}

export function budgetOf(config: ActivityConfig, values: Record<string, number>): Budget | null {
	const spent = spentOf(values);
	if (config.kind === 'dot_vote') {
		const problem = spent > config.dots ? 'over_budget' : spent === 0 ? 'empty' : null;
		return { budget: config.dots, spent, left: config.dots - spent, ready: !problem, problem };
	}
	if (config.kind === 'allocate') {
		const budget = LIMITS.allocateTotal;
		const ready = spent === budget;
		return { budget, spent, left: budget - spent, ready, problem: ready ? null : 'wrong_total' };
	}
	return null;
}

/**
 * The answers to send for a voting activity: dots and points of zero are left out (the whole
 * set replaces what was stored, so a value taken back to zero disappears); a rating of 0 is a
 * real answer on a 0–10 scale and stays.
 */
export function answersToSend(
	config: ActivityConfig,
	values: Record<string, number>
): Record<string, number> {
	if (!KINDS[config.kind].spendsBudget) return { ...values };
	const answers: Record<string, number> = {};
	for (const [itemId, v] of Object.entries(values)) if (v !== 0) answers[itemId] = v;
	return answers;
}

/** A stepper's next value, kept between 0 and `max`. */
export function step(value: number | undefined, by: number, max: number): number {
	const current = Number.isFinite(value) ? (value as number) : 0;
	return Math.min(max, Math.max(0, current + by));
}

/** The answers a refused no-JavaScript form held (`a:<itemId>` → text), to show them again. */
export function valuesFromFields(
	fields: Record<string, string> | undefined
): Record<string, number> {
	const values: Record<string, number> = {};
	for (const [key, text] of Object.entries(fields ?? {})) {
		const n = Number(text);
		if (key.startsWith('a:') && text.trim() !== '' && Number.isInteger(n)) values[key.slice(2)] = n;
	}
	return values;
}
