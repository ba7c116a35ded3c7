/**
 * The review of a workshop's cards before anything reaches the culture map (domain/review.ts
 * builds the proposals). Reading it applies the minimum group size rule of the results page;
 * writing it is one transaction: every accepted decision is checked first (a bad one writes
 * nothing), each proposal is decided once (its row in `map_review_decisions`), and a value or
 * element the map already holds is not created again.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { kindsWith } from '../../domain/activity-kinds';
import { nameKey, type Lens } from '../../domain/culture';
import { isNearDuplicate } from '../../domain/near-duplicates';
import {
	buildProposals,
	decisionProblem,
	matchingValue,
	writeOf,
	type ActivityProposals,
	type Decision,
	type DecisionProblem,
	type Destination,
	type Proposal,
	type ReviewActivity
} from '../../domain/review';
import { countCardAuthors, listCardTexts } from '../analytics/texts';
import type { Database } from '../db';
import {
	activities,
	cultureElements,
	cultureValues,
	mapReviewDecisions,
	valueLenses,
	workshops
} from '../db/schema';
import { newId } from '../ids';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface Decided {
	decision: 'accepted' | 'rejected';
	destination: Destination;
	cards: number;
	valueId: string | null;
	elementId: string | null;
}

export interface ReviewProposal extends Proposal {
	decided: Decided | null;
}

export interface Review {
	activities: (Omit<ActivityProposals, 'proposals'> & { proposals: ReviewProposal[] })[];
	/** The team's values a proposal may go to (archived ones left out). */
	values: { id: string; name: string }[];
	open: number;
	decided: number;
}

async function readProposals(db: Database | Tx, workshop: WorkshopRef, minGroup: number) {
	const rows = await db
		.select({
			id: activities.id,
			position: activities.position,
			title: activities.title,
			config: activities.config
		})
		.from(activities)
		.where(
			and(
				eq(activities.workshopId, workshop.id),
				inArray(activities.kind, kindsWith('groupsUnderValues'))
			)
		)
		.orderBy(asc(activities.position));
	const ids = rows.map((a) => a.id);
	const [cards, people, values] = await Promise.all([
		listCardTexts(db, ids),
		countCardAuthors(db, ids),
		db
			.select({ id: cultureValues.id, name: cultureValues.name })
			.from(cultureValues)
			.where(and(eq(cultureValues.teamId, workshop.teamId), isNull(cultureValues.archivedAt)))
			.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey))
	]);
	const collects: ReviewActivity[] = rows.flatMap((a) =>
		a.config.kind === 'collect'
			? [
					{
						id: a.id,
						number: a.position + 1,
						title: a.title,
						lens: a.config.lens,
						target: a.config.target,
						people: people.get(a.id) ?? 0
					}
				]
			: []
	);
	return { values, proposals: buildProposals({ activities: collects, cards, values, minGroup }) };
}

async function readDecisions(db: Database | Tx, workshopId: string) {
	const rows = await db
		.select({
			key: mapReviewDecisions.proposalKey,
			decision: mapReviewDecisions.decision,
			destination: mapReviewDecisions.destination,
			cards: mapReviewDecisions.cards,
			valueId: mapReviewDecisions.valueId,
			elementId: mapReviewDecisions.elementId
		})
		.from(mapReviewDecisions)
		.where(eq(mapReviewDecisions.workshopId, workshopId));
	return new Map(rows.map(({ key, ...decided }) => [key, decided]));
}

interface WorkshopRef {
	id: string;
	teamId: string;
}

/** The review of a workshop: its proposals, each with the decision taken on it if any. */
export async function loadReview(
	db: Database,
	workshop: WorkshopRef,
	minGroup: number
): Promise<Review> {
	const [{ values, proposals }, decisions] = await Promise.all([
		readProposals(db, workshop, minGroup),
		readDecisions(db, workshop.id)
	]);
	let open = 0;
	const list = proposals.map((a) => ({
		...a,
		proposals: a.proposals.map((p) => {
			const decided = decisions.get(p.key) ?? null;
			if (!decided) open++;
			return { ...p, decided };
		})
	}));
	return { activities: list, values, open, decided: decisions.size };
}

/** How many of a team's workshops have proposals nobody decided on yet, for the map's link. */
export async function countOpenProposals(
	db: Database,
	workshop: WorkshopRef,
	minGroup: number
): Promise<number> {
	return (await loadReview(db, workshop, minGroup)).open;
}

export type ReviewProblem = DecisionProblem | 'gone';

export interface ReviewOutcome {
	values: number;
	lensesAdded: number;
	elements: number;
	/** Accepted, but the map already held it (or it was decided meanwhile). */
	unchanged: number;
	rejected: number;
}

export type ApplyResult =
	{ ok: true; outcome: ReviewOutcome } | { ok: false; problems: Record<string, ReviewProblem> };

/**
 * Writes the decisions taken (see the module comment). Decisions on proposals already decided
 * are skipped; one that is no longer proposed (`gone`) or cannot be written refuses the whole
 * submit, with the problem per proposal key.
 */
