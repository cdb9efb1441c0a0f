/**
 * Keyboard-only helpers for the journeys (keyboard.e2e.ts, keyboard-roles.e2e.ts): where focus
 * is, Tab until it reaches an element, and signing in with the keyboard.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitForHydration } from './browser';

export type Active = {
	tag: string;
	role: string | null;
	name: string | null;
	label: string;
	text: string;
};

export function active(page: Page): Promise<Active> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			tag: el?.tagName ?? '',
			role: el?.getAttribute('role') ?? null,
			name: el?.getAttribute('name') ?? null,
			label: el?.getAttribute('aria-label') ?? '',
			text: el?.textContent?.trim() ?? ''
		};
	});
}

/** Presses Tab until `wanted` holds for the focused element (at most `limit` presses). */
export async function focusBy(
	page: Page,
	wanted: (a: Active) => boolean,
	limit = 150
): Promise<Active> {
	for (let i = 0; i < limit; i++) {
		const now = await active(page);
		if (wanted(now)) return now;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab did not reach the element after ${limit} presses`);
}

/**
 * Asserts that the focused element can be seen: its box lies inside the viewport (WCAG 2.1
 * 2.4.7 Focus Visible; a focused confirmation scrolled away is read by a screen reader but
 * lost to a sighted keyboard user). Waits for the timers that run after an enhanced submit
 * first: on a page opened at a fragment SvelteKit re-applies the fragment in a timer and
 * restores an older scroll position (src/lib/components/enhance.ts).
 */
export async function expectFocusInView(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
	const box = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		const r = el?.getBoundingClientRect();
		return { top: r?.top ?? -1, bottom: r?.bottom ?? -1, height: window.innerHeight };
	});
	// Within a pixel: a box scrolled to the edge may sit a fraction outside it (sub-pixel layout).
	expect(box.top, 'focused element above the viewport').toBeGreaterThan(-1);
	expect(box.bottom, 'focused element below the viewport').toBeLessThan(box.height + 1);
}

/** Waits until focus is on a status message in view, and answers its text. */
export async function focusedStatus(page: Page): Promise<string> {
	await expect.poll(async () => (await active(page)).role).toBe('status');
	await expectFocusInView(page);
	expect((await active(page)).role).toBe('status');
	return (await active(page)).text;
}

/** Signs in from the sign-in page with Tab and Enter only, in a new browser context. */
export async function signInByKeyboard(
	browser: Browser,
	baseUrl: string,
	email: string,
	password: string
): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`${baseUrl}/login`);
	await waitForHydration(page);
	await page.keyboard.press('Tab'); // the skip link
	await focusBy(page, (a) => a.name === 'email');
	await page.keyboard.type(email);
	await page.keyboard.press('Tab');
	expect((await active(page)).name).toBe('password');
	await page.keyboard.type(password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login')),
		page.keyboard.press('Enter')
	]);
	return page;
}
