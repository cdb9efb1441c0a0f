import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere on other machines. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			// A Norwegian browser, as the municipality's users have: the interface follows
			// Accept-Language (src/lib/i18n.ts), and headless Chromium would otherwise ask for
			// en-US. A journey that wants another language gives its context a `locale`.
			'--accept-lang=nb-NO,nb'
		]
	});
}

/** WCAG 2.1 A and AA rules: zero violations on every page a journey visits. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync('test-results', { recursive: true });
	const file = `test-results/${name}.png`;
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/**
 * Waits until the page has hydrated (the root layout marks `<html data-hydrated>`): text typed
 * before that is reset by hydration, which makes a journey flaky on a busy machine.
 */
export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the login form; pass `{ javaScript: false }` for a context without scripts. */
export async function signInAs(
	page: Page,
	baseUrl: string,
	email: string,
	password: string,
	{ javaScript = true, locale = 'nb' }: { javaScript?: boolean; locale?: Locale } = {}
) {
	await page.goto(`${baseUrl}/login`);
	if (javaScript) await waitForHydration(page);
	// The sign-in page speaks the browser's language (Accept-Language): its labels are read in
	// that language from the message files, as the page itself reads them.
	await page.getByLabel(m.field_email({}, { locale })).fill(email);
	await page.getByLabel(m.field_password({}, { locale }), { exact: true }).fill(password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login')),
		page.getByRole('button', { name: m.login_submit({}, { locale }) }).click()
	]);
}

export async function signOut(page: Page) {
	await Promise.all([
		page.waitForURL((url) => url.pathname === '/login'),
		page.getByRole('button', { name: 'Logg ut' }).click()
	]);
}

/** Nothing wider than the viewport (WCAG 1.4.10 reflow at 320 CSS px). */
export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}
