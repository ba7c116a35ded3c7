/**
 * Pulse checks: a short, recurring, anonymous survey of a team. One statement per strategic
 * value ("In the last weeks, my leaders visibly lived …", 1–5 agree), optionally one per leader
 * of the team ("In the last weeks, Ann visibly lived our values", 1–5 agree), the eNPS question
 * (0–10), optional psychological-safety statements (1–5), and one open question whose answers
 * go to the team's outsider-voice board. Pure TypeScript: dates, states, items and the answer
 * check.
 */
import { tidyText } from './culture';
import { enps, favourable, unlessTooFew, type Enps, type Hidden } from './metrics';

export const PULSE_LIMITS = {
	cadenceWeeks: { min: 1, max: 26 },
	/** How long a pulse may stay open, in days. */
	windowDays: { min: 1, max: 56 },
	openQuestion: { min: 1, max: 200 },
	openAnswer: { max: 1000 },
	/** Value statements per pulse: a pulse stays short. */
	values: { max: 12 },
	/** Leader statements per pulse. */
	leaders: { max: 8 },
	/** Characters of a value's behaviours shown under its statement. */
	behaviours: { max: 240 }
} as const;

export const PULSE_ITEM_KINDS = ['value', 'leader', 'enps', 'safety'] as const;
export type PulseItemKind = (typeof PULSE_ITEM_KINDS)[number];

/** Psychological safety, after Edmondson's team survey: statements worded positively. */
export const SAFETY_STATEMENTS = ['speak_up', 'mistakes', 'ask_help'] as const;
export type SafetyStatement = (typeof SAFETY_STATEMENTS)[number];

export const AGREE_SCALE = { min: 1, max: 5 } as const;
export const ENPS_SCALE = { min: 0, max: 10 } as const;

export function scaleOf(kind: PulseItemKind) {
	return kind === 'enps' ? ENPS_SCALE : AGREE_SCALE;
}

export type PulseState = 'scheduled' | 'open' | 'closed';

const DAY = 86_400_000;

function isDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Whether a pulse takes answers on `today` (both dates included, as days). */
export function pulseState(
	pulse: { opensOn: string; closesOn: string },
	today: string
): PulseState {
	if (today < pulse.opensOn) return 'scheduled';
	return today > pulse.closesOn ? 'closed' : 'open';
}

export type PulseDateProblem = 'opens_invalid' | 'closes_invalid' | 'closes_before' | 'too_long';

/**
 * Checks a pulse's dates: it opens between yesterday and a year ahead, closes on or after
 * the day it opens, and stays open at most `windowDays.max` days.
 */
export function checkPulseDates(
	opensOn: string,
	closesOn: string,
	today: string
): { opensOn?: PulseDateProblem; closesOn?: PulseDateProblem } {
	const problems: { opensOn?: PulseDateProblem; closesOn?: PulseDateProblem } = {};
	if (!isDay(opensOn) || opensOn < addDays(today, -1) || opensOn > addDays(today, 366)) {
		problems.opensOn = 'opens_invalid';
	}
	if (!isDay(closesOn)) problems.closesOn = 'closes_invalid';
	else if (!problems.opensOn && closesOn < opensOn) problems.closesOn = 'closes_before';
	else if (!problems.opensOn && daysBetween(opensOn, closesOn) + 1 > PULSE_LIMITS.windowDays.max) {
		problems.closesOn = 'too_long';
	}
	return problems;
}

/** The dates the next pulse is suggested for: `cadenceWeeks` after this one, as long open. */
export function nextPulseDates(
	pulse: { opensOn: string; closesOn: string; cadenceWeeks: number },
	today: string
): { opensOn: string; closesOn: string } {
	const length = daysBetween(pulse.opensOn, pulse.closesOn);
	let opensOn = addDays(pulse.opensOn, pulse.cadenceWeeks * 7);
	// Never suggest a day in the past: skip cadences that have gone by.
	while (opensOn < today) opensOn = addDays(opensOn, pulse.cadenceWeeks * 7);
	return { opensOn, closesOn: addDays(opensOn, length) };
}

/** A value as a pulse asks about it. */
export interface PulseValue {
	id: string;
	name: string;
	/** Its behaviours (looks, sounds, feels like), in the map's order. */
	behaviours: string[];
}

export interface NewPulseItem {
	kind: PulseItemKind;
	valueId: string | null;
	leaderId: string | null;
	/**
	 * For a value: its behaviours, as shown under the statement; for a leader: the values the
	 * statement is about, by name; for safety: which statement.
	 */
	statement: string;
}

/**
 * The behaviours that make a value's statement concrete, cut to fit: after the last whole
 * behaviour that fits, else after the last whole word (never in the middle of one).
 */
