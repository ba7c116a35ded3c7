/**
 * Pulse checks: creating one from the team's strategic values, finding it by its link, storing
 * a respondent's answers (one per device, re-answering replaces), and the results as counts
 * per item and score, published in releases (`releaseIfDue`).
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pulseItems, type PulseValue } from '../../domain/pulse';
import type { ContentLanguage } from '../../domain/templates';
import type { Database } from '../db';
import {
	boardPosts,
	cultureElements,
	cultureValues,
	pulseAnswers,
	pulseItems as pulseItemsTable,
	pulseReleaseCounts,
	pulseResponses,
	pulses,
	pulseTotals,
	teams,
	users,
	valueLenses
} from '../db/schema';
import { spendAccessCode } from '../access-codes/queries';
import { listTeamLeaders } from '../commitments/queries';
import { newId } from '../ids';

const BEHAVIOUR_KINDS = ['looks_like', 'sounds_like', 'feels_like'] as const;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Every response's answers of one pulse as (response, item, score) rows, with one row of item ''
 * and score -1 for a response without answers: what a release records and is compared with.
 */
const currentAnswers = (pulseId: string) => sql`
	select r.id as response_id, coalesce(a.item_id, '') as item_id, coalesce(a.score, -1) as score
	from pulse_responses r left join pulse_answers a on a.response_id = r.id
	where r.pulse_id = ${pulseId}`;

/**
 * How many distinct responses were added, changed (any answer now different from what it was
 * at the latest release) or removed since the latest release: counted from the answers
 * themselves against the release's snapshot of each response, so an identical re-submission is
 * no change. Only responses written since the release (`updated_at`, set by the write path) are
 * compared, which keeps a save quick on a big pulse; a removed one is a released respondent no
 * longer there. A write that did not set `updated_at` is not counted, which can only make the
 * next release later, never earlier.
 */
export async function countChangesSinceRelease(db: Database | Tx, pulseId: string) {
	const [row] = await db.all<{ n: number }>(sql`
		with release as (
			select coalesce(max(released_at), 0) as at, coalesce(max(respondents), 0) as respondents
			from pulse_totals where pulse_id = ${pulseId}
		),
		candidates as (
			select id from pulse_responses
			where pulse_id = ${pulseId} and updated_at >= (select at from release)
		),
		now_ as (
			select r.id as response_id, coalesce(a.item_id, '') as item_id, coalesce(a.score, -1) as score
			from candidates r left join pulse_answers a on a.response_id = r.id
		),
		then_ as (
			select response_id, item_id, score from pulse_released_answers
			where pulse_id = ${pulseId} and response_id in (select id from candidates)
		)
		select (
			select count(distinct response_id) from (
				select * from (select * from now_ except select * from then_)
				union all
				select * from (select * from then_ except select * from now_)
			)
		) + max(0, (select respondents from release)
			- (select count(*) from pulse_responses
				where pulse_id = ${pulseId} and updated_at < (select at from release))
			- (select count(distinct response_id) from then_)
		) as n`);
	return Number(row?.n ?? 0);
}

async function minGroupSizeOf(db: Database | Tx, pulseId: string): Promise<number> {
	const [row] = await db.all<{ min: number }>(sql`
		select o.min_group_size as min from pulses p
		join teams t on t.id = p.team_id join organisations o on o.id = t.org_id
		where p.id = ${pulseId}`);
	return Number(row?.min ?? Number.POSITIVE_INFINITY);
}

/**
 * Publishes a pulse's results in releases (docs/security.md, differencing). A new release is
 * made only when at least the organisation's minimum group size of distinct responses have been
 * added, changed or removed since the previous release (the first release therefore needs at
 * least the minimum number of responses). A release is a snapshot of the counts per item and
 * score (`pulse_release_counts`) and of the sums (`pulse_totals`), taken in the transaction of
 * the answer that completes it. Staff read only the latest release, so a write path that forgot
 * to call this would only make results later, never show an answer early.
 */
