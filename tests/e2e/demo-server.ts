import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/** The demo users' roles, as the demo seed prints them (src/lib/server/demo/). */
export type DemoRole = 'admin' | 'steering' | 'programme_leader' | 'unit_leader' | 'viewer';

export type DemoJourney = {
	server: RunningServer;
	browser: Browser;
	/** The first demo user of the role, as the server printed it at start. */
	login: { email: string; password: string };
};

/**
 * A journey on the demo data (`MISJONSKART_DEMO=1`): before the file's tests, a second built
 * server of its own is started, one demo user's sign-in read from what it prints, and a browser
 * launched; after them both are stopped. The returned object is filled in `beforeAll`, so read
 * its fields inside the tests, not at the top of the file.
 */
const loginLine = (role: DemoRole) => new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)$`, 'm');

/** Another demo role's sign-in, from what the journey's server printed (inside a test). */
export function demoLogin(journey: DemoJourney, role: DemoRole) {
	const [, email, password] = loginLine(role).exec(journey.server.output)!;
	return { email: email!, password: password! };
}

export function useDemoJourney(name: string, role: DemoRole): DemoJourney {
	const line = loginLine(role);
	const journey = {} as DemoJourney;
	beforeAll(async () => {
		journey.server = await startServer({
			name,
			env: { MISJONSKART_DEMO: '1' },
			ready: (output) => line.test(output)
		});
		const [, email, password] = line.exec(journey.server.output)!;
		journey.login = { email: email!, password: password! };
		journey.browser = await launchBrowser();
	}, 90_000);
	afterAll(async () => {
		await journey.browser?.close();
		journey.server?.stop();
	});
	return journey;
}
