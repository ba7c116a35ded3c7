/**
 * What a workshop's room wrote, for staff after it ends: every card of its collect activities
 * under the group (value) the facilitator put it in, every outsider-voice post with the support
 * it had in the room, the facilitator's merges, the discussions held and the leaders'
 * commitments. Under the minimum group size rule (docs/metrics.md §10): the texts of an activity
 * that fewer than the minimum of distinct people wrote are withheld, with the reason.
 *
 * No author ever leaves SQL: the people behind an activity are counted there, and the cards are
 * read without participant id or time, then ordered by group and support and alphabetically, so
 * their order says nothing about who wrote first.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { has, kindsWith, type KindsWith } from '../../domain/activity-kinds';
import type { CollectTarget } from '../../domain/workshop';
import type { Lens } from '../../domain/culture';
import { meetsMinimumGroup } from '../../domain/metrics';
import type { Database } from '../db';
import { activities, cards, cultureValues } from '../db/schema';
import { listWorkshopCommitments } from '../workshops/staff';
import type { TooFew } from './report';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const TEXT_KINDS = kindsWith('written');
export type TextActivityKind = KindsWith<'written'>;

export interface TextCard {
	text: string;
	/** Distinct people who supported an outsider post (its merged duplicates' too); null for a card. */
	support: number | null;
	/** The texts the facilitator folded into this one as duplicates, alphabetically. */
	duplicates: string[];
}

export interface TextGroup {
	/** The value the facilitator grouped the cards under; null: not grouped. */
	valueId: string | null;
	name: string | null;
	cards: TextCard[];
}

export interface ActivityTexts {
	id: string;
	/** 1-based place in the agenda. */
	number: number;
	kind: TextActivityKind;
	title: string;
	prompt: string;
	/** What a collect activity gathered, and under which lens. */
	lens: Lens | null;
	target: CollectTarget | null;
	/** Distinct people who wrote the cards shown (duplicates included, hidden ones not). */
	people: number;
	/** Cards shown, duplicates included. */
	cards: number;
	/** Cards the facilitator hid from the room (never shown here). */
	hidden: number;
	/** Fewer people wrote than the minimum: `groups` is empty. */
	tooFew: TooFew | null;
	groups: TextGroup[];
}

export interface WorkshopCommitment {
	id: string;
	valueName: string;
	leaderName: string;
	action: string;
	signal: string;
	dueOn: string;
	status: 'open' | 'done' | 'dropped';
}

export interface WorkshopTexts {
	min: number;
	activities: ActivityTexts[];
	/** Leaders' commitments are signed promises, shown with the leader's name as on the report. */
	commitments: WorkshopCommitment[];
}

/** A card as read for this page: no author, no time. */
export interface CardRow {
	id: string;
	activityId: string;
	text: string;
	hidden: boolean;
	mergedInto: string | null;
	valueId: string | null;
	/** A group card the facilitator made (a suggested group accepted): its text is a name. */
	byFacilitator: boolean;
}

