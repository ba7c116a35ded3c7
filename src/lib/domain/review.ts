/**
 * The review of what a workshop's room wrote (issue 11): nothing reaches the culture map when a
 * workshop ends; a facilitator reviews proposals built here and accepts, edits or rejects each.
 * A proposal stands for one group the facilitator made (value cards grouped under a value) or
 * for one set of near-duplicate cards (near-duplicates.ts), never one per copy, and is
 * pre-filled from how the cards were collected: the activity's lens and target, and the value
 * they were grouped under. Pure TypeScript.
 */
import {
	ELEMENT_KINDS,
	LIMITS,
	kindHasName,
	kindNeedsValue,
	nameKey,
	tidy,
	type ElementKind,
	type Lens
} from './culture';
import { meetsMinimumGroup } from './metrics';
import { isNearDuplicate, nearDuplicateSets } from './near-duplicates';
import type { CollectTarget } from './workshop';

/**
 * Where a proposal goes: a new value, an existing value (`merge`: the value gains the lens), an
 * element of the map (behaviours, boundary, ritual, hero, signal), or nowhere.
 */
export const DESTINATIONS = ['value', 'merge', ...ELEMENT_KINDS, 'none'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export function isDestination(value: unknown): value is Destination {
	return typeof value === 'string' && (DESTINATIONS as readonly string[]).includes(value);
}

/** Whether a destination writes to a value of the team (`merge`, behaviours, boundaries). */
export function destinationNeedsValue(destination: Destination): boolean {
	if (destination === 'merge') return true;
	if (destination === 'value' || destination === 'none') return false;
	return kindNeedsValue(destination);
}

/** Whether a destination may name a value (rituals, heroes and signals may stand alone). */
export function destinationTakesValue(destination: Destination): boolean {
	return destination !== 'value' && destination !== 'none';
}

/**
 * A card's text as a short name (values, rituals, heroes, signals): whole when it fits,
 * otherwise cut at a word with an ellipsis, the full text kept beside it.
 */
export function shortName(text: string): { name: string; rest: string } {
	const clean = tidy(text);
	const max = LIMITS.name.max;
	if (clean.length <= max) return { name: clean, rest: '' };
	const cut = clean.slice(0, max - 1);
	const atWord = cut.lastIndexOf(' ');
	return { name: `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`, rest: clean };
}

export interface ReviewCard {
	id: string;
	activityId: string;
	text: string;
	hidden: boolean;
	mergedInto: string | null;
	valueId: string | null;
	/** A group card the facilitator made: its text names the cards folded into it, it is none. */
	byFacilitator?: boolean;
}

export interface ReviewActivity {
	id: string;
	/** 1-based place in the agenda. */
	number: number;
	title: string;
	lens: Lens;
	target: CollectTarget;
	/** Distinct people who wrote the cards shown (counted where the authors are). */
	people: number;
}

export interface ReviewValue {
	id: string;
	name: string;
}

export interface Proposal {
	/** Stable across visits: the activity and the first card (or the group) it stands for. */
	key: string;
	activityId: string;
	/** The value the facilitator grouped the cards under; null: not grouped. */
	groupId: string | null;
	/** The words proposed: the wording most cards used. */
	text: string;
	/** The other wordings it stands for, distinct, sorted. */
	variants: string[];
	/** Cards it stands for: the near-duplicates and the facilitator's merged duplicates. */
	cards: number;
	destination: Destination;
	valueId: string | null;
	lens: Lens;
}

export interface ActivityProposals {
	activity: ReviewActivity;
	/** Fewer people wrote than the minimum group size: nothing is proposed. */
	tooFew: { n: number; min: number } | null;
	proposals: Proposal[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The value a name stands for: the same name key, or a near-duplicate of its name. */
export function matchingValue<V extends ReviewValue>(values: readonly V[], name: string): V | null {
	const key = nameKey(name);
	return (
		values.find((v) => nameKey(v.name) === key) ??
		values.find((v) => isNearDuplicate(v.name, name)) ??
		null
	);
}

/** The wording most cards used; ties go to the shorter, then alphabetically first. */
function commonWording(texts: readonly string[]): string {
	const counts = new Map<string, number>();
	for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
	return [...counts].sort(([a, x], [b, y]) => y - x || a.length - b.length || byText(a, b))[0][0];
}

/** The proposals of a workshop's collect activities (see the module comment). */
export function buildProposals(input: {
	activities: readonly ReviewActivity[];
	cards: readonly ReviewCard[];
	values: readonly ReviewValue[];
	minGroup: number;
}): ActivityProposals[] {
	const values = new Map(input.values.map((v) => [v.id, v]));
	const order = new Map(input.values.map((v, i) => [v.id, i]));
	const byId = new Map(input.cards.map((c) => [c.id, c]));
	const standingOf = (card: ReviewCard) => {
		const target = card.mergedInto ? byId.get(card.mergedInto) : undefined;
		return target && !target.mergedInto ? target : card;
	};
	return input.activities.map((activity) => {
		const shown = input.cards.filter(
			(c) => c.activityId === activity.id && !c.hidden && !standingOf(c).hidden
		);
		if (shown.length === 0) return { activity, tooFew: null, proposals: [] };
		if (!meetsMinimumGroup(activity.people, input.minGroup)) {
			return { activity, tooFew: { n: activity.people, min: input.minGroup }, proposals: [] };
		}
		// Each standing card with the texts folded into it by the facilitator.
		const texts = new Map<string, string[]>();
		for (const card of shown) {
			if (card.byFacilitator) continue;
			const into = standingOf(card);
			texts.set(into.id, [...(texts.get(into.id) ?? []), tidy(card.text)]);
		}
		const groups = new Map<string | null, ReviewCard[]>();
		for (const card of shown) {
			if (standingOf(card) !== card || tidy(card.text) === '') continue;
			const group = card.valueId && values.has(card.valueId) ? card.valueId : null;
			groups.set(group, [...(groups.get(group) ?? []), card]);
		}
		const proposals: Proposal[] = [];
		const propose = (groupId: string | null, members: readonly ReviewCard[], key: string) => {
			const all = members.flatMap((c) => texts.get(c.id) ?? []);
			const text = commonWording(members.map((c) => tidy(c.text)));
			const variants = [...new Set(all)].filter((t) => t !== text).sort(byText);
			const base = {
				key,
				activityId: activity.id,
				groupId,
				cards: all.length,
				lens: activity.lens
			};
			if (activity.target === 'value') {
				const match = groupId ? values.get(groupId)! : matchingValue(input.values, text);
				if (match) {
					const others = [...new Set([text, ...variants])].filter((t) => t !== match.name);
					return proposals.push({
						...base,
						text: match.name,
						variants: others.sort(byText),
						destination: 'merge',
						valueId: match.id
					});
				}
				return proposals.push({ ...base, text, variants, destination: 'value', valueId: null });
			}
			proposals.push({
				...base,
				text,
				variants,
				destination: activity.target,
				valueId: groupId
			});
		};
		for (const [groupId, members] of groups) {
			const ids = (list: readonly ReviewCard[]) => list.map((c) => c.id).sort();
			if (activity.target === 'value' && groupId) {
				// Value cards grouped under a value are that value, named another way: one merge.
				propose(groupId, members, `${activity.id}:group:${groupId}`);
				continue;
			}
			const sets = nearDuplicateSets(members);
			const inSet = new Set(sets.flat());
			const memberById = new Map(members.map((c) => [c.id, c]));
			for (const set of sets) {
				propose(
					groupId,
					set.map((id) => memberById.get(id)!),
					`${activity.id}:${set[0]}`
				);
			}
			for (const id of ids(members)) {
				if (!inSet.has(id)) propose(groupId, [memberById.get(id)!], `${activity.id}:${id}`);
			}
		}
		proposals.sort((a, b) => {
			if (a.groupId !== b.groupId) {
				if (a.groupId === null || b.groupId === null) return a.groupId === null ? 1 : -1;
				return order.get(a.groupId)! - order.get(b.groupId)!;
			}
			return b.cards - a.cards || byText(a.text, b.text);
		});
		return { activity, tooFew: null, proposals };
	});
}

/** A facilitator's decision on one proposal, as the review form sends it. */
export interface Decision {
	key: string;
	accept: boolean;
	destination: Destination;
	text: string;
	valueId: string | null;
	lens: Lens;
}

export type DecisionProblem = 'text_required' | 'value_required' | 'value_unknown';

/**
 * Why an accepted decision cannot be written, or null: words are needed except to merge, a
 * value where the destination needs one, and only a value of this team (`teamValues`).
 */
export function decisionProblem(
	decision: Decision,
	teamValues: ReadonlySet<string>
): DecisionProblem | null {
	if (!decision.accept || decision.destination === 'none') return null;
	if (decision.valueId !== null && !teamValues.has(decision.valueId)) return 'value_unknown';
	if (destinationNeedsValue(decision.destination) && decision.valueId === null) {
		return 'value_required';
	}
	if (decision.destination !== 'merge' && tidy(decision.text) === '') return 'text_required';
	return null;
}

/** What an accepted decision writes: a value, a lens on a value, an element, or nothing. */
export type Write =
	| { kind: 'value'; name: string; meaning: string; lens: Lens }
	| { kind: 'lens'; valueId: string; lens: Lens }
	| {
			kind: 'element';
			element: ElementKind;
			valueId: string | null;
			lens: Lens;
			name: string | null;
			text: string;
	  }
	| { kind: 'nothing' };

/** The write of a valid accepted decision (check `decisionProblem` first). */
export function writeOf(decision: Decision): Write {
	const { destination, lens } = decision;
	if (!decision.accept || destination === 'none') return { kind: 'nothing' };
	if (destination === 'merge') return { kind: 'lens', valueId: decision.valueId!, lens };
	if (destination === 'value') {
		const { name, rest } = shortName(decision.text);
		return { kind: 'value', name, meaning: rest, lens };
	}
	const valueId = destinationTakesValue(destination) ? decision.valueId : null;
	if (kindHasName(destination)) {
		const { name, rest } = shortName(decision.text);
		return { kind: 'element', element: destination, valueId, lens, name, text: rest };
	}
	return {
		kind: 'element',
		element: destination,
		valueId,
		lens,
		name: null,
		text: tidy(decision.text).slice(0, LIMITS.text.max)
	};
}
