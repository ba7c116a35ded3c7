/** The production server's memory bound (scripts/memory-bound.js). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_MB, memoryBoundArguments, MIN_HEAP_MB, SEMI_SPACE_MB } from './memory-bound.js';

describe('memoryBoundArguments', () => {
	it('bounds the heap on any machine, a quarter of the memory on a small one', () => {
		expect(memoryBoundArguments({ env: {}, memoryMb: 24_000 })).toEqual([
			`--max-old-space-size=${HEAP_MB}`,
			`--max-semi-space-size=${SEMI_SPACE_MB}`
		]);
		expect(memoryBoundArguments({ env: {}, memoryMb: 1024 })).toEqual([
			'--max-old-space-size=256',
			`--max-semi-space-size=${SEMI_SPACE_MB}`
		]);
		expect(memoryBoundArguments({ env: {}, memoryMb: 512 })).toEqual([
			`--max-old-space-size=${MIN_HEAP_MB}`,
			'--max-semi-space-size=8'
		]);
	});

	it('takes the sizes from the environment, and keeps what NODE_OPTIONS already says', () => {
		const env = { SERVER_HEAP_MB: '300', SERVER_SEMI_SPACE_MB: '4' };
		expect(memoryBoundArguments({ env, memoryMb: 24_000 })).toEqual([
			'--max-old-space-size=300',
			'--max-semi-space-size=4'
		]);
		expect(
			memoryBoundArguments({ env: { NODE_OPTIONS: '--max-old-space-size=1000' }, memoryMb: 24_000 })
		).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB}`]);
		expect(
			memoryBoundArguments({
				env: { NODE_OPTIONS: '--enable-source-maps --max_semi_space_size=2' },
				memoryMb: 24_000
			})
		).toEqual([`--max-old-space-size=${HEAP_MB}`]);
		expect(memoryBoundArguments({ env: { SERVER_HEAP_MB: 'off' }, memoryMb: 24_000 })).toEqual([]);
	});

	it('refuses a size that is not a whole number of MB', () => {
		for (const SERVER_HEAP_MB of ['0', '-1', '1.5', 'lots']) {
			expect(() => memoryBoundArguments({ env: { SERVER_HEAP_MB }, memoryMb: 24_000 })).toThrow(
				/SERVER_HEAP_MB must be a whole number/
			);
		}
	});
});

describe('launchBounded', () => {
	/** What a script launched as `npm start` launches the server sees of its own heap. */
	function heapSeenByLaunched(env: Record<string, string>) {
		const dir = mkdtempSync(join(os.tmpdir(), 'memory-bound-'));
		try {
			const child = join(dir, 'child.mjs');
			writeFileSync(
				child,
				`import v8 from 'node:v8';\n` +
					`console.log(JSON.stringify({ limitMb: v8.getHeapStatistics().heap_size_limit / 2 ** 20, connected: process.connected }));\n` +
					`process.disconnect();\n`
			);
			const launcher = resolve(import.meta.dirname, 'memory-bound.js');
			const out = execFileSync(
				process.execPath,
				[
					'--input-type=module',
					'-e',
					`import(${JSON.stringify(launcher)}).then((m) => m.launchBounded(${JSON.stringify(child)}))`
				],
				{ env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' }
			);
			return JSON.parse(out) as { limitMb: number; connected: boolean };
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	it('runs the server in a node with the bound, and with a channel back to the launcher', () => {
		const bounded = heapSeenByLaunched({});
		expect(bounded.connected).toBe(true);
		// The heap's limit is the old generation's ceiling plus the young generation.
		expect(bounded.limitMb).toBeGreaterThanOrEqual(MIN_HEAP_MB);
		expect(bounded.limitMb).toBeLessThan(HEAP_MB + 4 * SEMI_SPACE_MB);
		const overridden = heapSeenByLaunched({ SERVER_HEAP_MB: '200', SERVER_SEMI_SPACE_MB: '8' });
		expect(overridden.limitMb).toBeGreaterThanOrEqual(200);
		expect(overridden.limitMb).toBeLessThan(200 + 4 * 8);
	});
});