export async function releaseIfDue(
	db: Database | Tx,
	pulseId: string,
	now = new Date()
): Promise<{ released: boolean; changes: number }> {
	const [changes, min] = [
		await countChangesSinceRelease(db, pulseId),
		await minGroupSizeOf(db, pulseId)
	];
	if (changes === 0 || changes < min) return { released: false, changes };
	await db.run(sql`delete from pulse_release_counts where pulse_id = ${pulseId}`);
	await db.run(sql`
		insert into pulse_release_counts (pulse_id, item_id, score, n)
		select ${pulseId}, a.item_id, a.score, count(*)
		from pulse_answers a join pulse_responses r on r.id = a.response_id
		where r.pulse_id = ${pulseId}
		group by a.item_id, a.score`);
	await db.run(sql`delete from pulse_released_answers where pulse_id = ${pulseId}`);
	await db.run(sql`
		insert into pulse_released_answers (pulse_id, response_id, item_id, score)
		select ${pulseId}, response_id, item_id, score from (${currentAnswers(pulseId)})`);
	// Stamped with the writes' own clock: a response written in this very millisecond is
	// compared again at the next write (updated_at >= released_at), never skipped.
	await db.run(sql`
		insert into pulse_totals (pulse_id, respondents, value_answers, value_favourable,
			enps_answers, promoters, detractors, release, released_at)
		select ${pulseId},
			(select count(*) from pulse_responses r where r.pulse_id = ${pulseId}),
			coalesce(sum(case when i.kind = 'value' then c.n end), 0),
			coalesce(sum(case when i.kind = 'value' and c.score >= 4 then c.n end), 0),
			coalesce(sum(case when i.kind = 'enps' then c.n end), 0),
			coalesce(sum(case when i.kind = 'enps' and c.score >= 9 then c.n end), 0),
			coalesce(sum(case when i.kind = 'enps' and c.score <= 6 then c.n end), 0),
			1, ${now.getTime()}
		from pulse_release_counts c join pulse_items i on i.id = c.item_id
		where c.pulse_id = ${pulseId}
		on conflict (pulse_id) do update set
			respondents = excluded.respondents,
			value_answers = excluded.value_answers,
			value_favourable = excluded.value_favourable,
			enps_answers = excluded.enps_answers,
			promoters = excluded.promoters,
			detractors = excluded.detractors,
			release = pulse_totals.release + 1,
			released_at = excluded.released_at`);
	return { released: true, changes: 0 };
}

/** Makes every release that is due in an organisation (after answers were written in bulk). */
export async function releaseDuePulses(db: Database, scope: { orgId: string }) {
	const rows = await db.all<{ id: string }>(sql`
		select id from pulses where team_id in (select id from teams where org_id = ${scope.orgId})`);
	for (const { id } of rows) await db.transaction((tx) => releaseIfDue(tx, id));
}

/**
 * What staff may know of a pulse's releases: responses so far (a count, not answers), the
 * respondents behind the latest release, and how many responses changed since it.
 */
export async function getReleaseStatus(db: Database, pulseId: string) {
	const [[totals], responses, changes] = await Promise.all([
		db
			.select({ respondents: pulseTotals.respondents, release: pulseTotals.release })
			.from(pulseTotals)
			.where(eq(pulseTotals.pulseId, pulseId)),
		countResponses(db, pulseId),
		countChangesSinceRelease(db, pulseId)
	]);
	return {
		responses,
		released: totals?.respondents ?? 0,
		release: totals?.release ?? 0,
		changes
	};
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
	/** Whether a device's first answer needs a printed one-time code. */
	verified?: boolean;
	/** The language of its open question and of the respondents' page (the team's unless said). */
	language?: ContentLanguage;
	createdBy: string;
}

/** A pulse with its statements fixed now: later edits of the map do not change what was asked. */
export async function createPulse(db: Database, input: NewPulse): Promise<string> {
	const { withSafety, withLeaders, ...pulse } = input;
	const [values, leaders, team] = await Promise.all([
		listPulseValues(db, input.teamId),
		withLeaders ? listTeamLeaders(db, input.teamId) : [],
		db.select({ language: teams.language }).from(teams).where(eq(teams.id, input.teamId))
	]);
	const language = input.language ?? team[0]?.language ?? 'en';
	const items = pulseItems(values, { withSafety, leaderIds: leaders.map((l) => l.userId) });
	const id = newId();
	await db.transaction(async (tx) => {
		await tx
			.insert(pulses)
			.values({ id, code: newId(), ...pulse, language, verified: pulse.verified ?? false });
		await tx
			.insert(pulseItemsTable)
			.values(items.map((item, position) => ({ id: newId(), pulseId: id, position, ...item })));
		// Release 0: nothing yet.
		await tx.insert(pulseTotals).values({
			pulseId: id,
			respondents: 0,
			valueAnswers: 0,
			valueFavourable: 0,
			enpsAnswers: 0,
			promoters: 0,
			detractors: 0
		});
	});
	return id;
}

