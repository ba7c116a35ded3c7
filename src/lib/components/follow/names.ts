import type { CommitmentStatus } from '$lib/domain/commitments';
import type { AlignmentRating } from '$lib/domain/alignment';
import type { BoardStatus } from '$lib/domain/board';
import type { SafetyStatement } from '$lib/domain/pulse';
import { m } from '$lib/paraglide/messages';

export function statusLabel(status: CommitmentStatus): string {
	return {
		open: m.follow_status_open,
		done: m.follow_status_done,
		dropped: m.follow_status_dropped
	}[status]();
}

export function safetyStatement(statement: SafetyStatement): string {
	return {
		speak_up: m.follow_safety_speak_up,
		mistakes: m.follow_safety_mistakes,
		ask_help: m.follow_safety_ask_help
	}[statement]();
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
