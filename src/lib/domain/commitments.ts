/**
 * Leadership commitments over time (step 7 of the method): when one is due, whether it is
 * overdue, what state it was in on a given day, and follow-through per leader, team or value.
 * Pure TypeScript; the rate itself is `followThrough` in metrics.ts (docs/metrics.md §9).
 */
import { inCalendarPeriod, type CalendarPeriod } from './calendar';
import { followThrough, type CommitmentOutcome, type FollowThrough, type Instant } from './metrics';

export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_LIMITS = {
	action: { min: 1, max: 280 },
	signal: { min: 1, max: 280 },
	dropReason: { min: 1, max: 500 },
	checkin: { min: 1, max: 1000 },
	/** How far back a check-in may say something happened. */
	checkinDaysBack: 366,
	/** Why a due date moves: a short reason, required. */
	extendReason: { min: 3, max: 300 },
	/** How far ahead of today an extended due date may lie. */
	extendYearsAhead: 2
} as const;

/** A commitment as the follow-through rules need it. */
export interface CommitmentRecord {
	status: CommitmentStatus;
	/** `YYYY-MM-DD`; the whole day counts. The current due date (moved by extensions). */
	dueOn: string;
	/**
	 * The due date it was made with, when an extension moved it (else null or absent).
	 * Follow-through measures on time or late against this date: an extension never turns a
	 * late commitment into an on-time one (docs/metrics.md §9).
	 */
	originalDueOn?: string | null;
	doneAt: Instant | null;
	droppedAt: Instant | null;
	createdAt: Instant;
}

const dueInstants = new Map<string, number>();

/** The last instant of the due day (UTC): doing it on the day itself is on time. */
export function dueInstant(dueOn: string): number {
	// Series over time ask this of every commitment at every point: parse each day once.
	let at = dueInstants.get(dueOn);
	if (at === undefined) {
		at = Date.parse(`${dueOn}T23:59:59.999Z`);
		if (dueInstants.size > 10_000) dueInstants.clear();
		dueInstants.set(dueOn, at);
	}
	return at;
}

/** The due date follow-through measures against: the original one, whatever the extensions. */
export function measuredDueOn(c: Pick<CommitmentRecord, 'dueOn' | 'originalDueOn'>): string {
	return c.originalDueOn ?? c.dueOn;
}

/** Open past its (current, possibly extended) due date: it needs someone's attention. */
export function isOverdue(c: Pick<CommitmentRecord, 'status' | 'dueOn'>, now: Instant): boolean {
	return c.status === 'open' && +now > dueInstant(c.dueOn);
}

const DAY_MS = 86_400_000;

/** Whole days since the due day ended: 1 on the day after it; 0 when not overdue. */
export function daysOverdue(c: Pick<CommitmentRecord, 'status' | 'dueOn'>, now: Instant): number {
	return isOverdue(c, now) ? Math.ceil((+now - dueInstant(c.dueOn)) / DAY_MS) : 0;
}

/**
 * What every page says of a commitment: open, overdue (open past its due date), done or
 * dropped. One wording for the list, the commitment's page and the value drill-down.
 */
export const COMMITMENT_STATES = ['open', 'overdue', 'done', 'dropped'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export interface CommitmentStanding {
	state: CommitmentState;
	/** Days past the due date; 0 unless overdue. */
	daysOverdue: number;
}

export function commitmentStanding(
	c: Pick<CommitmentRecord, 'status' | 'dueOn'>,
	now: Instant
): CommitmentStanding {
	const days = daysOverdue(c, now);
	return { state: days > 0 ? 'overdue' : c.status, daysOverdue: days };
}

/** Whether a commitment in `standing` is shown under `filter`: "open" includes the overdue. */
export function inState(
	standing: CommitmentStanding,
	filter: CommitmentState | undefined
): boolean {
	if (!filter) return true;
	return filter === 'open'
		? standing.state === 'open' || standing.state === 'overdue'
		: standing.state === filter;
}

/** How many commitments are in each state (open counts the overdue ones too, as `inState`). */
export function countStates(
	standings: Iterable<CommitmentStanding>
): Record<CommitmentState, number> {
	const counts: Record<CommitmentState, number> = { open: 0, overdue: 0, done: 0, dropped: 0 };
	for (const standing of standings) {
		for (const state of COMMITMENT_STATES) if (inState(standing, state)) counts[state]++;
	}
	return counts;
}

/** Due in the calendar month, quarter or year of `now` (any time without a period). */
export function isDueIn(dueOn: string, period: CalendarPeriod | undefined, now: Date): boolean {
	return inCalendarPeriod(dueOn, period, now);
}

export type ExtensionRefusal = 'invalid' | 'not_later' | 'too_far';

/**
 * A new due date for an open commitment: a real date, later than the current one, at most
 * `extendYearsAhead` years from today. The refusal says which rule it broke.
 */
export function extendedDueDate(
	value: unknown,
	currentDueOn: string,
	now: Date
): { ok: true; dueOn: string } | { ok: false; code: ExtensionRefusal } {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return { ok: false, code: 'invalid' };
	}
	const parsed = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
		return { ok: false, code: 'invalid' };
	}
	if (value <= currentDueOn) return { ok: false, code: 'not_later' };
	if (value > latestExtension(now)) return { ok: false, code: 'too_far' };
	return { ok: true, dueOn: value };
}

