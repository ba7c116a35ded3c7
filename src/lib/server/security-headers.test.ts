import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
	SECURITY_HEADERS,
	securityHeaderList,
	securityHeadersFor,
	servedOverHttps,
	setSecurityHeaders
} from './security-headers';

describe('servedOverHttps', () => {
	it('follows ORIGIN when it is set, whatever a client claims', () => {
		expect(servedOverHttps({}, { ORIGIN: 'https://culture.example' })).toBe(true);
		expect(
			servedOverHttps(
				{ 'x-forwarded-proto': 'https' },
				{ ORIGIN: 'http://localhost:3000', PROTOCOL_HEADER: 'x-forwarded-proto' }
			)
		).toBe(false);
	});

	it('trusts the protocol header only when adapter-node is told to', () => {
		const proxy = { PROTOCOL_HEADER: 'X-Forwarded-Proto' };
		expect(servedOverHttps({ 'x-forwarded-proto': 'https' }, proxy)).toBe(true);
		expect(servedOverHttps({ 'x-forwarded-proto': 'https, http' }, proxy)).toBe(true);
		expect(servedOverHttps({ 'x-forwarded-proto': 'http' }, proxy)).toBe(false);
		expect(servedOverHttps({}, proxy)).toBe(false);
	});
});

describe('security headers', () => {
	it('add Strict-Transport-Security over https only', () => {
		expect(securityHeadersFor(true)['strict-transport-security']).toBe('max-age=31536000');
		expect(securityHeadersFor(false)).toEqual(SECURITY_HEADERS);
		expect(securityHeadersFor(false)).not.toHaveProperty('strict-transport-security');
	});

	it('are set on a node response before anything else writes to it', () => {
		const set = new Map<string, string>();
		const res = { setHeader: (name: string, value: string) => set.set(name, value) };
		const previous = process.env.ORIGIN;
		process.env.ORIGIN = 'https://culture.example';
		try {
			setSecurityHeaders({ headers: {} } as IncomingMessage, res as unknown as ServerResponse);
			expect(Object.fromEntries(set)).toEqual(securityHeadersFor(true));
			expect(securityHeaderList({})).toContain('strict-transport-security');
		} finally {
			if (previous === undefined) delete process.env.ORIGIN;
			else process.env.ORIGIN = previous;
		}
	});
});
