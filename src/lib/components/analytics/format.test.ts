import { describe, expect, it } from 'vitest';
import { bandName, formatVotes, one, pct, signed } from './format';

// Tests run in the base locale, English.
describe('number formats of the results pages', () => {
	it('shows one decimal always', () => {
		expect(one(3)).toBe('3.0');
		expect(one(7 / 3)).toBe('2.3');
	});

	it('signs gaps and changes, but not zero', () => {
		expect(signed(1.25)).toBe('+1.3');
		expect(signed(-2.6)).toBe('-2.6');
		expect(signed(0)).toBe('0.0');
	});

	it('rounds percentages to whole points unless asked for decimals', () => {
		expect(pct(66.666)).toBe('67 %');
		expect(pct(100 / 3, 1)).toBe('33.3 %');
	});

	it('writes whole votes as they are and summed shares with a decimal', () => {
		expect(formatVotes(1200)).toBe('1,200');
		expect(formatVotes(150.25)).toBe('150.3');
	});

	it('names every entropy band', () => {
		expect(bandName('healthy')).toBe('Healthy');
		expect(bandName('critical')).toBe('Critical issues');
	});
});
