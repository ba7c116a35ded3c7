import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.{test,spec}.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Integration tests each open their own temp-file database; keep file I/O modest on 2 cores.
		pool: 'forks',
		testTimeout: 20_000
	}
});
