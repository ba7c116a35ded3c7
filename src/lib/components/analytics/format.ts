import type { EntropyBand } from '$lib/domain/metrics';
import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export interface BarSeries {
	label: string;
	data: (number | null)[];
	/** One colour, or one per bar. */
	colour: string | string[];
}

/** One decimal, always shown: 3.0, 2.5. */
export const one = (n: number) =>
	formatNumber(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A signed number with one decimal: +1.2, −0.4, 0.0. */
export const signed = (n: number) =>
	formatNumber(n, {
		maximumFractionDigits: 1,
		minimumFractionDigits: 1,
		signDisplay: 'exceptZero'
	});

/** A percentage, rounded to whole points; with `decimals` near a boundary. */
export const pct = (n: number, decimals = 0) =>
	`${formatNumber(n, { maximumFractionDigits: decimals, minimumFractionDigits: decimals })} %`;

/** Dots and points are whole; summed shares (several activities under a lens) get a decimal. */
export const formatVotes = (n: number) => (Number.isInteger(n) ? formatNumber(n) : one(n));

export function bandName(band: EntropyBand): string {
	return {
		healthy: m.analytics_band_healthy,
		minor: m.analytics_band_minor,
		significant: m.analytics_band_significant,
		serious: m.analytics_band_serious,
		critical: m.analytics_band_critical
	}[band]();
}
