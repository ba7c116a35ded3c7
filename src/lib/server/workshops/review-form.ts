/**
 * The review form of a workshop (routes/…/workshops/[workshopId]/review): one row of fields per
 * proposal, named after the proposal's key. Every field has a server-side limit: decisions and
 * destinations from their enums, words within the culture map's text limit, a value id as long
 * as an id can be (whether it is the team's is checked when writing), and a bounded number of
 * rows.
 */
import { z } from 'zod';
import { LENSES, LIMITS, tidy } from '../../domain/culture';
import { DESTINATIONS, type Decision } from '../../domain/review';

/** Proposals shown (and accepted) per page: keeps 1,000 cards usable. */
export const REVIEW_PAGE = 100;

export const REVIEW_CHOICES = ['accept', 'reject', 'later'] as const;
export type ReviewChoice = (typeof REVIEW_CHOICES)[number];

const Row = z.object({
	key: z.string().min(1).max(200),
	choice: z.enum(REVIEW_CHOICES),
	destination: z.enum(DESTINATIONS),
	text: z.string().transform(tidy).pipe(z.string().max(LIMITS.text.max)),
	valueId: z
		.string()
		.max(64)
		.transform((v) => (v === '' ? null : v)),
	lens: z.enum(LENSES)
});

/** What a row of the form sent, as typed (for the form to come back filled in). */
export type TypedRow = Record<'choice' | 'destination' | 'text' | 'valueId' | 'lens', string>;

export type ParsedReview =
	| { ok: true; decisions: Decision[]; typed: Record<string, TypedRow> }
	| { ok: false; invalid: string[]; typed: Record<string, TypedRow> };

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** The decisions of a submitted review form; rows left for later are not decisions. */
export function parseReviewForm(form: FormData): ParsedReview {
	const keys = form.getAll('key').filter((k): k is string => typeof k === 'string');
	const typed: Record<string, TypedRow> = {};
	const invalid: string[] = [];
	const decisions: Decision[] = [];
	if (keys.length === 0 || keys.length > REVIEW_PAGE || new Set(keys).size !== keys.length) {
		return { ok: false, invalid: ['form'], typed };
	}
	for (const key of keys) {
		const raw = {
			key,
			choice: field(form, `choice:${key}`),
			destination: field(form, `destination:${key}`),
			text: field(form, `text:${key}`),
			valueId: field(form, `value:${key}`),
			lens: field(form, `lens:${key}`)
		};
		const { key: _key, ...rest } = raw;
		void _key;
		typed[key.slice(0, 200)] = { ...rest, text: rest.text.slice(0, LIMITS.text.max + 100) };
		const parsed = Row.safeParse(raw);
		if (!parsed.success) {
			invalid.push(key.slice(0, 200));
			continue;
		}
		const row = parsed.data;
		if (row.choice === 'later') continue;
		decisions.push({
			key: row.key,
			accept: row.choice === 'accept',
			destination: row.destination,
			text: row.text,
			valueId: row.valueId,
			lens: row.lens
		});
	}
	return invalid.length ? { ok: false, invalid, typed } : { ok: true, decisions, typed };
}