export function behaviourSummary(behaviours: readonly string[]): string {
	const max = PULSE_LIMITS.behaviours.max;
	const joined = behaviours
		.map((b) => b.trim())
		.filter(Boolean)
		.join(' · ');
	if (joined.length <= max) return joined;
	const room = joined.slice(0, max - 1);
	const whole = room.lastIndexOf(' · ');
	if (whole >= max / 2) return `${room.slice(0, whole)} …`;
	// The first space past the room would be a cut between words too.
	const space = joined[max - 1] === ' ' ? room.length : room.search(/\s\S*$/);
	return space > 0 ? `${room.slice(0, space).trimEnd()}…` : `${room}…`;
}

/** The value names a leader statement lists, cut to fit like behaviours. */
function valueNames(values: readonly PulseValue[]): string {
	return behaviourSummary(values.map((v) => v.name));
}

/**
 * The items of a new pulse: the values, then each leader (when asked for), then the eNPS
 * question, then safety if asked for.
 */
export function pulseItems(
	values: readonly PulseValue[],
	options: { withSafety: boolean; leaderIds?: readonly string[] }
): NewPulseItem[] {
	const asked = values.slice(0, PULSE_LIMITS.values.max);
	const none = { valueId: null, leaderId: null };
	return [
		...asked.map((v) => ({
			...none,
			kind: 'value' as const,
			valueId: v.id,
			statement: behaviourSummary(v.behaviours)
		})),
		...(options.leaderIds ?? []).slice(0, PULSE_LIMITS.leaders.max).map((leaderId) => ({
			...none,
			kind: 'leader' as const,
			leaderId,
			statement: valueNames(asked)
		})),
		{ ...none, kind: 'enps' as const, statement: '' },
		...(options.withSafety
			? SAFETY_STATEMENTS.map((s) => ({ ...none, kind: 'safety' as const, statement: s }))
			: [])
	];
}

export type AnswerProblem = 'answer_required' | 'answer_out_of_range';

/**
 * A respondent's form: a whole score on its scale for every item (`item_<id>` fields), and an
 * optional open answer. Returns the scores, or a problem per item that is missing or wrong.
 */
export function checkPulseAnswers(
	items: readonly { id: string; kind: PulseItemKind }[],
	fields: Record<string, string>
):
	| { ok: true; scores: Map<string, number>; open: string }
	| { ok: false; problems: Record<string, AnswerProblem | 'open_too_long'> } {
	const scores = new Map<string, number>();
	const problems: Record<string, AnswerProblem | 'open_too_long'> = {};
	for (const item of items) {
		const raw = fields[`item_${item.id}`]?.trim() ?? '';
		if (raw === '') {
			problems[item.id] = 'answer_required';
			continue;
		}
		const score = Number(raw);
		const scale = scaleOf(item.kind);
		if (!/^\d+$/.test(raw) || score < scale.min || score > scale.max) {
			problems[item.id] = 'answer_out_of_range';
			continue;
		}
		scores.set(item.id, score);
	}
	const open = tidyText(fields.open ?? '');
	if (open.length > PULSE_LIMITS.openAnswer.max) problems.open = 'open_too_long';
	return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, scores, open };
}

export interface ItemResult {
	itemId: string;
	kind: PulseItemKind;
	/** Answers to this item. */
	n: number;
	/** % favourable (4–5) for value and safety statements. */
	favourable: number | null;
	/** eNPS for the eNPS question. */
	enps: Enps | null;
}

/**
 * A pulse's results from counts per item and score, or why they are hidden: n is the number
 * of respondents (people), checked against the organisation's minimum group size.
 */
export function pulseResults(
	items: readonly { id: string; kind: PulseItemKind }[],
	counts: readonly { itemId: string; score: number; n: number }[],
	respondents: number,
	minGroupSize: number
): ItemResult[] | Hidden {
	return unlessTooFew(respondents, minGroupSize, () =>
		items.map((item) => {
			const distribution = counts
				.filter((c) => c.itemId === item.id)
				.map((c) => [c.score, c.n] as const);
			return {
				itemId: item.id,
				kind: item.kind,
				n: distribution.reduce((sum, [, n]) => sum + n, 0),
				favourable: item.kind === 'enps' ? null : favourable(distribution),
				enps: item.kind === 'enps' ? enps(distribution) : null
			};
		})
	);
}

/** Where a pulse's releases stand (docs/security.md, differencing): counts, never answers. */
export interface ReleaseStatus {
	/** Responses so far. */
	responses: number;
	/** Respondents behind the latest release: the results staff see are theirs. */
	released: number;
	/** Responses added, changed or removed since the latest release. */
	changes: number;
}

/**
 * What staff are told about the results they read: how many responses the latest release
 * includes, and how many more people must answer or change their answers before the next one
 * (at least the minimum group size of changes, so that two releases never differ by fewer).
 */
export function nextRelease(status: ReleaseStatus, minGroupSize: number) {
	return {
		responses: status.responses,
		released: status.released,
		upToDate: status.changes === 0,
		more: Math.max(1, minGroupSize - status.changes)
	};
}
