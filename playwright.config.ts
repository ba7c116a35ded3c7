import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.js';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CI = Boolean(process.env.CI);

/**
 * End-to-end tests against the production build (`npm run test:e2e` builds first), served by
 * adapter-node on a fresh database file under tests/.output.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'tests/.output/results',
	fullyParallel: true,
	forbidOnly: CI,
	retries: 0,
	// The machines have two cores, shared with the server under test.
	workers: 2,
	reporter: 'list',
	// Generous: each test also sweeps its pages with axe, and CI machines can be busy.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: ORIGIN,
		locale: 'en-US',
		// Traces cost a lot on two cores; ask for them when needed: --trace on.
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					// CHROMIUM_PATH, else Debian's /usr/bin/chromium (npm test checks it first).
					executablePath: chromiumPath(),
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node tests/e2e/serve.js',
		url: ORIGIN,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DATABASE_URL: 'file:tests/.output/e2e.db',
			// Every account of the run signs up from 127.0.0.1 (20 an hour by default).
			SIGN_UPS_PER_HOUR: '100000',
			// In seconds. Playwright's request contexts reuse a socket without reading the server's
			// Keep-Alive timeout, so a request sent as the server closed an idle socket (after 5 s)
			// met ECONNRESET (the access walk, twice under load); browsers retry such a request,
			// the harness does not.
			KEEP_ALIVE_TIMEOUT: '120'
		}
	}
});
