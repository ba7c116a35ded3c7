/** The workshop's enumerations in the current language. */
import {
	LIMITS,
	SCALES,
	type ActivityConfig,
	type ActivityKind,
	type CollectTarget,
	type WorkshopStatus
} from '$lib/domain/workshop';
import type { Lens } from '$lib/domain/culture';
import { kindName, lensName } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** A kind's name: in the current language, or in `locale` (an added activity's default title). */
export function activityKindName(kind: ActivityKind, locale?: Locale): string {
	return {
		collect: m.workshop_kind_collect,
		rate: m.workshop_kind_rate,
		dot_vote: m.workshop_kind_dot_vote,
		allocate: m.workshop_kind_allocate,
		outsider: m.workshop_kind_outsider,
		commit: m.workshop_kind_commit,
		discuss: m.workshop_kind_discuss
	}[kind]({}, { locale });
}

export function activityKindHint(kind: ActivityKind): string {
	return {
		collect: m.workshop_kind_collect_hint,
		rate: m.workshop_kind_rate_hint,
		dot_vote: m.workshop_kind_dot_vote_hint,
		allocate: m.workshop_kind_allocate_hint,
		outsider: m.workshop_kind_outsider_hint,
		commit: m.workshop_kind_commit_hint,
		discuss: m.workshop_kind_discuss_hint
	}[kind]();
}

/** What a collect activity gathers: values, or a kind of element. */
export function collectTargetName(target: CollectTarget): string {
	return target === 'value' ? m.workshop_target_value() : kindName(target);
}

export function statusName(status: WorkshopStatus): string {
	return {
		draft: m.workshop_status_draft,
		live: m.workshop_status_live,
		locked: m.workshop_status_locked,
		ended: m.workshop_status_ended
	}[status]();
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function clock(totalSeconds: number): string {
	const s = Math.max(0, Math.ceil(totalSeconds));
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const seconds = String(s % 60).padStart(2, '0');
	return hours > 0
		? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
		: `${minutes}:${seconds}`;
}

/** One line that says what an activity is set up to ask. */
export function configSummary(config: ActivityConfig): string {
	const parts: string[] = [];
	if ('lens' in config) parts.push(lensName(config.lens));
	if ('lenses' in config) parts.push(config.lenses.map(lensName).join(' + '));
	switch (config.kind) {
		case 'collect':
			parts.push(collectTargetName(config.target));
			break;
		case 'rate':
			parts.push(m.workshop_scale_range(SCALES[config.scale]));
			break;
		case 'dot_vote':
			parts.push(m.workshop_summary_dots({ count: config.dots }));
			break;
		case 'allocate':
			parts.push(m.workshop_summary_points({ count: LIMITS.allocateTotal }));
			break;
	}
	if ('valueIds' in config) {
		parts.push(m.workshop_summary_values({ count: config.valueIds.length }));
	}
	return parts.join(' · ');
}

/** A lens in one word, where space is short (beside a bar). */
export function lensShortName(lens: Lens): string {
	return {
		assumed: m.present_lens_assumed_short,
		current: m.present_lens_current_short,
		paradise: m.present_lens_paradise_short,
		strategic: m.present_lens_strategic_short
	}[lens]();
}
