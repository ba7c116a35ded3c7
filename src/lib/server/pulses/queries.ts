/**
 * Pulse checks: creating one from the team's strategic values, finding it by its link, storing
 * a respondent's answers (one per device, re-answering replaces), and the results as counts
 * per item and score, straight from SQL.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pulseItems, type PulseValue } from '../../domain/pulse';
import type { Database } from '../db';
import {
	boardPosts,
	cultureElements,
	cultureValues,
	pulseAnswers,
	pulseItems as pulseItemsTable,
	pulseResponses,
	pulses,
	teams,
	users,
	valueLenses
} from '../db/schema';
import { listTeamLeaders } from '../commitments/queries';
import { newId } from '../ids';

const BEHAVIOUR_KINDS = ['looks_like', 'sounds_like', 'feels_like'] as const;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Recomputes the sums of one pulse (or of every pulse of an organisation) from its answers:
 * one GROUP BY, written to `pulse_totals`. Called in the transaction that changes answers.
 */
export async function refreshPulseTotals(
	db: Database | Tx,
	scope: { pulseId: string } | { orgId: string }
) {
	const where =
		'pulseId' in scope
			? sql`p.id = ${scope.pulseId}`
			: sql`p.team_id in (select id from teams where org_id = ${scope.orgId})`;
	await db.run(sql`
		insert into pulse_totals
			(pulse_id, respondents, value_answers, value_favourable, enps_answers, promoters, detractors)
		select p.id,
			(select count(*) from pulse_responses r where r.pulse_id = p.id),
			coalesce(sum(a.score is not null and i.kind = 'value'), 0),
			coalesce(sum(i.kind = 'value' and a.score >= 4), 0),
			coalesce(sum(a.score is not null and i.kind = 'enps'), 0),
			coalesce(sum(i.kind = 'enps' and a.score >= 9), 0),
			coalesce(sum(i.kind = 'enps' and a.score <= 6), 0)
		from pulses p
		left join pulse_items i on i.pulse_id = p.id
		left join pulse_answers a on a.item_id = i.id
		where ${where}
		group by p.id
		on conflict (pulse_id) do update set
			respondents = excluded.respondents,
			value_answers = excluded.value_answers,
			value_favourable = excluded.value_favourable,
			enps_answers = excluded.enps_answers,
			promoters = excluded.promoters,
			detractors = excluded.detractors`);
}

/**
 * The values a pulse asks about: the team's active strategic values (every active value when
 * none is strategic yet), each with its behaviours, strategic ones first.
 */
export async function listPulseValues(db: Database, teamId: string): Promise<PulseValue[]> {
	const [values, strategic] = await Promise.all([
		db
			.select({ id: cultureValues.id, name: cultureValues.name })
			.from(cultureValues)
			.where(and(eq(cultureValues.teamId, teamId), isNull(cultureValues.archivedAt)))
			.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey)),
		db
			.select({ valueId: valueLenses.valueId })
			.from(valueLenses)
			.innerJoin(cultureValues, eq(cultureValues.id, valueLenses.valueId))
			.where(and(eq(cultureValues.teamId, teamId), eq(valueLenses.lens, 'strategic')))
	]);
	const strategicIds = new Set(strategic.map((s) => s.valueId));
	const chosen = strategicIds.size > 0 ? values.filter((v) => strategicIds.has(v.id)) : values;
	if (chosen.length === 0) return [];
	const behaviours = await db
		.select({ valueId: cultureElements.valueId, text: cultureElements.text })
		.from(cultureElements)
		.where(
			and(
				inArray(
					cultureElements.valueId,
					chosen.map((v) => v.id)
				),
				inArray(cultureElements.kind, [...BEHAVIOUR_KINDS]),
				isNull(cultureElements.archivedAt)
			)
		)
		.orderBy(
			sql`case ${cultureElements.lens} when 'strategic' then 0 else 1 end`,
			asc(cultureElements.position)
		);
	return chosen.map((v) => ({
		...v,
		behaviours: behaviours.filter((b) => b.valueId === v.id).map((b) => b.text)
	}));
}

export interface NewPulse {
	teamId: string;
	opensOn: string;
	closesOn: string;
	cadenceWeeks: number;
	openQuestion: string;
	withSafety: boolean;
	/** Whether to ask about each of the team's leaders by name. */
	withLeaders?: boolean;
	createdBy: string;
}

/** A pulse with its statements fixed now: later edits of the map do not change what was asked. */
export async function createPulse(db: Database, input: NewPulse): Promise<string> {
	const { withSafety, withLeaders, ...pulse } = input;
	const [values, leaders] = await Promise.all([
		listPulseValues(db, input.teamId),
		withLeaders ? listTeamLeaders(db, input.teamId) : []
	]);
	const items = pulseItems(values, { withSafety, leaderIds: leaders.map((l) => l.userId) });
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.insert(pulses).values({ id, code: newId(), ...pulse });
		await tx
			.insert(pulseItemsTable)
			.values(items.map((item, position) => ({ id: newId(), pulseId: id, position, ...item })));
		await refreshPulseTotals(tx, { pulseId: id });
	});
	return id;
}

export type PulseRow = typeof pulses.$inferSelect;

export async function getPulse(db: Database, teamId: string, pulseId: string) {
	const [row] = await db
		.select()
		.from(pulses)
		.where(and(eq(pulses.id, pulseId), eq(pulses.teamId, teamId)));
	return row ?? null;
}