/**
 * Makes a pulse verified or open, only before its first response (one conditional UPDATE, so an
 * answer on its way cannot slip in between); false when refused. Afterwards every response of a
 * verified pulse came in with a code, so the minimum group size counts only those.
 */
export async function setPulseVerified(
	db: Database,
	pulseId: string,
	verified: boolean
): Promise<boolean> {
	const changed = await db
		.update(pulses)
		.set({ verified })
		.where(
			and(
				eq(pulses.id, pulseId),
				sql`not exists (select 1 from pulse_responses where pulse_id = ${pulseId})`
			)
		)
		.returning({ id: pulses.id });
	return changed.length === 1;
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

/** The language of the pulse of a link's code; null when there is none. */
export async function findPulseLanguage(
	db: Database,
	code: string
): Promise<ContentLanguage | null> {
	const [row] = await db
		.select({ language: pulses.language })
		.from(pulses)
		.where(eq(pulses.code, code));
	return row?.language ?? null;
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

/** How many responses a pulse has so far: a count, never answers (live, not released). */
export async function countResponses(db: Database | Tx, pulseId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(pulseResponses)
		.where(eq(pulseResponses.pulseId, pulseId));
	return row?.n ?? 0;
}

/**
 * The latest release of a pulse (docs/security.md, differencing): its respondents and how many
 * answers each item got per score, rows of (item, score, n), never single answers. Staff read
 * a pulse's results only through this.
 */
export async function getReleasedResults(db: Database, pulseId: string) {
	const [[totals], counts] = await Promise.all([
		db
			.select({ respondents: pulseTotals.respondents })
			.from(pulseTotals)
			.where(eq(pulseTotals.pulseId, pulseId)),
		db
			.select({
				itemId: pulseReleaseCounts.itemId,
				score: pulseReleaseCounts.score,
				n: pulseReleaseCounts.n
			})
			.from(pulseReleaseCounts)
			.where(eq(pulseReleaseCounts.pulseId, pulseId))
	]);
	return { respondents: totals?.respondents ?? 0, counts };
}

/** Whether this device answered the pulse before (its next answer replaces that one). */
export async function hasResponse(db: Database, pulseId: string, tokenHash: string) {
	const [row] = await db
		.select({ id: pulseResponses.id })
		.from(pulseResponses)
		.where(and(eq(pulseResponses.pulseId, pulseId), eq(pulseResponses.tokenHash, tokenHash)));
	return Boolean(row);
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

/** Why a verified pulse refused a device's first answer. */
export type AccessRefusal = 'access_code_required' | 'access_code_invalid';

/**
 * Stores one device's answers in one transaction: its response, every score (replacing any
 * earlier ones), and the open answer as a post on the team's board (replaced, or removed when
 * left empty). In a verified pulse a device's first answer spends an unused one-time code in
 * this same transaction: exactly one of many devices with the same code gets in, and a save that
 * fails rolls the spending back. Nothing records which code paid for which response. Returns
 * whether this replaced an earlier answer, or why it was refused.
 */
export async function savePulseResponse(
	db: Database,
	input: {
		pulse: { id: string; teamId: string };
		tokenHash: string;
		scores: Map<string, number>;
		open: string;
		/** The one-time code typed or scanned, for a verified pulse's first answer. */
		accessCode?: string | null;
		now?: Date;
	}
): Promise<{ replaced: boolean; refused?: undefined } | { refused: AccessRefusal }> {
	const { pulse, tokenHash } = input;
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: pulseResponses.id })
			.from(pulseResponses)
			.where(and(eq(pulseResponses.pulseId, pulse.id), eq(pulseResponses.tokenHash, tokenHash)));
		const responseId = existing?.id ?? newId();
		if (!existing) {
			// Read here, in the transaction: the setting cannot change once a response exists.
			const [{ verified }] = await tx
				.select({ verified: pulses.verified })
				.from(pulses)
				.where(eq(pulses.id, pulse.id));
			if (verified) {
				if (!input.accessCode) return { refused: 'access_code_required' as const };
				const spent = await spendAccessCode(tx, { pulseId: pulse.id }, input.accessCode);
				if (!spent) return { refused: 'access_code_invalid' as const };
			}
		}
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
		await releaseIfDue(tx, pulse.id, now);
		return { replaced: Boolean(existing) };
	});
}
