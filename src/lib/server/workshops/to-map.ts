/**
 * What a workshop's collect activities add to the team's culture map. Visible cards that were
 * not merged into another become values or elements under the activity's lens, marked as
 * coming from this workshop and from an anonymous participant. Running it again adds nothing
 * twice: values are matched by name within the team, elements by their words within the
 * workshop.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
	LIMITS,
	kindHasName,
	kindNeedsValue,
	nameKey,
	tidy,
	type ElementKind,
	type Lens
} from '../../domain/culture';
import type { CollectTarget } from '../../domain/workshop';
import type { Database } from '../db';
import {
	activities,
	cards,
	cultureElements,
	cultureValues,
	valueLenses,
	workshops
} from '../db/schema';
import { newId } from '../ids';

export type SkipReason = 'needs_value' | 'value_gone';

export interface MapFlowReport {
	/** New values on the map. */
	values: number;
	/** Existing values that the workshop placed under one more lens. */
	lensesAdded: number;
	elements: number;
	/** Cards already on the map from an earlier run (or the same words twice). */
	unchanged: number;
	/** Cards that could not go to the map, and why. */
	skipped: { activityId: string; cardId: string; text: string; reason: SkipReason }[];
}

const provenance = (workshopId: string) =>
	({ authorKind: 'participant', authorUserId: null, source: 'workshop', workshopId }) as const;

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

/**
 * Sends the workshop's collect cards to its team's map (see the module comment). Everything is
 * read and written in one transaction, so two runs at once cannot both add the same card.
 */
export async function sendWorkshopToMap(db: Database, workshopId: string): Promise<MapFlowReport> {
	const report: MapFlowReport = {
		values: 0,
		lensesAdded: 0,
		elements: 0,
		unchanged: 0,
		skipped: []
	};
	await db.transaction(async (tx) => {
		const [workshop] = await tx
			.select({ teamId: workshops.teamId })
			.from(workshops)
			.where(eq(workshops.id, workshopId));
		if (!workshop) return;
		const teamId = workshop.teamId;

		const collects = (
			await tx
				.select({ id: activities.id, config: activities.config })
				.from(activities)
				.where(and(eq(activities.workshopId, workshopId), eq(activities.kind, 'collect')))
				.orderBy(asc(activities.position))
		).flatMap((a) =>
			a.config.kind === 'collect'
				? [{ id: a.id, lens: a.config.lens, target: a.config.target }]
				: []
		);
		if (collects.length === 0) return;

		const values = await tx
			.select({ id: cultureValues.id, nameKey: cultureValues.nameKey })
			.from(cultureValues)
			.where(eq(cultureValues.teamId, teamId));
		const valueByKey = new Map(values.map((v) => [v.nameKey, v.id]));
		const teamValues = new Set(values.map((v) => v.id));
		const lensRows = await tx
			.select({ valueId: valueLenses.valueId, lens: valueLenses.lens })
			.from(valueLenses)
			.innerJoin(cultureValues, eq(cultureValues.id, valueLenses.valueId))
			.where(eq(cultureValues.teamId, teamId));
		const inLens = new Set(lensRows.map((r) => `${r.valueId}:${r.lens}`));
		const existing = await tx
			.select({
				valueId: cultureElements.valueId,
				lens: cultureElements.lens,
				kind: cultureElements.kind,
				name: cultureElements.name,
				text: cultureElements.text
			})
			.from(cultureElements)
			.where(and(eq(cultureElements.teamId, teamId), eq(cultureElements.workshopId, workshopId)));
		const elementKey = (e: {
			valueId: string | null;
			lens: Lens;
			kind: ElementKind;
			name: string | null;
			text: string;
		}) => JSON.stringify([e.valueId, e.lens, e.kind, e.name ?? '', e.text]);
		const elementsThere = new Set(existing.map(elementKey));

		const addLens = async (valueId: string, lens: Lens) => {
			if (inLens.has(`${valueId}:${lens}`)) return false;
			await tx.insert(valueLenses).values({ valueId, lens }).onConflictDoNothing();
			inLens.add(`${valueId}:${lens}`);
			return true;
		};

		for (const activity of collects) {
			const shown = await tx
				.select({ id: cards.id, text: cards.text, valueId: cards.valueId })
				.from(cards)
				.where(
					and(eq(cards.activityId, activity.id), eq(cards.hidden, false), isNull(cards.mergedInto))
				)
				.orderBy(asc(cards.createdAt));
			for (const card of shown) {
				const grouped = card.valueId && teamValues.has(card.valueId) ? card.valueId : null;
				if (activity.target === 'value') {
					await valueFromCard(card.text, grouped, activity.lens);
				} else {
					await elementFromCard(card, grouped, activity);
				}
			}
		}

		async function valueFromCard(text: string, groupedUnder: string | null, lens: Lens) {
			const { name, rest } = shortName(text);
			if (name === '') return;
			// A value card the facilitator grouped under a value is that value, named another way.
			const known = groupedUnder ?? valueByKey.get(nameKey(name));
			if (known) {
				if (await addLens(known, lens)) report.lensesAdded++;
				else report.unchanged++;
				return;
			}
			const id = newId();
			await tx.insert(cultureValues).values({
				id,
				teamId,
				name,
				nameKey: nameKey(name),
				meaning: rest,
				position: sql`(select coalesce(max(position), -1) + 1 from culture_values where team_id = ${teamId})`,
				...provenance(workshopId)
			});
			await addLens(id, lens);
			valueByKey.set(nameKey(name), id);
			teamValues.add(id);
			report.values++;
		}

		async function elementFromCard(
			card: { id: string; text: string; valueId: string | null },
			valueId: string | null,
			activity: { id: string; lens: Lens; target: CollectTarget }
		) {
			const kind = activity.target as ElementKind;
			if (kindNeedsValue(kind) && !valueId) {
				report.skipped.push({
					activityId: activity.id,
					cardId: card.id,
					text: card.text,
					reason: card.valueId ? 'value_gone' : 'needs_value'
				});
				return;
			}
			const words = kindHasName(kind)
				? (({ name, rest }) => ({ name, text: rest }))(shortName(card.text))
				: { name: null, text: tidy(card.text) };
			if ((words.name ?? words.text) === '') return;
			const element = { valueId, lens: activity.lens, kind, ...words };
			const key = elementKey(element);
			if (elementsThere.has(key)) {
				report.unchanged++;
				return;
			}
			const group = sql`team_id = ${teamId} and lens = ${activity.lens} and kind = ${kind} and ${
				valueId ? sql`value_id = ${valueId}` : sql`value_id is null`
			}`;
			await tx.insert(cultureElements).values({
				id: newId(),
				teamId,
				...element,
				position: sql`(select coalesce(max(position), -1) + 1 from culture_elements where ${group})`,
				...provenance(workshopId)
			});
			elementsThere.add(key);
			report.elements++;
		}
	});
	return report;
}
