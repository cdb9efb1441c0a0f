import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, waitForHydration } from './browser';
import { focusBy } from './keyboard';
import { freePort, startServer, type RunningServer } from './server';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	startProvider,
	type TestProvider
} from '../integration/oidc-provider';

// Single sign-on in a real browser: the built app, with password sign-in off, against a real
// OpenID Connect provider on another localhost port (tests/integration/oidc-provider.ts).

let provider: TestProvider;
let app: RunningServer;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
	// The app's address must be known before the provider registers its redirect URI.
	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	provider = await startProvider({ redirectUri: `${baseUrl}/login/oidc/svar` });
	provider.people.set('ansatt', {
		email: 'ansatt@kommune.no',
		email_verified: true,
		name: 'Anne Ansatt',
		groups: ['g-admin']
	});
	provider.people.set('ukjent-adresse', { email: 'lure@kommune.no', email_verified: false });
	app = await startServer({
		name: 'sso',
		env: {
			PORT: String(port),
			ORIGIN: baseUrl,
			// The provider stamps its tokens with the real time, so the app keeps the real time too.
			MISJONSKART_CLOCK_START: '',
			OIDC_ISSUER: provider.issuer,
			OIDC_CLIENT_ID: CLIENT_ID,
			OIDC_CLIENT_SECRET: CLIENT_SECRET,
			OIDC_SCOPES: 'openid email profile groups',
			OIDC_PROVIDER_NAME: 'Testkommunen',
			OIDC_GROUP_ROLES: 'g-admin=admin',
			PASSWORD_LOGIN: 'off'
		}
	});
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	app?.stop();
	await provider?.close();
});

describe('single sign-on in the browser', () => {
	it('signs in with the keyboard through the provider, and gets the roles of the group', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${baseUrl}/login`);
		await waitForHydration(page);
		await expectAccessible(page);
		// Password sign-in is off: no password field.
		expect(await page.getByLabel('Passord', { exact: true }).count()).toBe(0);
		provider.signInAs('ansatt');
		await focusBy(page, (a) => a.tag === 'A' && a.text === 'Logg inn med Testkommunen', 10);
		await Promise.all([
			page.waitForURL((url) => url.origin === baseUrl && !url.pathname.startsWith('/login')),
			page.keyboard.press('Enter')
		]);
		await expect.poll(() => page.getByRole('button', { name: 'Logg ut' }).count()).toBe(1);
		// The group gave the admin role: the admin page opens.
		const admin = await page.goto(`${baseUrl}/admin`);
		expect(admin?.status()).toBe(200);
		await page.context().close();
	});

	it('shows why a sign-in was refused, on the sign-in page', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${baseUrl}/login`);
		await waitForHydration(page);
		provider.signInAs('ukjent-adresse');
		await Promise.all([
			page.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('sso')),
			page.getByRole('link', { name: 'Logg inn med Testkommunen' }).click()
		]);
		await expect
			.poll(() => page.getByRole('alert').textContent())
			.toContain('har ikke bekreftet e-postadressen din');
		await expectAccessible(page);
		await page.context().close();
	});
});