export interface TextsInput {
	activities: {
		id: string;
		position: number;
		kind: TextActivityKind;
		title: string;
		prompt: string;
		lens: Lens | null;
		target: CollectTarget | null;
	}[];
	cards: CardRow[];
	/** Distinct authors of the shown cards, per activity (counted in SQL). */
	people: Map<string, number>;
	/** Distinct supporters per standing outsider card (its duplicates' included). */
	support: Map<string, number>;
	/** Names and map order of the values cards were grouped under. */
	values: { id: string; name: string; position: number }[];
	minGroup: number;
	commitments: WorkshopCommitment[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The texts of a workshop from what was read (pure; see the module comment). */
export function buildTexts(input: TextsInput): WorkshopTexts {
	const values = new Map(input.values.map((v) => [v.id, v]));
	const byId = new Map(input.cards.map((c) => [c.id, c]));
	const standingOf = (card: CardRow) => {
		const target = card.mergedInto ? byId.get(card.mergedInto) : undefined;
		return target && !target.mergedInto ? target : card;
	};
	const result: ActivityTexts[] = [];
	for (const activity of input.activities) {
		const own = input.cards.filter((c) => c.activityId === activity.id);
		const shown = own.filter((c) => !c.hidden && !standingOf(c).hidden);
		const people = input.people.get(activity.id) ?? 0;
		const base = {
			id: activity.id,
			number: activity.position + 1,
			kind: activity.kind,
			title: activity.title,
			prompt: activity.prompt,
			lens: activity.lens,
			target: activity.target,
			people,
			cards: shown.length,
			hidden: own.length - shown.length
		};
		if (!has(activity.kind, 'cardWall') || shown.length === 0) {
			result.push({ ...base, tooFew: null, groups: [] });
			continue;
		}
		if (!meetsMinimumGroup(people, input.minGroup)) {
			result.push({ ...base, tooFew: { n: people, min: input.minGroup }, groups: [] });
			continue;
		}
		const standing = shown.filter((c) => standingOf(c) === c);
		const duplicates = new Map<string, string[]>();
		for (const c of shown) {
			const into = standingOf(c);
			if (into !== c) duplicates.set(into.id, [...(duplicates.get(into.id) ?? []), c.text]);
		}
		const groups = new Map<string | null, TextCard[]>();
		for (const c of standing) {
			const group = c.valueId && values.has(c.valueId) ? c.valueId : null;
			const list = groups.get(group) ?? [];
			list.push({
				text: c.text,
				support: has(activity.kind, 'upvotes') ? (input.support.get(c.id) ?? 0) : null,
				duplicates: (duplicates.get(c.id) ?? []).sort(byText)
			});
			groups.set(group, list);
		}
		const ordered = [...groups]
			.map(([valueId, list]) => ({
				valueId,
				name: valueId ? values.get(valueId)!.name : null,
				cards: list.sort((a, b) => (b.support ?? 0) - (a.support ?? 0) || byText(a.text, b.text))
			}))
			.sort((a, b) => {
				if (a.valueId === null || b.valueId === null) return a.valueId === null ? 1 : -1;
				return (
					values.get(a.valueId)!.position - values.get(b.valueId)!.position ||
					byText(a.name ?? '', b.name ?? '')
				);
			});
		result.push({ ...base, tooFew: null, groups: ordered });
	}
	return { min: input.minGroup, activities: result, commitments: input.commitments };
}

/** Reads a workshop's texts and builds them (see the module comment). */
export async function loadWorkshopTexts(
	db: Database,
	workshop: { id: string; teamId: string },
	minGroup: number
): Promise<WorkshopTexts> {
	const rows = await db
		.select({
			id: activities.id,
			position: activities.position,
			kind: activities.kind,
			title: activities.title,
			prompt: activities.prompt,
			config: activities.config
		})
		.from(activities)
		.where(and(eq(activities.workshopId, workshop.id), inArray(activities.kind, TEXT_KINDS)))
		.orderBy(asc(activities.position));
	const textActivities = rows.map((a) => ({
		id: a.id,
		position: a.position,
		kind: a.kind as TextActivityKind,
		title: a.title,
		prompt: a.prompt,
		lens: a.config.kind === 'collect' ? a.config.lens : null,
		target: a.config.kind === 'collect' ? a.config.target : null
	}));
	const ids = textActivities.filter((a) => has(a.kind, 'cardWall')).map((a) => a.id);
	const [cardRows, people, support, commitments] = await Promise.all([
		listCardTexts(db, ids),
		countCardAuthors(db, ids),
		countSupport(db, ids),
		listWorkshopCommitments(db, workshop.id)
	]);
	const valueIds = [...new Set(cardRows.flatMap((c) => (c.valueId ? [c.valueId] : [])))];
	const values =
		valueIds.length === 0
			? []
			: await db
					.select({
						id: cultureValues.id,
						name: cultureValues.name,
						position: cultureValues.position
					})
					.from(cultureValues)
					.where(
						and(eq(cultureValues.teamId, workshop.teamId), inArray(cultureValues.id, valueIds))
					);
	return buildTexts({
		activities: textActivities,
		cards: cardRows,
		people,
		support,
		values,
		minGroup,
		commitments
	});
}

/** The cards of the given activities: text, moderation and grouping; never the author or time. */
export async function listCardTexts(db: Database | Tx, activityIds: string[]): Promise<CardRow[]> {
	if (activityIds.length === 0) return [];
	return db
		.select({
			id: cards.id,
			activityId: cards.activityId,
			text: cards.text,
			hidden: cards.hidden,
			mergedInto: cards.mergedInto,
			valueId: cards.valueId,
			byFacilitator: sql<boolean>`${cards.participantId} is null`.mapWith(Boolean)
		})
		.from(cards)
		.where(inArray(cards.activityId, activityIds));
}

/**
 * Distinct people who wrote the cards shown, per activity: cards hidden by the facilitator, or
 * folded into a hidden card, do not count (their texts are not shown). A card without an author
 * (a group card the facilitator made) counts as nobody.
 */
export async function countCardAuthors(
	db: Database | Tx,
	activityIds: string[]
): Promise<Map<string, number>> {
	if (activityIds.length === 0) return new Map();
	const rows = await db.all<{ activityId: string; n: number }>(sql`
		select c.activity_id as activityId, count(distinct c.participant_id) as n
		from cards c left join cards t on t.id = c.merged_into
		where c.activity_id in (${sql.join(
			activityIds.map((id) => sql`${id}`),
			sql`, `
		)})
			and c.hidden = 0 and coalesce(t.hidden, 0) = 0
		group by c.activity_id`);
	return new Map(rows.map((r) => [r.activityId, Number(r.n)]));
}

/**
 * Distinct people who upvoted each standing card or one of the duplicates folded into it: one
 * person who upvoted two copies of the same post supports it once.
 */
export async function countSupport(
	db: Database | Tx,
	activityIds: string[]
): Promise<Map<string, number>> {
	if (activityIds.length === 0) return new Map();
	const rows = await db.all<{ cardId: string; n: number }>(sql`
		select coalesce(c.merged_into, c.id) as cardId, count(distinct u.participant_id) as n
		from upvotes u join cards c on c.id = u.card_id
		where c.activity_id in (${sql.join(
			activityIds.map((id) => sql`${id}`),
			sql`, `
		)})
		group by coalesce(c.merged_into, c.id)`);
	return new Map(rows.map((r) => [r.cardId, Number(r.n)]));
}