/** The pulse of a respondent's link, with its team's name; null for an unknown code. */
export async function findPulseByCode(db: Database, code: string) {
	const [row] = await db
		.select({ pulse: pulses, teamName: teams.name })
		.from(pulses)
		.innerJoin(teams, eq(teams.id, pulses.teamId))
		.where(eq(pulses.code, code));
	return row ? { ...row.pulse, teamName: row.teamName } : null;
}

/** The team's pulses, latest first, each with its number of respondents. */
export async function listPulses(db: Database, teamId: string) {
	return db
		.select({
			id: pulses.id,
			opensOn: pulses.opensOn,
			closesOn: pulses.closesOn,
			cadenceWeeks: pulses.cadenceWeeks,
			respondents: count(pulseResponses.id)
		})
		.from(pulses)
		.leftJoin(pulseResponses, eq(pulseResponses.pulseId, pulses.id))
		.where(eq(pulses.teamId, teamId))
		.groupBy(pulses.id)
		.orderBy(desc(pulses.opensOn), desc(pulses.createdAt));
}

/**
 * A pulse's items in order, with the current name of the value or leader they ask about (null
 * once that value was removed, or should the leader's account be deleted).
 */
export async function listItems(db: Database, pulseId: string) {
	return db
		.select({
			id: pulseItemsTable.id,
			kind: pulseItemsTable.kind,
			valueId: pulseItemsTable.valueId,
			valueName: cultureValues.name,
			leaderId: pulseItemsTable.leaderId,
			leaderName: users.name,
			statement: pulseItemsTable.statement
		})
		.from(pulseItemsTable)
		.leftJoin(cultureValues, eq(cultureValues.id, pulseItemsTable.valueId))
		.leftJoin(users, eq(users.id, pulseItemsTable.leaderId))
		.where(eq(pulseItemsTable.pulseId, pulseId))
		.orderBy(asc(pulseItemsTable.position));
}

export async function countRespondents(db: Database, pulseId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(pulseResponses)
		.where(eq(pulseResponses.pulseId, pulseId));
	return row?.n ?? 0;
}

/** How many answers each item got per score: rows of (item, score, n), never single answers. */
export async function pulseDistribution(db: Database, pulseId: string) {
	return db
		.select({ itemId: pulseAnswers.itemId, score: pulseAnswers.score, n: count() })
		.from(pulseAnswers)
		.innerJoin(pulseItemsTable, eq(pulseItemsTable.id, pulseAnswers.itemId))
		.where(eq(pulseItemsTable.pulseId, pulseId))
		.groupBy(pulseAnswers.itemId, pulseAnswers.score);
}

/** This device's own earlier answers (to fill the form in again), or null. */
export async function findOwnResponse(db: Database, pulseId: string, tokenHash: string) {
	const [response] = await db
		.select({ id: pulseResponses.id })
		.from(pulseResponses)
		.where(and(eq(pulseResponses.pulseId, pulseId), eq(pulseResponses.tokenHash, tokenHash)));
	if (!response) return null;
	const [answers, [post]] = await Promise.all([
		db
			.select({ itemId: pulseAnswers.itemId, score: pulseAnswers.score })
			.from(pulseAnswers)
			.where(eq(pulseAnswers.responseId, response.id)),
		db
			.select({ text: boardPosts.text })
			.from(boardPosts)
			.where(and(eq(boardPosts.pulseId, pulseId), eq(boardPosts.authorHash, tokenHash)))
	]);
	return {
		scores: Object.fromEntries(answers.map((a) => [a.itemId, a.score])),
		open: post?.text ?? ''
	};
}

/**
 * Stores one device's answers in one transaction: its response, every score (replacing any
 * earlier ones), and the open answer as a post on the team's board (replaced, or removed when
 * left empty). Returns whether this replaced an earlier answer.
 */
export async function savePulseResponse(
	db: Database,
	input: {
		pulse: { id: string; teamId: string };
		tokenHash: string;
		scores: Map<string, number>;
		open: string;
		now?: Date;
	}
): Promise<{ replaced: boolean }> {
	const { pulse, tokenHash } = input;
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: pulseResponses.id })
			.from(pulseResponses)
			.where(and(eq(pulseResponses.pulseId, pulse.id), eq(pulseResponses.tokenHash, tokenHash)));
		const responseId = existing?.id ?? newId();
		if (existing) {
			await tx
				.update(pulseResponses)
				.set({ updatedAt: now })
				.where(eq(pulseResponses.id, responseId));
			await tx.delete(pulseAnswers).where(eq(pulseAnswers.responseId, responseId));
		} else {
			await tx
				.insert(pulseResponses)
				.values({ id: responseId, pulseId: pulse.id, tokenHash, updatedAt: now });
		}
		if (input.scores.size > 0) {
			await tx
				.insert(pulseAnswers)
				.values([...input.scores].map(([itemId, score]) => ({ responseId, itemId, score })));
		}
		const own = and(eq(boardPosts.pulseId, pulse.id), eq(boardPosts.authorHash, tokenHash));
		const [post] = await tx.select({ id: boardPosts.id }).from(boardPosts).where(own);
		if (input.open === '') {
			if (post) await tx.delete(boardPosts).where(eq(boardPosts.id, post.id));
		} else if (post) {
			await tx.update(boardPosts).set({ text: input.open }).where(eq(boardPosts.id, post.id));
		} else {
			await tx.insert(boardPosts).values({
				id: newId(),
				teamId: pulse.teamId,
				pulseId: pulse.id,
				authorHash: tokenHash,
				text: input.open
			});
		}
		await refreshPulseTotals(tx, { pulseId: pulse.id });
		return { replaced: Boolean(existing) };
	});
}
