import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '../fixtures';

/**
 * Behind a proxy (`ADDRESS_HEADER`) every request should carry the client's address, but a
 * health check or a request straight to the app may not. Only what needs the address may fail
 * without it: a page that merely picks its language must not answer 500 (it did, once the
 * language of `/join/<code>` came to spend a join-code guess by address).
 */

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

test('behind a proxy, a request without the address header still gets its page', async () => {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['tests/e2e/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: 'file:tests/.output/proxy.db',
			ADDRESS_HEADER: 'x-forwarded-for'
		},
		stdio: 'ignore'
	});
	try {
		await expect
			.poll(
				() =>
					fetch(origin).then(
						(r) => r.status,
						() => 0
					),
				{ timeout: 30_000 }
			)
			.toBe(200);
		for (const path of ['/', '/join', '/join/ABCDEF', '/signin']) {
			const bare = await fetch(origin + path);
			expect(bare.status, path).toBe(200);
			const proxied = await fetch(origin + path, { headers: { 'x-forwarded-for': '203.0.113.9' } });
			expect(proxied.status, path).toBe(200);
		}
	} finally {
		server.kill('SIGTERM');
	}
});