/** The last day an extension may reach from `now`. */
export function latestExtension(now: Date): string {
	const latest = new Date(now.getTime());
	latest.setUTCFullYear(latest.getUTCFullYear() + COMMITMENT_LIMITS.extendYearsAhead);
	return latest.toISOString().slice(0, 10);
}

/**
 * The commitment as it stood at `at`: not yet made (null), open, or closed. A commitment closed
 * later than `at` was still open then, so a series over time shows how the record grew.
 */
export function outcomeAt(c: CommitmentRecord, at: Instant): CommitmentOutcome | null {
	const t = +at;
	if (+c.createdAt > t) return null;
	const dueAt = dueInstant(measuredDueOn(c));
	if (c.status === 'done' && c.doneAt !== null && +c.doneAt <= t) {
		return { status: 'done', dueAt, closedAt: c.doneAt };
	}
	if (c.status === 'dropped' && c.droppedAt !== null && +c.droppedAt <= t) {
		return { status: 'dropped', dueAt, closedAt: c.droppedAt };
	}
	return { status: 'open', dueAt };
}

/** Follow-through of a set of commitments as it stood at `at`. */
export function followThroughAt(records: Iterable<CommitmentRecord>, at: Instant): FollowThrough {
	const outcomes: CommitmentOutcome[] = [];
	for (const c of records) {
		const outcome = outcomeAt(c, at);
		if (outcome) outcomes.push(outcome);
	}
	return followThrough(outcomes, at);
}

/** Follow-through per key (leader, value, team), keys in first-seen order. */
export function followThroughBy<T extends CommitmentRecord, K>(
	records: Iterable<T>,
	keyOf: (record: T) => K,
	at: Instant
): Map<K, FollowThrough> {
	const groups = new Map<K, T[]>();
	for (const record of records) {
		const key = keyOf(record);
		const group = groups.get(key);
		if (group) group.push(record);
		else groups.set(key, [record]);
	}
	return new Map([...groups].map(([key, group]) => [key, followThroughAt(group, at)]));
}

/** Counts of open and overdue (past the current due date) commitments at `at`. */
export function openAndOverdue(
	records: Iterable<CommitmentRecord>,
	at: Instant
): { open: number; overdue: number } {
	let open = 0;
	let overdue = 0;
	for (const c of records) {
		const outcome = outcomeAt(c, at);
		if (outcome?.status !== 'open') continue;
		open++;
		if (+at > dueInstant(c.dueOn)) overdue++;
	}
	return { open, overdue };
}

/** A check-in's date: a real day, not in the future, at most a year back. */
export function checkinDate(value: unknown, now: Date): string | null {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	const parsed = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return null;
	// A day of slack ahead: someone east of the server's clock may already be in tomorrow.
	const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
	const earliest = new Date(now.getTime() - COMMITMENT_LIMITS.checkinDaysBack * 86_400_000)
		.toISOString()
		.slice(0, 10);
	return value >= earliest && value <= latest ? value : null;
}

export interface StandingAt {
	due: number;
	onTime: number;
	rate: number | null;
	open: number;
	overdue: number;
}

/**
 * `followThroughAt` and `openAndOverdue` for many instants at once, the same rules without an
 * object per commitment per instant: dashboards ask this of thousands of commitments.
 */
export function standingSeries(
	records: readonly CommitmentRecord[],
	instants: readonly Instant[]
): StandingAt[] {
	const prepared = records.map((c) => ({
		created: +c.createdAt,
		due: dueInstant(measuredDueOn(c)),
		dueNow: dueInstant(c.dueOn),
		done: c.status === 'done' && c.doneAt !== null ? +c.doneAt : null,
		dropped: c.status === 'dropped' && c.droppedAt !== null ? +c.droppedAt : null
	}));
	return instants.map((instant) => {
		const t = +instant;
		let onTime = 0;
		let missed = 0;
		let open = 0;
		let overdue = 0;
		for (const c of prepared) {
			if (c.created > t) continue;
			if (c.done !== null && c.done <= t) {
				if (c.done <= c.due) onTime++;
				else missed++;
			} else if (c.dropped !== null && c.dropped <= t) {
				if (c.dropped > c.due) missed++;
			} else {
				open++;
				if (t > c.dueNow) overdue++;
				if (t > c.due) missed++;
			}
		}
		const due = onTime + missed;
		return { due, onTime, rate: due === 0 ? null : (onTime * 100) / due, open, overdue };
	});
}
