/**
 * The aggregates gap analytics are computed from, grouped in SQL: never every vote in
 * JavaScript. Each function reads one workshop (or the names and flags of some values); the
 * metrics themselves are the domain's (src/lib/domain/metrics.ts), applied in report.ts.
 */
import { and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Lens } from '../../domain/culture';
import { kindsWith, type KindsWith } from '../../domain/activity-kinds';
import type { ActivityConfig } from '../../domain/workshop';
import type { Database } from '../db';
import { withTheirRelease } from '../live/queries';
import {
	activities,
	cultureValues,
	releasedCounts,
	voteReleases,
	voteRespondents,
	votes
} from '../db/schema';

export interface VotingActivity {
	id: string;
	position: number;
	kind: KindsWith<'voting'>;
	title: string;
	config: ActivityConfig;
}

const VOTING = kindsWith('voting');

/** The workshop's rating, dot-vote and allocation activities, in agenda order. */
export async function listVotingActivities(
	db: Database,
	workshopId: string
): Promise<VotingActivity[]> {
	const rows = await db
		.select({
			id: activities.id,
			position: activities.position,
			kind: activities.kind,
			title: activities.title,
			config: activities.config
		})
		.from(activities)
		.where(and(eq(activities.workshopId, workshopId), inArray(activities.kind, VOTING)))
		.orderBy(asc(activities.position));
	return rows as VotingActivity[];
}

export interface RatingCount {
	activityId: string;
	valueId: string;
	lens: Lens;
	score: number;
	/** How many gave this score to this value under this lens, as of the item's last release. */
	n: number;
	/** The people behind the item's release: below the minimum group size nothing is shown. */
	people: number;
}

/** The released counts of items (docs/security.md, "Differencing"), with their people. */
function released(activityIds: string[]) {
	return and(
		inArray(releasedCounts.activityId, activityIds),
		withTheirRelease,
		gt(releasedCounts.n, 0)
	);
}

/**
 * Per rating activity, value and lens (one item): how many gave each score at the item's last
 * release. Never the live counts: those change with every answer.
 */
export async function countRatings(db: Database, activityIds: string[]): Promise<RatingCount[]> {
	if (activityIds.length === 0) return [];
	const rows = await db
		.select({
			activityId: releasedCounts.activityId,
			valueId: releasedCounts.valueId,
			lens: releasedCounts.lens,
			score: releasedCounts.score,
			n: releasedCounts.n,
			people: voteReleases.respondents
		})
		.from(releasedCounts)
		.innerJoin(voteReleases, released(activityIds));
	return rows.filter((row): row is RatingCount => row.valueId !== null && row.lens !== null);
}

export interface VoteTotal {
	activityId: string;
	valueId: string;
	lens: Lens;
	/** Dots or points the value received. */
	total: number;
}

/**
 * Per dot-vote or allocation activity and value: the dots or points it received at the item's
 * last release, for items released with at least `minGroup` people behind them.
 */
export async function sumVotes(
	db: Database,
	activityIds: string[],
	minGroup: number
): Promise<VoteTotal[]> {
	if (activityIds.length === 0) return [];
	const rows = await db
		.select({
			activityId: releasedCounts.activityId,
			valueId: sql<string | null>`min(${releasedCounts.valueId})`,
			lens: sql<Lens | null>`min(${releasedCounts.lens})`,
			total: sql<number>`sum(${releasedCounts.score} * ${releasedCounts.n})`
		})
		.from(releasedCounts)
		.innerJoin(
			voteReleases,
			and(released(activityIds), gte(voteReleases.respondents, Math.max(1, minGroup)))
		)
		.groupBy(releasedCounts.activityId, releasedCounts.itemId);
	return rows.filter((row): row is VoteTotal => row.valueId !== null && row.lens !== null);
}

export interface Respondents {
	/** People who answered anything in the voting activities asked about. */
	all: number;
	/** People who answered each activity. */
	byActivity: Map<string, number>;
}

/**
 * The number of people behind the numbers: distinct participants with at least one answer,
 * per activity and over all of them. Read from `vote_respondents` (one row per participant and
 * activity, kept by triggers on `votes`), so the cost follows the number of people, not of
 * answers.
 */
export async function countRespondents(db: Database, activityIds: string[]): Promise<Respondents> {
	if (activityIds.length === 0) return { all: 0, byActivity: new Map() };
	const answered = and(inArray(voteRespondents.activityId, activityIds), gt(voteRespondents.n, 0));
	const [perActivity, [everyone]] = await Promise.all([
		db
			.select({ activityId: voteRespondents.activityId, n: sql<number>`count(*)` })
			.from(voteRespondents)
			.where(answered)
			.groupBy(voteRespondents.activityId),
		db
			.select({ n: sql<number>`count(distinct ${voteRespondents.participantId})` })
			.from(voteRespondents)
			.where(answered)
	]);
	const byActivity = new Map(activityIds.map((id) => [id, 0]));
	for (const row of perActivity) byActivity.set(row.activityId, Number(row.n));
	return { all: Number(everyone?.n ?? 0), byActivity };
}

export interface ValueFacts {
	id: string;
	name: string;
	nameKey: string;
	limiting: boolean;
	position: number;
}

/** Names and the limiting flag of the given values of the team, in the map's order. */
export async function listValueFacts(
	db: Database,
	teamId: string,
	valueIds: string[]
): Promise<ValueFacts[]> {
	if (valueIds.length === 0) return [];
	return db
		.select({
			id: cultureValues.id,
			name: cultureValues.name,
			nameKey: cultureValues.nameKey,
			limiting: cultureValues.limiting,
			position: cultureValues.position
		})
		.from(cultureValues)
		.where(and(eq(cultureValues.teamId, teamId), inArray(cultureValues.id, valueIds)))
		.orderBy(asc(cultureValues.position), asc(cultureValues.nameKey));
}

export interface AnswerRow {
	activityId: string;
	participantId: string;
	valueId: string | null;
	lens: Lens | null;
	score: number;
}

/**
 * Every answer to the given activities, for the anonymous raw export only: the caller replaces
 * the participant id with an alias (and orders the rows by it) before anything leaves the
 * server.
 */
export async function listAnswers(db: Database, activityIds: string[]): Promise<AnswerRow[]> {
	if (activityIds.length === 0) return [];
	return db
		.select({
			activityId: votes.activityId,
			participantId: votes.participantId,
			valueId: votes.valueId,
			lens: votes.lens,
			score: votes.score
		})
		.from(votes)
		.where(inArray(votes.activityId, activityIds));
}