export async function applyReview(
	db: Database,
	input: { workshop: WorkshopRef; userId: string | null; minGroup: number; decisions: Decision[] }
): Promise<ApplyResult> {
	const { workshop } = input;
	const provenance = {
		authorKind: 'participant',
		authorUserId: null,
		source: 'workshop',
		workshopId: workshop.id
	} as const;
	return db.transaction(async (tx): Promise<ApplyResult> => {
		const { values, proposals } = await readProposals(tx, workshop, input.minGroup);
		const byKey = new Map(proposals.flatMap((a) => a.proposals).map((p) => [p.key, p]));
		const teamValues = new Set(values.map((v) => v.id));
		const problems: Record<string, ReviewProblem> = {};
		for (const decision of input.decisions) {
			if (!byKey.has(decision.key)) problems[decision.key] = 'gone';
			else {
				const problem = decisionProblem(decision, teamValues);
				if (problem) problems[decision.key] = problem;
			}
		}
		if (Object.keys(problems).length) return { ok: false, problems };

		const outcome: ReviewOutcome = {
			values: 0,
			lensesAdded: 0,
			elements: 0,
			unchanged: 0,
			rejected: 0
		};
		const decided = await readDecisions(tx, workshop.id);
		const known = [...values];
		const addLens = async (valueId: string, lens: Lens) => {
			const added = await tx
				.insert(valueLenses)
				.values({ valueId, lens })
				.onConflictDoNothing()
				.returning({ valueId: valueLenses.valueId });
			return added.length > 0;
		};
		const decidedAt = new Date();
		for (const decision of input.decisions) {
			if (decided.has(decision.key)) continue;
			const proposal = byKey.get(decision.key)!;
			const write = writeOf(decision);
			let valueId: string | null = null;
			let elementId: string | null = null;
			if (write.kind === 'nothing') outcome.rejected++;
			else if (write.kind === 'lens') {
				valueId = write.valueId;
				if (await addLens(valueId, write.lens)) outcome.lensesAdded++;
				else outcome.unchanged++;
			} else if (write.kind === 'value') {
				const same = matchingValue(known, write.name);
				if (same) {
					valueId = same.id;
					if (await addLens(same.id, write.lens)) outcome.lensesAdded++;
					else outcome.unchanged++;
				} else {
					valueId = newId();
					await tx.insert(cultureValues).values({
						id: valueId,
						teamId: workshop.teamId,
						name: write.name,
						nameKey: nameKey(write.name),
						meaning: write.meaning,
						position: sql`(select coalesce(max(position), -1) + 1 from culture_values where team_id = ${workshop.teamId})`,
						cardCount: proposal.cards,
						...provenance
					});
					await addLens(valueId, write.lens);
					known.push({ id: valueId, name: write.name });
					outcome.values++;
				}
			} else {
				valueId = write.valueId;
				const place = and(
					eq(cultureElements.teamId, workshop.teamId),
					eq(cultureElements.lens, write.lens),
					eq(cultureElements.kind, write.element),
					valueId ? eq(cultureElements.valueId, valueId) : isNull(cultureElements.valueId)
				);
				const there = await tx
					.select({
						id: cultureElements.id,
						name: cultureElements.name,
						text: cultureElements.text
					})
					.from(cultureElements)
					.where(and(place, isNull(cultureElements.archivedAt)));
				const words = write.name ?? write.text;
				const same = there.find((e) => isNearDuplicate(e.name ?? e.text, words));
				if (same) {
					elementId = same.id;
					outcome.unchanged++;
				} else {
					elementId = newId();
					const group = sql`team_id = ${workshop.teamId} and lens = ${write.lens} and kind = ${write.element} and ${
						valueId ? sql`value_id = ${valueId}` : sql`value_id is null`
					}`;
					await tx.insert(cultureElements).values({
						id: elementId,
						teamId: workshop.teamId,
						valueId,
						lens: write.lens,
						kind: write.element,
						name: write.name,
						text: write.text,
						position: sql`(select coalesce(max(position), -1) + 1 from culture_elements where ${group})`,
						cardCount: proposal.cards,
						...provenance
					});
					outcome.elements++;
				}
			}
			await tx.insert(mapReviewDecisions).values({
				workshopId: workshop.id,
				proposalKey: decision.key,
				decision: write.kind === 'nothing' ? 'rejected' : 'accepted',
				destination: decision.accept ? decision.destination : 'none',
				cards: proposal.cards,
				valueId,
				elementId,
				decidedBy: input.userId,
				decidedAt
			});
			decided.set(decision.key, {
				decision: 'accepted',
				destination: decision.destination,
				cards: proposal.cards,
				valueId,
				elementId
			});
		}
		return { ok: true, outcome };
	});
}

/** The team's ended workshops with proposals nobody decided on yet, latest first. */
export async function listWorkshopsToReview(
	db: Database,
	teamId: string,
	minGroup: number
): Promise<{ id: string; title: string; open: number }[]> {
	const ended = await db
		.select({ id: workshops.id, teamId: workshops.teamId, title: workshops.title })
		.from(workshops)
		.where(and(eq(workshops.teamId, teamId), eq(workshops.status, 'ended')))
		.orderBy(desc(workshops.endedAt));
	const result: { id: string; title: string; open: number }[] = [];
	for (const w of ended) {
		const open = await countOpenProposals(db, w, minGroup);
		if (open > 0) result.push({ id: w.id, title: w.title, open });
	}
	return result;
}
