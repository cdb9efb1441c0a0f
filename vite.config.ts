import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './i18n.config.js';

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		// Each test file gets its own temporary SQLite file with migrations applied.
		setupFiles: ['tests/setup/temp-db.ts'],
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		// Vitest's default leaves one core idle (availableParallelism − 1), which is a single
		// worker on a 2-core CI machine; the suite spends much of its time waiting on SQLite
		// files and PDF tools, so every core pays (measured: 140 s → 93 s on 2 cores).
		maxWorkers: availableParallelism()
	}
});
