import type { Role } from './domain/culture';
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
