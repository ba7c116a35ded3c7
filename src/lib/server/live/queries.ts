/** The reads the live room needs beyond the workshop data module. */
import { and, eq, gt, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import {
	activities,
	cultureValues,
	organisations,
	releasedCounts,
	teams,
	voteReleases,
	votePending,
	votes,
	workshops
} from '../db/schema';
import { newToken } from '../ids';
import { inProcessStore, type Statement } from './store';
import type { StoredChange, StoredRelease } from './tally';

/** A workshop with what the live room needs around it: its organisation and anonymity floor. */
export async function findLiveWorkshop(db: Database, workshopId: string) {
	const [row] = await db
		.select({
			workshop: workshops,
			orgId: teams.orgId,
			minGroupSize: organisations.minGroupSize
		})
		.from(workshops)
		.innerJoin(teams, eq(teams.id, workshops.teamId))
		.innerJoin(organisations, eq(organisations.id, teams.orgId))
		.where(eq(workshops.id, workshopId));
	return row ?? null;
}

export async function listValueNames(db: Database, teamId: string, valueIds: string[]) {
	if (valueIds.length === 0) return new Map<string, string>();
	const rows = await db
		.select({ id: cultureValues.id, name: cultureValues.name })
		.from(cultureValues)
		.where(and(eq(cultureValues.teamId, teamId), inArray(cultureValues.id, valueIds)));
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every stored answer to one activity, to rebuild its live tally. Never sent to anyone. */
export async function listActivityAnswers(db: Database, activityId: string) {
	return db
		.select({ participantId: votes.participantId, itemId: votes.itemId, score: votes.score })
		.from(votes)
		.where(eq(votes.activityId, activityId));
}

/**
 * Joins an item's released counts to its release (`voteReleases`, for the people behind it):
 * what every reader of workshop results reads instead of the live counts.
 */
export const withTheirRelease = and(
	eq(voteReleases.activityId, releasedCounts.activityId),
	eq(voteReleases.itemId, releasedCounts.itemId)
)!;

/**
 * What staff and the room can read of an activity: each item's counts per score as of its last
 * release, for the items with at least `minGroupSize` people behind it (the live tally's
 * `results()`, from the database).
 */
export async function listReleasedCounts(db: Database, activityId: string, minGroupSize: number) {
	return db
		.select({ itemId: releasedCounts.itemId, score: releasedCounts.score, n: releasedCounts.n })
		.from(releasedCounts)
		.innerJoin(voteReleases, withTheirRelease)
		.where(
			and(
				eq(releasedCounts.activityId, activityId),
				gt(releasedCounts.n, 0),
				gte(voteReleases.respondents, minGroupSize)
			)
		);
}

/** The last release of every item of an activity, to rebuild its live tally. */
export async function listReleases(db: Database, activityId: string): Promise<StoredRelease[]> {
	const [releases, counts] = await Promise.all([
		db
			.select({ itemId: voteReleases.itemId, respondents: voteReleases.respondents })
			.from(voteReleases)
			.where(eq(voteReleases.activityId, activityId)),
		db
			.select({ itemId: releasedCounts.itemId, score: releasedCounts.score, n: releasedCounts.n })
			.from(releasedCounts)
			.where(eq(releasedCounts.activityId, activityId))
	]);
	return releases.map((r) => ({
		...r,
		counts: counts.filter((c) => c.itemId === r.itemId)
	}));
}

/** The changes of an activity not yet released, to rebuild its live tally. Never sent. */
export async function listPendingChanges(
	db: Database,
	activityId: string
): Promise<StoredChange[]> {
	return db
		.select({
			itemId: votePending.itemId,
			participantId: votePending.participantId,
			baseline: votePending.baseline
		})
		.from(votePending)
		.where(eq(votePending.activityId, activityId));
}

/** One participant's answers to the given activities: what their phone shows after a reload. */
export async function listOwnAnswers(db: Database, participantId: string, activityIds: string[]) {
	if (activityIds.length === 0) return [];
	return db
		.select({ activityId: votes.activityId, itemId: votes.itemId, score: votes.score })
		.from(votes)
		.where(and(inArray(votes.activityId, activityIds), eq(votes.participantId, participantId)));
}

export interface StoredAnswer {
	itemId: string;
	valueId: string | null;
	cardId: string | null;
	lens: string | null;
	score: number;
}

export interface AnswerEntry {
	activityId: string;
	participantId: string;
	replaceAll: boolean;
	answers: StoredAnswer[];
	/** The minimum group size the live room applies; without it the organisation's is read. */
	minGroupSize?: number;
}

/** Per activity of a batch, the minimum its releases use: the largest any entry carries. */
export function releaseMinimums(entries: AnswerEntry[]): Map<string, number | null> {
	const minimums = new Map<string, number | null>();
	for (const { activityId, minGroupSize } of entries) {
		const known = minimums.get(activityId);
		const min = minGroupSize ?? null;
		minimums.set(
			activityId,
			known === undefined ? min : known === null || min === null ? null : Math.max(known, min)
		);
	}
	return minimums;
}

const VOTE_COLUMNS =
	'(activity_id, participant_id, item_id, value_id, card_id, lens, score, updated_at)';
const VOTE_UPSERT =
	' on conflict (activity_id, participant_id, item_id) do update set score = excluded.score, updated_at = excluded.updated_at';
/** SQLite takes up to 32,766 parameters a statement; 8 a row. */
const ROWS_PER_STATEMENT = 4000;
/**
 * The placeholder lists of up to this many rows are kept: the small batches of a quiet room.
 * Larger ones are built each time: kept for every batch size up to 4,000 rows they would hold
 * up to 144 MB (bench:soak found them growing ~50 KB a workshop).
 */
const KEPT_PLACEHOLDER_ROWS = 64;
const placeholders: string[] = [];

function valuesList(rows: number, columns = 8): string {
	const row = `(${'?,'.repeat(columns - 1)}?)`;
	const list = () => Array.from({ length: rows }, () => row).join(',');
	if (columns !== 8 || rows > KEPT_PLACEHOLDER_ROWS) return list();
	return (placeholders[rows] ??= list());
}

/**
 * One participant's answers to one activity after all the entries of a batch, in order: a whole
 * set (dots, allocations) replaces what came before it, single answers replace their item.
 * Done before writing, because the deletes of whole sets run before all inserts. Nearly every
 * batch has one entry per participant; those pass through untouched.
 */
function collapse(entries: AnswerEntry[]): AnswerEntry[] {
	const key = (e: AnswerEntry) => `${e.activityId} ${e.participantId}`;
	if (new Set(entries.map(key)).size === entries.length) return entries;
	const merged = new Map<string, AnswerEntry & { byItem: Map<string, StoredAnswer> }>();
	for (const entry of entries) {
		let into = merged.get(key(entry));
		if (!into || entry.replaceAll) {
			const replaceAll = entry.replaceAll || Boolean(into?.replaceAll);
			into = { ...entry, replaceAll, byItem: new Map() };
			merged.set(key(entry), into);
		}
		for (const answer of entry.answers) into.byItem.set(answer.itemId, answer);
	}
	return [...merged.values()].map((m) => ({ ...m, answers: [...m.byItem.values()] }));
}

/**
 * The writes of `writeVotes` in the workshop data module, as plain statements for the live
 * store (store.ts), which runs them as one transaction in its worker. Built by hand because
 * drizzle's query builder spends ~20-40 µs a row on a large insert, more than SQLite needs to
 * store it, and this is the path every live answer takes. Unlike `writeVotes`, two whole sets
 * of one participant in the same batch leave the later one, not both.
 */
export function voteStatements(entries: AnswerEntry[], now = Date.now()): Statement[] {
	const sets = collapse(entries);
	const statements: Statement[] = [];
	// Whole sets first drop what they replace: one statement per activity, not per participant.
	const replacing = new Map<string, string[]>();
	for (const set of sets) {
		if (!set.replaceAll) continue;
		const ids = replacing.get(set.activityId) ?? [];
		ids.push(set.participantId);
		replacing.set(set.activityId, ids);
	}
	for (const [activityId, participantIds] of replacing) {
		for (let i = 0; i < participantIds.length; i += ROWS_PER_STATEMENT) {
			const some = participantIds.slice(i, i + ROWS_PER_STATEMENT);
			statements.push({
				sql: `delete from votes where activity_id = ? and participant_id in (${'?,'.repeat(some.length - 1)}?)`,
				args: [activityId, ...some]
			});
		}
	}
	let args: Statement['args'] = [];
	const flush = () => {
		const sql = `insert into votes ${VOTE_COLUMNS} values ${valuesList(args.length / 8)}${VOTE_UPSERT}`;
		statements.push({ sql, args });
		args = [];
	};
	for (const set of sets) {
		for (const a of set.answers) {
			args.push(
				set.activityId,
				set.participantId,
				a.itemId,
				a.valueId,
				a.cardId,
				a.lens,
				a.score,
				now
			);
			if (args.length === ROWS_PER_STATEMENT * 8) flush();
		}
	}
	if (args.length > 0) flush();
	const byMinimum = new Map<number | null, string[]>();
	for (const [activityId, min] of releaseMinimums(entries)) {
		byMinimum.set(min, [...(byMinimum.get(min) ?? []), activityId]);
	}
	for (const [min, activityIds] of byMinimum) {
		statements.push(...releaseStatements(activityIds, min, now));
	}
	return statements;
}

/** The organisation's minimum group size for an activity, for writers that do not know it. */
const MIN_OF_ACTIVITY = `(select o.min_group_size from activities a
	join workshops w on w.id = a.workshop_id join teams t on t.id = w.team_id
	join organisations o on o.id = t.org_id where a.id = vote_pending.activity_id)`;

/**
 * Releases every item of the given activities that at least `minGroupSize` people answered,
 * changed or withdrew since its last release (docs/security.md, "Differencing"): its counts
 * become what everyone reads, and its list of changes starts again. Appended to every
 * transaction that writes votes, so a release happens at a commit, never halfway through one;
 * without `minGroupSize` each activity's organisation decides. The live tally makes the same
 * decision in memory (tally.ts `release`).
 */
export function releaseStatements(
	activityIds: string[],
	minGroupSize: number | null,
	now = Date.now()
): Statement[] {
	if (activityIds.length === 0) return [];
	const ids = `(${'?,'.repeat(activityIds.length - 1)}?)`;
	const mark = newToken();
	const min = MIN_OF_ACTIVITY;
	const released = `select activity_id, item_id from vote_releases where activity_id in ${ids} and mark = ?`;
	return [
		{
			sql: `insert into vote_releases (activity_id, item_id, respondents, released_at, mark)
				select vote_pending.activity_id, vote_pending.item_id,
					(select coalesce(sum(c.n), 0) from vote_counts c
						where c.activity_id = vote_pending.activity_id and c.item_id = vote_pending.item_id),
					?, ?
				from vote_pending left join votes v on v.activity_id = vote_pending.activity_id
					and v.item_id = vote_pending.item_id and v.participant_id = vote_pending.participant_id
				where vote_pending.activity_id in ${ids} and vote_pending.baseline is not v.score
				group by vote_pending.activity_id, vote_pending.item_id
				having count(*) >= max(1, ${minGroupSize === null ? min : '?'})
				on conflict (activity_id, item_id) do update set respondents = excluded.respondents,
					released_at = excluded.released_at, mark = excluded.mark`,
			args: [now, mark, ...activityIds, ...(minGroupSize === null ? [] : [minGroupSize])]
		},
		{
			sql: `delete from released_counts where (activity_id, item_id) in (${released})`,
			args: [...activityIds, mark]
		},
		{
			sql: `insert into released_counts (activity_id, item_id, value_id, lens, score, n)
				select activity_id, item_id, value_id, lens, score, n from vote_counts
				where n > 0 and (activity_id, item_id) in (${released})`,
			args: [...activityIds, mark]
		},
		{
			sql: `delete from vote_pending where (activity_id, item_id) in (${released})`,
			args: [...activityIds, mark]
		}
	];
}

/** Releases what the organisation's minimum now allows in every activity with changes waiting. */
export async function releaseOrganisation(db: Database, orgId: string): Promise<void> {
	const waiting = await db
		.selectDistinct({ activityId: votePending.activityId })
		.from(votePending)
		.innerJoin(activities, eq(activities.id, votePending.activityId))
		.innerJoin(workshops, eq(workshops.id, activities.workshopId))
		.innerJoin(teams, eq(teams.id, workshops.teamId))
		.where(eq(teams.orgId, orgId));
	await inProcessStore(db).write(
		releaseStatements(
			waiting.map((w) => w.activityId),
			null
		)
	);
}

export interface NewParticipant {
	id: string;
	workshopId: string;
	tokenHash: string;
	nickname: string | null;
}

/** Many joins in one statement, for the live store: a room scans the QR code at once. */
export function participantStatements(rows: NewParticipant[]): Statement[] {
	if (rows.length === 0) return [];
	return [
		{
			sql: `insert into participants (id, workshop_id, token_hash, nickname) values ${valuesList(rows.length, 4)}`,
			args: rows.flatMap((r) => [r.id, r.workshopId, r.tokenHash, r.nickname])
		}
	];
}
