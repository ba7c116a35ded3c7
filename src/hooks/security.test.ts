import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security';

async function answer(
	url: string,
	user: boolean,
	response = new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } })
) {
	const event = {
		url: new URL(url),
		locals: { user: user ? { id: 'u' } : null }
	} as unknown as RequestEvent;
	return securityHeaders({ event, resolve: async () => response });
}

describe('the security headers hook', () => {
	it('sends Strict-Transport-Security when the app is served over https', async () => {
		const secure = await answer('https://culture.example/', false);
		expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
		expect(secure.headers.get('x-frame-options')).toBe('DENY');
		const plain = await answer('http://localhost:3000/', false);
		expect(plain.headers.has('strict-transport-security')).toBe(false);
	});

	it("keeps a signed-in person's pages out of every cache, even one a page asked for", async () => {
		const page = await answer('http://localhost/o/x', true);
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		const cached = new Response('<p>hi</p>', {
			headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=600' }
		});
		expect((await answer('http://localhost/', true, cached)).headers.get('cache-control')).toBe(
			'private, no-store'
		);
		const data = new Response('{}', { headers: { 'content-type': 'application/json' } });
		expect((await answer('http://localhost/x', true, data)).headers.get('cache-control')).toBe(
			'private, no-store'
		);
		// A download that chose its own stays as it is; anonymous pages are left alone.
		const download = new Response('a,b', {
			headers: { 'content-type': 'text/csv', 'cache-control': 'private, max-age=0' }
		});
		expect((await answer('http://localhost/x', true, download)).headers.get('cache-control')).toBe(
			'private, max-age=0'
		);
		expect((await answer('http://localhost/', false)).headers.has('cache-control')).toBe(false);
	});
});
