/**
 * What the exports contain: the aggregates a results page shows, and every answer with the
 * participant replaced by an alias. Pure functions; the endpoint reads and sends.
 */
import { KINDS } from '../../domain/activity-kinds';
import type { Lens } from '../../domain/culture';
import { meetsMinimumGroup } from '../../domain/metrics';
import type { Cell } from './csv';
import type { AnswerRow, ValueFacts, VotingActivity } from './queries';
import type { Results } from './report';
import type { WorkshopTexts } from './texts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const EXPORT_KINDS = ['aggregates', 'answers', 'texts'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Numbers in files: 6 decimals at most, so 7/3 is 2.333333 and 2.5 stays 2.5. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Header and rows of the aggregates, one row per shown rated item and per voted value. */
export function aggregateTable(results: Results): { header: string[]; rows: Cell[][] } {
	const maxScore = Math.max(0, ...results.ratings.map((s) => s.scores.at(-1)!));
	const minScore = Math.min(maxScore, ...results.ratings.map((s) => s.scores[0]));
	const scores = Array.from({ length: maxScore - minScore + 1 }, (_, i) => minScore + i);
	const header = [
		'kind',
		'value',
		'lens',
		'scale',
		'answers',
		'mean',
		'median',
		'sd',
		'agreement_pct',
		'van_der_eijk_a',
		'polarised',
		'majority',
		...(results.ratings.length > 0 ? scores.map((s) => `count_${s}`) : []),
		'people',
		'votes',
		'share_pct',
		'limiting'
	];
	const rows: Cell[][] = [];
	for (const section of results.ratings) {
		for (const value of section.values) {
			for (const lens of section.lenses) {
				const item = value.byLens[lens];
				if (!item?.stats) continue;
				const s = item.stats;
				const counts = scores.map((score) => {
					const at = section.scores.indexOf(score);
					return at < 0 ? null : item.counts[at];
				});
				rows.push([
					'rating',
					value.name,
					lens,
					section.scale,
					s.n,
					round(s.mean),
					s.median,
					round(s.sd),
					round(s.agreement),
					round(s.a),
					s.polarised,
					item.majority,
					...counts,
					null,
					null,
					null,
					null
				]);
			}
		}
	}
	// Votes leave the rating columns (scale … counts) empty.
	const empty = header.length - 3 - 4;
	for (const lens of results.votes) {
		for (const v of lens.values ?? []) {
			rows.push([
				'votes',
				v.name,
				lens.lens,
				...Array.from({ length: empty }, () => null),
				lens.respondents,
				round(v.votes),
				round(v.share),
				v.limiting
			]);
		}
	}
	return { header, rows };
}

/** The aggregates as JSON: what the page shows, with the minimum group size applied. */
export function aggregateJson(
	workshop: { id: string; title: string },
	results: Results
): Record<string, unknown> {
	return {
		workshop,
		respondents: results.respondents,
		minGroupSize: results.min,
		ratings: results.ratings,
		votes: results.votes,
		tops: results.tops,
		alignments: results.alignments,
		distances: results.distances,
		jumps: results.jumps
	};
}

/**
 * A random alias per participant, fresh for every export: the ids are shuffled (Fisher–Yates
 * with the given random source) and numbered P001, P002, … Nothing about the id, the order of
 * joining or the nickname survives, and two exports cannot be joined on the alias.
 */
export function aliases(
	participantIds: Iterable<string>,
	random: () => number = secureRandom
): Map<string, string> {
	const ids = [...new Set(participantIds)];
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	const width = Math.max(3, String(ids.length).length);
	return new Map(ids.map((id, i) => [id, `P${String(i + 1).padStart(width, '0')}`]));
}

function secureRandom(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}

export interface AnonymousAnswer {
	respondent: string;
	activity: number;
	activityTitle: string;
	kind: VotingActivity['kind'];
	value: string;
	lens: Lens | null;
	score: number;
}

/**
 * Every answer to the activities that enough people answered, with an alias for the person;
 * an activity answered by fewer than `minGroup` people is left out whole.
 */
