import { describe, expect, it } from 'vitest';
import { normaliseAccessCode, formatAccessCode } from '../../domain/access-codes';
import { CodesForm, HeadCountForm, WaitingForm } from './forms';

describe('the admission forms', () => {
	it('take a head count as a whole number, or none for an empty field', () => {
		expect(HeadCountForm.safeParse({ expected: ' 23 ' }).data).toEqual({ expected: 23 });
		expect(HeadCountForm.safeParse({ expected: '' }).data).toEqual({ expected: null });
		for (const bad of ['0', '-3', '2.5', 'abc', '10001', undefined]) {
			expect(HeadCountForm.safeParse({ expected: bad }).success, String(bad)).toBe(false);
		}
	});

	it('take one waiting device or all of them, never nothing', () => {
		expect(WaitingForm.safeParse({ id: 'abc' }).data).toEqual(['abc']);
		expect(WaitingForm.safeParse({ all: 'on' }).data).toBe('all');
		expect(WaitingForm.safeParse({}).success).toBe(false);
	});

	it('print between 1 and 200 codes at a time', () => {
		expect(CodesForm.safeParse({ count: '30' }).data).toEqual({ count: 30 });
		for (const bad of ['0', '201', 'x', '']) {
			expect(CodesForm.safeParse({ count: bad }).success).toBe(false);
		}
	});
});

describe('one-time codes as typed', () => {
	it('forgive case, spaces and the dash, and refuse anything else', () => {
		expect(normaliseAccessCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
		expect(formatAccessCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
		for (const bad of ['ABCDE-FGHJ', 'ABCDE-FGHJKL', 'ABCDE-FGHI1', 'OOOOO00000']) {
			expect(normaliseAccessCode(bad), bad).toBeNull();
		}
	});
});
