import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json' with { type: 'json' };
import nl from '../../messages/nl.json' with { type: 'json' };
import {
	present_dots,
	room_upvote_count,
	follow_board_upvotes,
	console_upvotes,
	texts_support,
	workshop_summary_dots
} from '$lib/paraglide/messages';

/** Texts of every message of a catalogue, plural forms included. */
function texts(catalogue: Record<string, unknown>): [string, string][] {
	return Object.entries(catalogue).flatMap(([key, value]) =>
		typeof value === 'string'
			? [[key, value] as [string, string]]
			: (value as { match: Record<string, string> }[]).flatMap((v) =>
					Object.values(v.match).map((text) => [key, text] as [string, string])
				)
	);
}

describe('wording', () => {
	it('counts in the right plural form', () => {
		expect(present_dots({ count: 1, n: '1' }, { locale: 'en' })).toBe('1 dot');
		expect(present_dots({ count: 2, n: '2' }, { locale: 'en' })).toBe('2 dots');
		expect(present_dots({ count: 1, n: '1' }, { locale: 'nl' })).toBe('1 stip');
		expect(present_dots({ count: 0, n: '0' }, { locale: 'nl' })).toBe('0 stippen');
		expect(workshop_summary_dots({ count: 1 }, { locale: 'en' })).toBe('1 dot each');
		expect(workshop_summary_dots({ count: 3 }, { locale: 'en' })).toBe('3 dots each');
	});

	it('names support for a card or post with one word per language, everywhere', () => {
		// Staff console, phones, the texts on the report, the board: the same words.
		for (const locale of ['en', 'nl'] as const) {
			const counts = [
				room_upvote_count({ count: 2 }, { locale }),
				follow_board_upvotes({ count: 2 }, { locale }),
				console_upvotes({ n: 2 }, { locale }),
				texts_support({ count: 2 }, { locale })
			];
			expect(new Set(counts).size).toBe(1);
		}
		expect(texts(en).filter(([, text]) => /upvot/i.test(text))).toEqual([]);
		// Dutch says "steun"; "stemmen" is for votes on values, never for support of a post.
		const support = (key: string) => /upvote|support|board_lead|outsider_hint/.test(key);
		expect(texts(nl).filter(([key, text]) => support(key) && /\bstem(men)?\b/i.test(text))).toEqual(
			[]
		);
	});
});
