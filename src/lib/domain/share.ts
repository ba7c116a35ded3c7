/**
 * Read-only links to an organisation's dashboard, for a board or works council: which parts a
 * link may show, and whether a link still opens. Pure TypeScript.
 */
import { addDays, realDay } from './period';

/** What a link may show: key figures, trend charts, the teams table, the leaders. */
export const SHARE_SECTIONS = ['figures', 'trends', 'teams', 'leaders'] as const;
export type ShareSection = (typeof SHARE_SECTIONS)[number];

export const SHARE_LIMITS = {
	label: { min: 1, max: 80 },
	/** The furthest expiry an owner may set: two years ahead. */
	maxDaysAhead: 731
} as const;

/** The sections stored as `figures,teams`, in their canonical order; unknown names dropped. */
export function sectionsOf(stored: string): ShareSection[] {
	const asked = new Set(stored.split(','));
	return SHARE_SECTIONS.filter((s) => asked.has(s));
}

export function storedSections(sections: readonly ShareSection[]): string {
	return SHARE_SECTIONS.filter((s) => sections.includes(s)).join(',');
}

/**
 * Whether a link opens on `today` (`YYYY-MM-DD`, UTC): not revoked, and not past its last day
 * (`expiresOn` is included). Whoever holds a link that does not open learns nothing more than
 * whoever guessed one: the same 404 (src/routes/s/[token]).
 */
export function shareLinkOpens(
	link: { revokedAt: Date | null; expiresOn: string | null },
	today: string
): boolean {
	if (link.revokedAt) return false;
	return link.expiresOn === null || link.expiresOn >= today;
}

export type ExpiryRefusal = 'invalid' | 'too_small' | 'too_big';

/**
 * An expiry typed into the form: empty is none; otherwise a real day from today up to
 * `SHARE_LIMITS.maxDaysAhead` ahead.
 */
export function checkExpiry(
	value: string,
	today: string
): { ok: true; expiresOn: string | null } | { ok: false; refusal: ExpiryRefusal } {
	const typed = value.trim();
	if (typed === '') return { ok: true, expiresOn: null };
	const day = realDay(typed);
	if (!day) return { ok: false, refusal: 'invalid' };
	if (day < today) return { ok: false, refusal: 'too_small' };
	if (day > addDays(today, SHARE_LIMITS.maxDaysAhead)) return { ok: false, refusal: 'too_big' };
	return { ok: true, expiresOn: day };
}
