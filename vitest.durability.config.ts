import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions, paraglideOutput } from './i18n.config.js';

// The crash test (tests/durability): the built server in a child process, killed with SIGKILL
// round after round. The SvelteKit plugin is here so the test can seed the database through
// tests/factories ($lib). `npm run test:durability` builds first and runs 30 rounds.
export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	test: {
		include: ['tests/durability/**/*.spec.ts'],
		environment: 'node',
		server: { deps: { external: [paraglideOutput] } },
		testTimeout: 900_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true }
	}
});
