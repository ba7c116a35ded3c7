import { describe, expect, it } from 'vitest';
import { PostForm, TriageForm } from './forms';

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
