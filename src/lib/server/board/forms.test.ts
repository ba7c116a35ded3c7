import { describe, expect, it } from 'vitest';
import { BOARD_STATUSES, inBoardFilter } from '../../domain/board';
import { boardFilter, PostForm, TriageForm } from './forms';

describe('board forms', () => {
	it('store posts and answers without NUL or bidi overrides, lines kept', () => {
		expect(PostForm.parse({ text: ' Fewer\u0000 meetings\u202e\r\nplease\u2066 ' })).toEqual({
			text: 'Fewer meetings\nplease'
		});
		expect(
			TriageForm.parse({ postId: 'p', status: 'heard', answer: 'We\u202e hear\u0000 you' })
		).toMatchObject({ answer: 'We hear you' });
	});

	it('refuse a post of nothing but hidden characters', () => {
		expect(PostForm.safeParse({ text: '\u202e\u0000\u200b' }).success).toBe(false);
	});
});

describe('the board filter', () => {
	it('reads the status (or "open": all but done) and the period posted in, ignoring the unknown', () => {
		expect(boardFilter(new URLSearchParams('status=open&posted=quarter'))).toEqual({
			status: 'open',
			posted: 'quarter'
		});
		expect(boardFilter(new URLSearchParams('status=done'))).toEqual({
			status: 'done',
			posted: undefined
		});
		expect(boardFilter(new URLSearchParams('status=closed&posted=week'))).toEqual({
			status: undefined,
			posted: undefined
		});
	});

	it('puts new, heard and acting under "open", and done apart', () => {
		expect(BOARD_STATUSES.filter((s) => inBoardFilter(s, 'open'))).toEqual([
			'new',
			'heard',
			'acting'
		]);
		expect(BOARD_STATUSES.filter((s) => inBoardFilter(s, 'done'))).toEqual(['done']);
		expect(BOARD_STATUSES.filter((s) => inBoardFilter(s, undefined))).toEqual([...BOARD_STATUSES]);
	});
});
