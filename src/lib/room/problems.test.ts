import { describe, expect, it } from 'vitest';
import { LIVE_ERRORS } from '../server/live/errors';
import { problemText, type ProblemCode } from './problems';

const own: ProblemCode[] = [
	'offline',
	'unknown',
	'malformed_code',
	'card_empty',
	'card_too_long',
	'too_many_cards',
	'unknown_card',
	'own_card',
	'not_confirmed',
	'not_leader',
	'value_required',
	'action_required',
	'action_too_long',
	'signal_required',
	'signal_too_long',
	'due_invalid'
];

describe('problemText', () => {
	it('has a sentence for every refusal, the live ones included', () => {
		for (const code of [...(Object.keys(LIVE_ERRORS) as ProblemCode[]), ...own]) {
			const text = problemText({ code, limit: 7, retryAfter: 3 });
			expect(text, code).toMatch(/\w{3}/);
			expect(text, code).not.toMatch(/[{}]/);
		}
	});

	it('tells the limit that was broken', () => {
		expect(problemText({ code: 'over_budget', limit: 5 })).toContain('5');
		expect(problemText({ code: 'card_too_long', limit: 280 })).toContain('280');
		expect(problemText({ code: 'rate_limited', retryAfter: 12 })).toContain('12');
	});
});
