import type { CalendarPeriod } from '$lib/domain/calendar';
import type { CommitmentState, CommitmentStatus } from '$lib/domain/commitments';
import type { AlignmentRating } from '$lib/domain/alignment';
import type { BoardStatus } from '$lib/domain/board';
import type { PulseItemKind, SafetyStatement } from '$lib/domain/pulse';
import { m } from '$lib/paraglide/messages';

export function statusLabel(status: CommitmentStatus): string {
	return {
		open: m.follow_status_open,
		done: m.follow_status_done,
		dropped: m.follow_status_dropped
	}[status]();
}

/** A status filter's name: the statuses, and overdue (open past the due date). */
export function stateLabel(state: CommitmentState): string {
	return state === 'overdue' ? m.follow_overdue() : statusLabel(state);
}

/** The calendar period (holding today) a list is narrowed to. */
export function periodLabel(period: CalendarPeriod): string {
	return {
		month: m.follow_due_period_month,
		quarter: m.follow_due_period_quarter,
		year: m.follow_due_period_year
	}[period]();
}

function safetyStatement(statement: SafetyStatement): string {
	return {
		speak_up: m.follow_safety_speak_up,
		mistakes: m.follow_safety_mistakes,
		ask_help: m.follow_safety_ask_help
	}[statement]();
}

/** A pulse item as respondents read it (the eNPS question has its own text). */
export function pulseStatement(item: {
	kind: PulseItemKind;
	valueName: string | null;
	leaderName: string | null;
	statement: string;
}): string {
	switch (item.kind) {
		case 'value':
			return m.follow_pulse_value_statement({
				value: item.valueName ?? m.follow_pulse_removed_value()
			});
		case 'leader':
			return m.follow_pulse_leader_statement({
				leader: item.leaderName ?? m.follow_pulse_removed_leader()
			});
		case 'enps':
			return m.follow_enps_question();
		case 'safety':
			return safetyStatement(item.statement as SafetyStatement);
	}
}

export function boardStatusLabel(status: BoardStatus): string {
	return {
		new: m.follow_board_status_new,
		heard: m.follow_board_status_heard,
		acting: m.follow_board_status_acting,
		done: m.follow_board_status_done
	}[status]();
}

export function ratingLabel(rating: AlignmentRating): string {
	return {
		aligned: m.follow_align_aligned,
		partly: m.follow_align_partly,
		conflicting: m.follow_align_conflicting
	}[rating]();
}
