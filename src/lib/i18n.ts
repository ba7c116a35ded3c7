import type { ElementKind, GAPS, Lens, Role } from './domain/culture';
import { m } from './paraglide/messages';
import { getLocale } from './paraglide/runtime';

/** Names of the domain's enumerations in the current language. */
export function roleName(role: Role): string {
	return {
		owner: m.role_owner,
		facilitator: m.role_facilitator,
		leader: m.role_leader,
		viewer: m.role_viewer
	}[role]();
}

export function roleHint(role: Role): string {
	return {
		owner: m.role_owner_hint,
		facilitator: m.role_facilitator_hint,
		leader: m.role_leader_hint,
		viewer: m.role_viewer_hint
	}[role]();
}

export function lensName(lens: Lens): string {
	return {
		assumed: m.lens_assumed,
		current: m.lens_current,
		paradise: m.lens_paradise,
		strategic: m.lens_strategic
	}[lens]();
}

/** The question each lens asks, from the method. */
export function lensQuestion(lens: Lens): string {
	return {
		assumed: m.lens_assumed_question,
		current: m.lens_current_question,
		paradise: m.lens_paradise_question,
		strategic: m.lens_strategic_question
	}[lens]();
}

export function kindName(kind: ElementKind): string {
	return {
		looks_like: m.kind_looks_like,
		sounds_like: m.kind_sounds_like,
		feels_like: m.kind_feels_like,
		boundary: m.kind_boundary,
		ritual: m.kind_ritual,
		hero: m.kind_hero,
		signal: m.kind_signal
	}[kind]();
}

/** A heading over several elements of a kind ("Rituals"; behaviours read the same). */
export function kindPlural(kind: ElementKind): string {
	return {
		looks_like: m.kind_looks_like,
		sounds_like: m.kind_sounds_like,
		feels_like: m.kind_feels_like,
		boundary: m.kind_boundary_plural,
		ritual: m.kind_ritual_plural,
		hero: m.kind_hero_plural,
		signal: m.kind_signal_plural
	}[kind]();
}

export function kindHint(kind: ElementKind): string {
	return {
		looks_like: m.kind_looks_like_hint,
		sounds_like: m.kind_sounds_like_hint,
		feels_like: m.kind_feels_like_hint,
		boundary: m.kind_boundary_hint,
		ritual: m.kind_ritual_hint,
		hero: m.kind_hero_hint,
		signal: m.kind_signal_hint
	}[kind]();
}

/** The label of the button that adds an element of this kind. */
export function kindAdd(kind: ElementKind): string {
	return {
		looks_like: m.kind_looks_like_add,
		sounds_like: m.kind_sounds_like_add,
		feels_like: m.kind_feels_like_add,
		boundary: m.kind_boundary_add,
		ritual: m.kind_ritual_add,
		hero: m.kind_hero_add,
		signal: m.kind_signal_add
	}[kind]();
}

type GapId = (typeof GAPS)[number]['id'];

export function gapName(gap: GapId): string {
	return {
		say_do: m.map_gap_say_do,
		aspiration: m.map_gap_aspiration,
		strategic: m.map_gap_strategic,
		realism: m.map_gap_realism
	}[gap]();
}

export function gapHint(gap: GapId): string {
	return {
		say_do: m.map_gap_say_do_hint,
		aspiration: m.map_gap_aspiration_hint,
		strategic: m.map_gap_strategic_hint,
		realism: m.map_gap_realism_hint
	}[gap]();
}

export function formatDate(
	date: Date | number,
	style: 'short' | 'medium' | 'long' = 'medium'
): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: style }).format(date);
}

export function formatDateTime(date: Date | number): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
		date
	);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return new Intl.NumberFormat(getLocale(), options).format(value);
}
