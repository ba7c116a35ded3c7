import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from './csv';

describe('toCsv', () => {
	it('starts with a byte-order mark and ends lines with CRLF', () => {
		expect(toCsv(['a', 'b'], [[1, 'x']])).toBe(`${BOM}a,b\r\n1,x\r\n`);
	});

	it('quotes commas, quotes and line breaks, and doubles quotes', () => {
		expect(toCsv(['v'], [['a,b'], ['say "hi"'], ['two\nlines']])).toBe(
			`${BOM}v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n`
		);
	});

	it('keeps Dutch characters as they are', () => {
		expect(toCsv(['waarde'], [['Eigenaarschap ë ï é ĳ']])).toBe(
			`${BOM}waarde\r\nEigenaarschap ë ï é ĳ\r\n`
		);
	});

	it('turns text that a spreadsheet would run as a formula into text, but not numbers', () => {
		expect(
			toCsv(
				['v', 'n'],
				[
					['=HYPERLINK("x")', -1.5],
					['+1', 0],
					['@me', 2]
				]
			)
		).toBe(`${BOM}v,n\r\n"'=HYPERLINK(""x"")",-1.5\r\n'+1,0\r\n'@me,2\r\n`);
	});

	it('writes empty cells for nothing, and booleans as words', () => {
		expect(toCsv(['a', 'b', 'c'], [[null, undefined, true]])).toBe(`${BOM}a,b,c\r\n,,true\r\n`);
	});

	it('refuses numbers that are not finite', () => {
		expect(() => toCsv(['n'], [[Number.NaN]])).toThrow(RangeError);
	});

	it('writes only the header without rows', () => {
		expect(toCsv(['a'], [])).toBe(`${BOM}a\r\n`);
	});
});
