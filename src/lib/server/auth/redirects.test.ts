import { describe, expect, it } from 'vitest';
import { safeNext } from './redirects';

describe('safeNext', () => {
	it('keeps paths on this site', () => {
		expect(safeNext('/o/abc?lens=current')).toBe('/o/abc?lens=current');
		expect(safeNext('/o/abc/t/def#votes')).toBe('/o/abc/t/def#votes');
		expect(safeNext('/')).toBe('/');
	});

	it('sends non-ASCII as escapes, so the Location header can always be written', () => {
		expect(safeNext('/o/é?q=ü')).toBe('/o/%C3%A9?q=%C3%BC');
	});

	it('refuses anything that could leave the site', () => {
		for (const next of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:x',
			'',
			'o/relative'
		]) {
			expect(safeNext(next), JSON.stringify(next)).toBe('/app');
		}
		expect(safeNext(null, '/')).toBe('/');
		expect(safeNext(undefined, '/')).toBe('/');
		expect(safeNext(42, '/')).toBe('/');
	});

	it('refuses every control character, which browsers drop before reading the address', () => {
		// Chromium reads `/\t/evil.example` as `//evil.example`, another host.
		expect(safeNext('/\t/evil.example')).toBe('/app');
		for (let code = 0; code < 0x20; code++) {
			const next = `/${String.fromCharCode(code)}/evil.example`;
			expect(safeNext(next), `U+${code.toString(16)}`).toBe('/app');
			expect(safeNext(`/o/a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe('/app');
		}
		for (const char of [
			'\u007f',
			'\u0085',
			'\u009f',
			'\u2028',
			'\u2029',
			'\u202e',
			'\u2066',
			'\u200b',
			'\ufeff'
		]) {
			expect(safeNext(`/o${char}x`), JSON.stringify(char)).toBe('/app');
		}
		// Newlines would also make the header unsendable (a 500 before this check).
		expect(safeNext('/o/a\r\nSet-Cookie: x=y')).toBe('/app');
	});

	it('refuses the same tricks percent-encoded, once or twice', () => {
		for (const next of [
			'/%09/evil.example',
			'/%2F/evil.example',
			'/%2f%2fevil.example',
			'/%5Cevil.example',
			'/%5cevil.example',
			'/%0d%0aSet-Cookie:%20x=y',
			'/%252F/evil.example',
			'/%25%30%39/evil.example',
			'/%E2%80%AEevil'
		]) {
			expect(safeNext(next), next).toBe('/app');
		}
	});

	it('refuses paths too long to be a real one', () => {
		expect(safeNext(`/${'a'.repeat(2000)}`)).toBe('/app');
	});
});
