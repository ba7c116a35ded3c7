import { describe, expect, it } from 'vitest';
import { keptQrCodes, qrFor } from './qr';

describe('QR codes', () => {
	it('are made once per link while kept, and at most 500 are kept', async () => {
		const first = qrFor('https://example.org/join/ABC123');
		expect(qrFor('https://example.org/join/ABC123')).toBe(first);
		expect(await first).toMatch(/^data:image\/svg\+xml;base64,/);
		for (let i = 0; i < 600; i++) void qrFor(`https://example.org/join/${i}`);
		expect(keptQrCodes()).toBe(500);
		expect(qrFor('https://example.org/join/ABC123')).not.toBe(first);
	});
});
