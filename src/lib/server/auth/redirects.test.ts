import { describe, expect, it } from 'vitest';
import { safeNext } from './redirects';

describe('safeNext', () => {
	it('keeps paths on this site', () => {
		expect(safeNext('/o/abc?lens=current')).toBe('/o/abc?lens=current');
	});

	it('refuses anything that could leave the site', () => {
		for (const next of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:x',
			''
		]) {
			expect(safeNext(next)).toBe('/app');
		}
		expect(safeNext(null, '/')).toBe('/');
	});
});
