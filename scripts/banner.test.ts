/** What `npm start` prints once the server listens (scripts/banner.js). */
import { describe, expect, it } from 'vitest';
import { describeDatabase, startupLines } from './banner.js';

describe('startupLines', () => {
	const lines = startupLines({
		origin: 'http://localhost:3000',
		databaseUrl: 'file:./data/undercurrent.db',
		cwd: '/srv/undercurrent'
	});

	it('says where the app is, where its data is and how to sign in after seeding', () => {
		const text = lines.join('\n');
		// "listening" is what the crash test and bench:live wait for.
		expect(lines[0]).toBe('Undercurrent is listening on http://localhost:3000');
		expect(text).toContain('database  ./data/undercurrent.db');
		expect(text).toContain('http://localhost:3000/signup');
		expect(text).toContain('npm run seed');
		expect(text).toContain('http://localhost:3000/signin');
	});

	it('sends nobody to a script that does not exist', () => {
		expect(lines.join('\n')).not.toMatch(/npm run preview/);
	});
});

describe('describeDatabase', () => {
	it('shows a file inside the work folder relative to it, any other absolute', () => {
		expect(describeDatabase('file:data/x.db', '/srv/app')).toBe('./data/x.db');
		expect(describeDatabase('file:/var/lib/uc/x.db', '/srv/app')).toBe('/var/lib/uc/x.db');
		expect(describeDatabase('file:../x.db', '/srv/app')).toBe('/srv/x.db');
	});

	it('shows a remote database without its query string', () => {
		expect(describeDatabase('libsql://db.example.org?authToken=secret', '/srv/app')).toBe(
			'libsql://db.example.org (remote libsql)'
		);
	});
});
