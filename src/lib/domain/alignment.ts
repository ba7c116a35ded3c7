/**
 * Step 4 of the method, align every aspect: a matrix of the team's touchpoints (website,
 * recruiting, onboarding, ...) × its strategic values, each cell judged aligned, partly or
 * conflicting, with a note. Every judgement is kept; the latest one is the cell's state.
 */
import type { TemplateLocale } from './templates';

export const ALIGNMENT_RATINGS = ['aligned', 'partly', 'conflicting'] as const;
export type AlignmentRating = (typeof ALIGNMENT_RATINGS)[number];

export const ALIGNMENT_LIMITS = {
	touchpoint: { min: 1, max: 80 },
	note: { max: 500 },
	touchpoints: { max: 40 },
	history: 30
} as const;

/** The touchpoints the method names, offered to a team that has none yet. */
export const DEFAULT_TOUCHPOINTS: Record<TemplateLocale, string[]> = {
	en: [
		'Website',
		'Recruiting',
		'Onboarding',
		'Training',
		'Meetings',
		'Communication',
		'Policy',
		'Rewards',
		'Attitude of leaders'
	],
	nl: [
		'Website',
		'Werving',
		'Onboarding',
		'Training',
		'Overleg',
		'Communicatie',
		'Beleid',
		'Beloning',
		'Houding van leidinggevenden'
	]
};

export interface Cell {
	touchpointId: string;
	valueId: string;
	rating: AlignmentRating;
}

/** How the matrix stands: cells per rating, and the share of judged cells that are aligned. */
export function alignmentSummary(cells: readonly Cell[], size: number) {
	const counts = { aligned: 0, partly: 0, conflicting: 0 };
	for (const cell of cells) counts[cell.rating]++;
	const judged = counts.aligned + counts.partly + counts.conflicting;
	return {
		...counts,
		judged,
		unjudged: Math.max(0, size - judged),
		alignedShare: judged === 0 ? null : (counts.aligned * 100) / judged
	};
}
