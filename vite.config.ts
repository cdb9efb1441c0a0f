import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { paraglideOptions, paraglideOutput } from './i18n.config.js';

export default defineConfig({
	plugins: [
		// Vitest loads the messages afresh in every test file: one module per locale there, not
		// one per message (some 2 200), which made each file that touches a message take seconds
		// to import. Paraglide's own advice: «locale-modules for development and message-modules
		// for production» (compiler option `outputStructure`). Builds keep one module per message.
		paraglideVitePlugin({
			...paraglideOptions,
			outputStructure: process.env.VITEST ? 'locale-modules' : paraglideOptions.outputStructure
		}),
		sveltekit()
	],
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		// Measured: import 233 s → 132 s, the whole suite 212 s → 165 s on 2 cores.
		server: { deps: { external: [paraglideOutput] } },
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
