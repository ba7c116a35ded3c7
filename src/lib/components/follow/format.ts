import { formatNumber } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime';

/** A percentage as the follow-through pages show it: whole numbers, "–" for none. */
export function percentText(value: number | null): string {
	return value === null ? '–' : `${formatNumber(Math.round(value))} %`;
}

/** A signed whole number (eNPS, a change): "+12", "−3", "0". */
export function signedText(value: number | null): string {
	if (value === null) return '–';
	const rounded = Math.round(value);
	return rounded > 0 ? `+${formatNumber(rounded)}` : formatNumber(rounded);
}

/** A `YYYY-MM-DD` day in the page's language, read as that day wherever the reader is. */
export function dayText(day: string): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day}T12:00:00Z`)
	);
}

/** One line of a TrendChart. */
export interface TrendSeries {
	label: string;
	colour: string;
	/** One value per label; null where there is none (hidden or not measured). */
	values: (number | null)[];
}

/** Distinct colours for lines, dark enough on white (WCAG 3:1 for graphics). */
export const LINE_COLOURS = [
	'#0b6e75',
	'#a3367a',
	'#2f5d9e',
	'#8a4b00',
	'#5b4a9e',
	'#1d6b35',
	'#b2182b',
	'#41525f'
];