export function anonymousAnswers(
	answers: AnswerRow[],
	activities: VotingActivity[],
	respondents: Map<string, number>,
	values: ValueFacts[],
	minGroup: number,
	random?: () => number
): AnonymousAnswer[] {
	const included = new Map(
		activities
			.filter((a) => meetsMinimumGroup(respondents.get(a.id) ?? 0, minGroup))
			.map((a) => [a.id, a])
	);
	const rows = answers.filter((a) => included.has(a.activityId));
	const alias = aliases(
		rows.map((r) => r.participantId),
		random
	);
	const names = new Map(values.map((v) => [v.id, v]));
	return rows
		.map((r) => {
			const activity = included.get(r.activityId)!;
			return {
				respondent: alias.get(r.participantId)!,
				activity: activity.position + 1,
				activityTitle: activity.title,
				kind: activity.kind,
				value: (r.valueId && names.get(r.valueId)?.name) || '',
				lens: r.lens,
				score: r.score,
				order: r.valueId ? (names.get(r.valueId)?.position ?? 0) : 0
			};
		})
		.sort(
			(a, b) =>
				a.respondent.localeCompare(b.respondent) ||
				a.activity - b.activity ||
				a.order - b.order ||
				String(a.lens).localeCompare(String(b.lens))
		)
		.map(({ order: _order, ...row }) => row);
}

export const ANSWER_HEADER = [
	'respondent',
	'activity',
	'activity_title',
	'kind',
	'value',
	'lens',
	'score'
];

export function answerCells(rows: AnonymousAnswer[]): Cell[][] {
	return rows.map((r) => [
		r.respondent,
		r.activity,
		r.activityTitle,
		r.kind,
		r.value,
		r.lens,
		r.score
	]);
}

/** A file name from the workshop's title: letters and digits only, accents dropped. */
export function exportFileName(title: string, kind: ExportKind, format: ExportFormat): string {
	const slug =
		title
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'workshop';
	return `${slug}-${kind}.${format}`;
}

export const TEXT_HEADER = [
	'activity',
	'activity_title',
	'kind',
	'group',
	'text',
	'support',
	'duplicate_of',
	'status',
	'people',
	'cards',
	'signal',
	'due_on',
	'leader'
];

/**
 * What the room wrote, one row per text (docs/metrics.md §12): each card or post shown, under
 * its group, with its support; each duplicate folded into it (`duplicate`, with the text it was
 * folded into); per activity a `withheld` row with the reason when too few wrote, and a `hidden`
 * row with how many cards the facilitator hid; a discussion's question (`prompt`); and each
 * commitment. No author, participant, nickname or time column.
 */
export function textTable(texts: WorkshopTexts): Cell[][] {
	const rows: Cell[][] = [];
	for (const a of texts.activities) {
		const head = [a.number, a.title, a.kind];
		if (!KINDS[a.kind].cardWall) {
			rows.push([...head, null, a.prompt || a.title, null, null, 'prompt', null, null]);
			continue;
		}
		if (a.tooFew) {
			const reason = `Withheld: shown when at least ${a.tooFew.min} people wrote; ${a.tooFew.n} did.`;
			rows.push([...head, null, reason, null, null, 'withheld', a.people, a.cards]);
		}
		for (const group of a.groups) {
			for (const card of group.cards) {
				rows.push([...head, group.name, card.text, card.support, null, 'shown', null, null]);
				for (const duplicate of card.duplicates) {
					rows.push([...head, group.name, duplicate, null, card.text, 'duplicate', null, null]);
				}
			}
		}
		if (a.hidden > 0) rows.push([...head, null, null, null, null, 'hidden', null, a.hidden]);
	}
	for (const c of texts.commitments) {
		rows.push([
			null,
			null,
			'commitment',
			c.valueName,
			c.action,
			null,
			null,
			c.status,
			null,
			null,
			c.signal,
			c.dueOn,
			c.leaderName
		]);
	}
	return rows.map((row) => [
		...row,
		...Array.from({ length: TEXT_HEADER.length - row.length }, (): Cell => null)
	]);
}

/** The texts as JSON: the same as the page shows, withheld activities with their reason. */
export function textJson(
	workshop: { id: string; title: string },
	texts: WorkshopTexts
): Record<string, unknown> {
	return {
		workshop,
		minGroupSize: texts.min,
		activities: texts.activities.map((a) => ({
			activity: a.number,
			title: a.title,
			kind: a.kind,
			prompt: a.prompt,
			lens: a.lens,
			target: a.target,
			people: a.people,
			cards: a.cards,
			hidden: a.hidden,
			withheld: a.tooFew
				? {
						reason: 'below_minimum',
						people: a.tooFew.n,
						min: a.tooFew.min
					}
				: null,
			groups: a.groups.map((g) => ({ value: g.name, cards: g.cards }))
		})),
		commitments: texts.commitments.map(({ id: _id, ...c }) => c)
	};
}
