import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions, paraglideOutput } from './i18n.config.js';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The journeys share one server and database. The foundation journey must run first: it uses
 * the first-run link, which only works while no user exists; the others seed their own users.
 */
class FoundationFirst extends BaseSequencer {
	async sort(files: TestSpecification[]) {
		const first = (f: TestSpecification) => (f.moduleId.endsWith('foundation.e2e.ts') ? 0 : 1);
		return [...files].sort((a, b) => first(a) - first(b) || a.moduleId.localeCompare(b.moduleId));
	}
}

// Browser journeys: a built server in a child process, driven by Chromium through playwright-core.
// The SvelteKit plugin is here only so journeys can import tests/factories ($lib) to seed the
// server's database directly (see tests/e2e/seed.ts).
export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		// Measured: a journey file's import 19 s → 2 s.
		server: { deps: { external: [paraglideOutput] } },
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		// The tour runs its roles side by side; axe takes 1–3 s a page on two cores, so more than
		// two at once only makes each role wait longer for the same processor.
		maxConcurrency: 2,
		sequence: { sequencer: FoundationFirst },
		testTimeout: 60_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true }
	}
});
