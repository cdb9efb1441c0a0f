import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	expectAccessible,
	expectNoHorizontalScroll,
	launchBrowser,
	screenshot,
	signInAs,
	signOut
} from './browser';

const baseUrl = inject('baseUrl');
const setupUrl = inject('setupUrl');
const ADMIN = {
	name: 'Ada Administrator',
	email: 'ada@kommune.no',
	password: 'lang-og-trygg-setning-1'
};
const LEADER = {
	name: 'Nils Nordmann',
	email: 'nils@kommune.no',
	password: 'enda-en-lang-setning-2'
};

let browser: Browser;
let oneTimePassword = '';

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('foundation journey', () => {
	it('first-run setup creates the administrator', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(setupUrl);
		await expectAccessible(page);
		await page.getByLabel('Fullt navn').fill(ADMIN.name);
		await page.getByLabel('E-post').fill(ADMIN.email);
		await page.getByLabel('Passord', { exact: true }).fill(ADMIN.password);
		await page.getByLabel('Gjenta passordet').fill(ADMIN.password);
		await Promise.all([
			page.waitForURL(`${baseUrl}/admin`),
			page.getByRole('button', { name: 'Opprett administrator' }).click()
		]);
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).textContent())
			.toBe('Administrasjon');
		await expectAccessible(page);

		// The link dies when used.
		const again = await page.goto(setupUrl);
		expect(again?.status()).toBe(404);
		await context.close();
	});

	it('the admin creates a unit and a unit leader', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, ADMIN.email, ADMIN.password);

		await page.goto(`${baseUrl}/admin/enheter`);
		await expectAccessible(page);
		// A bad submission comes back with a Norwegian message, nothing created.
		await page.getByRole('button', { name: 'Opprett enhet' }).click();
		await expect.poll(() => page.getByText('Navnet må ha minst 2 tegn.').count()).toBe(1);
		await expectAccessible(page);
		await page.getByLabel('Navn', { exact: true }).fill('Avdeling Nord');
		await page.getByRole('button', { name: 'Opprett enhet' }).click();
		await expect
			.poll(() => page.getByText('Enheten «Avdeling Nord» er opprettet.').count())
			.toBe(1);

		await page.goto(`${baseUrl}/admin/brukere`);
		await page.getByLabel('Fullt navn').fill(LEADER.name);
		await page.getByLabel('E-post').fill(LEADER.email);
		await page.getByLabel('Engangspassord som må byttes ved første innlogging').check();
		await page.getByRole('button', { name: 'Opprett bruker' }).click();
		const secret = page.locator('.secret');
		await secret.waitFor();
		oneTimePassword = (await secret.textContent())!.trim();
		expect(oneTimePassword).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
		await expectAccessible(page);

		await page.getByRole('link', { name: `Gi ${LEADER.name} roller` }).click();
		await page.waitForURL(/\/admin\/brukere\/\d+$/);
		await page.getByLabel('Rolle', { exact: true }).selectOption('unit_leader');
		await page.getByLabel('Enhet (for enhetsleder)').selectOption({ label: 'Avdeling Nord' });
		await page.getByRole('button', { name: 'Legg til rolle' }).click();
		await expect.poll(() => page.getByText('Enhetsleder – Avdeling Nord').count()).toBe(1);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/admin/logg`);
		await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/`);
		await expectAccessible(page);
		await screenshot(page, 'shell-admin');
		await signOut(page);
		await expectAccessible(page);
		await context.close();
	});

	it('the unit leader signs in, changes the one-time password, and is kept out of admin', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER.email, oneTimePassword);
		// A one-time password must be replaced before anything else.
		await page.waitForURL(`${baseUrl}/konto/passord`);
		await expectAccessible(page);
		await page.getByLabel('Nåværende passord').fill(oneTimePassword);
		await page.getByLabel('Nytt passord', { exact: true }).fill(LEADER.password);
		await page.getByLabel('Gjenta nytt passord').fill(LEADER.password);
		await Promise.all([
			page.waitForURL(`${baseUrl}/konto?endret=1`),
			page.getByRole('button', { name: 'Lagre nytt passord' }).click()
		]);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/`);
		const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
		await expect.poll(() => nav.getByRole('link', { name: 'Oversikt' }).count()).toBe(1);
		expect(await nav.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);

		const response = await page.goto(`${baseUrl}/admin/brukere`);
		expect(response?.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ingen tilgang');
		await expectAccessible(page);

		await signOut(page);
		const after = await page.goto(`${baseUrl}/konto`);
		expect(new URL(after!.url()).pathname).toBe('/login');
		await context.close();
	});

	it('the shell reflows at 320 px and has a skip link', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		await signInAs(page, baseUrl, ADMIN.email, ADMIN.password);
		await page.goto(`${baseUrl}/admin/brukere`);
		await expectNoHorizontalScroll(page);
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(focused).toBe('Hopp til hovedinnhold');
		await screenshot(page, 'shell-320px');
		await context.close();
	});
});
