/**
 * Whether a change between two periods is larger than its uncertainty for the group sizes
 * behind it (docs/metrics.md). Pure TypeScript.
 *
 * % favourable: a two-proportion z-test. Each period's share of favourable answers, with n the
 * distinct people behind it (not the answers: one person answers several statements, and their
 * answers move together, so counting answers would claim far more certainty than there is):
 *   p̄ = (p₁n₁ + p₂n₂) / (n₁ + n₂),  SE = √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  z = (p₂ − p₁) / SE.
 * eNPS: each person scores +1 (promoter), −1 (detractor) or 0; a period's eNPS is the mean, its
 * variance (P + D)/N − eNPS², and the difference is tested with unpooled (Welch) standard errors:
 *   SE = √(v₁/n₁ + v₂/n₂),  z = (e₂ − e₁) / SE.
 * A change is flagged when |z| > 1.96 (two-sided, 95 %); its margin is 1.96 · SE, so a change
 * is flagged exactly when it is larger than its margin.
 */

export const Z_95 = 1.959964;

export interface Change {
	/** Current minus previous, in points (percentage points, or eNPS points). */
	change: number;
	/** 1.96 standard errors of the difference, in the same points. */
	margin: number;
	z: number | null;
	/** Larger than its uncertainty: |change| > margin. */
	significant: boolean;
}

function judged(change: number, se: number): Change {
	if (se === 0) {
		// No spread at all on either side: any difference is a real one, none is none.
		return { change, margin: 0, z: null, significant: change !== 0 };
	}
	const z = change / se;
	return { change, margin: Z_95 * se, z, significant: Math.abs(z) > Z_95 };
}

/**
 * The change in a share (0–100 %) between two periods, each with the distinct people behind it.
 * Null when either side has no one.
 */
export function shareChange(
	previous: { percent: number; people: number },
	current: { percent: number; people: number }
): Change | null {
	const [n1, n2] = [previous.people, current.people];
	if (n1 <= 0 || n2 <= 0) return null;
	const [p1, p2] = [previous.percent / 100, current.percent / 100];
	const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	return judged((p2 - p1) * 100, se * 100);
}

/** One period's eNPS answers: how many, and promoters and detractors among them. */
export interface EnpsCounts {
	answers: number;
	promoters: number;
	detractors: number;
	/** Distinct people behind the answers. */
	people: number;
}

/** The change in eNPS (−100 … +100) between two periods; null when either has no answer. */
export function enpsChange(previous: EnpsCounts, current: EnpsCounts): Change | null {
	if (previous.answers === 0 || current.answers === 0) return null;
	if (previous.people <= 0 || current.people <= 0) return null;
	const stats = (c: EnpsCounts) => {
		const mean = (c.promoters - c.detractors) / c.answers;
		return { mean, variance: (c.promoters + c.detractors) / c.answers - mean * mean };
	};
	const [a, b] = [stats(previous), stats(current)];
	const se = Math.sqrt(a.variance / previous.people + b.variance / current.people);
	return judged((b.mean - a.mean) * 100, se * 100);
}
