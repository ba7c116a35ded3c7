import { describe, expect, it } from 'vitest';
import { enpsChange, shareChange } from './change';

describe('is a change in % favourable larger than its uncertainty? (two-proportion z-test)', () => {
	it('the worked example of docs/metrics.md: 50 % → 80 % with 12 people each is within the noise', () => {
		// p̄ = (0.5·12 + 0.8·12) / 24 = 0.65; SE = √(0.65 · 0.35 · (1/12 + 1/12)) = √0.0379167
		// = 0.19472; margin = 1.96 · 0.19472 = 0.38165 → 38.2 points; z = 0.30 / 0.19472 = 1.541.
		const small = shareChange({ percent: 50, people: 12 }, { percent: 80, people: 12 })!;
		expect(small.change).toBeCloseTo(30, 10);
		expect(small.margin).toBeCloseTo(38.16, 1);
		expect(small.z).toBeCloseTo(1.5407, 3);
		expect(small.significant).toBe(false);
		// The same 30 points with 40 people each: SE = √(0.2275 · 0.05) = 0.10665, margin 20.9.
		const large = shareChange({ percent: 50, people: 40 }, { percent: 80, people: 40 })!;
		expect(large.margin).toBeCloseTo(20.9, 1);
		expect(large.z).toBeCloseTo(2.8129, 3);
		expect(large.significant).toBe(true);
	});

	it('flags drops as well as rises, and nothing without people on both sides', () => {
		const drop = shareChange({ percent: 80, people: 40 }, { percent: 50, people: 40 })!;
		expect(drop.change).toBeCloseTo(-30, 10);
		expect(drop.significant).toBe(true);
		expect(shareChange({ percent: 80, people: 0 }, { percent: 50, people: 40 })).toBe(null);
		const same = shareChange({ percent: 100, people: 9 }, { percent: 100, people: 9 })!;
		expect(same).toMatchObject({ change: 0, margin: 0, significant: false });
	});
});

describe('is a change in eNPS larger than its uncertainty? (Welch, per-person scores +1/0/−1)', () => {
	it('a hand-checked example', () => {
		// Before: 20 people, 6 promoters, 8 detractors: eNPS −10, variance 14/20 − 0.01 = 0.69.
		// After: 20 people, 12 promoters, 3 detractors: eNPS +45, variance 15/20 − 0.2025 = 0.5475.
		// SE = √(0.69/20 + 0.5475/20) = √0.061875 = 0.24875; margin 48.8 points; z = 0.55/0.24875 = 2.211.
		const c = enpsChange(
			{ answers: 20, promoters: 6, detractors: 8, people: 20 },
			{ answers: 20, promoters: 12, detractors: 3, people: 20 }
		)!;
		expect(c.change).toBeCloseTo(55, 10);
		expect(c.margin).toBeCloseTo(48.75, 1);
		expect(c.z).toBeCloseTo(2.211, 3);
		expect(c.significant).toBe(true);
		// Ten people, 3 promoters and 4 detractors (−10) → 6 and 2 (+40): variances 0.69 and
		// 0.64, SE = √(0.069 + 0.064) = 0.3647, z = 0.50 / 0.3647 = 1.371: 50 points, not flagged.
		const fewer = enpsChange(
			{ answers: 10, promoters: 3, detractors: 4, people: 10 },
			{ answers: 10, promoters: 6, detractors: 2, people: 10 }
		)!;
		expect(fewer.z).toBeCloseTo(1.371, 3);
		expect(fewer.significant).toBe(false);
	});

	it('is null without answers on either side', () => {
		expect(
			enpsChange(
				{ answers: 0, promoters: 0, detractors: 0, people: 0 },
				{ answers: 5, promoters: 5, detractors: 0, people: 5 }
			)
		).toBe(null);
	});
});
