import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		// Each test file gets its own temporary SQLite file with migrations applied.
		setupFiles: ['tests/setup/temp-db.ts'],
		expect: { requireAssertions: true },
		testTimeout: 20_000
	}
});
