import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, signInAs, waitForHydration } from './browser';
import { useDemoJourney } from './demo-server';

/**
 * «Søk» as a person uses it, on the demo data: the box in the header on any page, the results
 * page grouped by kind, a hit opened, a search that cannot be read, all with zero axe
 * violations and no sideways scrolling at 320 CSS px. (The tour reaches pages by links, and
 * the search page is reached by the header's form.)
 */

const demo = useDemoJourney('search', 'viewer');

describe('search', () => {
	it('finds a track from the header box, opens it, and explains a search it cannot read', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await page.goto('/portefolje');
		await waitForHydration(page);

		const box = page.getByRole('search').getByLabel(/^Søk i spor/);
		await box.fill('brukermedv');
		await Promise.all([page.waitForURL(/\/sok\?q=brukermedv$/), box.press('Enter')]);
		await expect.poll(() => page.locator('h1').textContent()).toBe('Søk');
		// The header box keeps what was searched for.
		expect(await box.inputValue()).toBe('brukermedv');
		const tracks = page.getByRole('region', { name: /^Missionspor/ });
		await expect
			.poll(() => tracks.getByRole('link', { name: 'Brukermedvirkning' }).count())
			.toBe(1);
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 800 });
		await expectNoHorizontalScroll(page);
		await page.setViewportSize({ width: 1280, height: 800 });

		await Promise.all([
			page.waitForURL(/\/portefolje\/spor\/\d+$/),
			tracks.getByRole('link', { name: 'Brukermedvirkning' }).click()
		]);
		expect(await page.locator('h1').textContent()).toContain('Brukermedvirkning');

		const response = await page.goto('/sok?q=%22%2A%2A');
		expect(response?.status()).toBe(400);
		expect(await page.getByText('Søket må inneholde minst ett ord eller tall.').count()).toBe(1);
		// The search form stays, with what was typed, marked wrong and described by the reason.
		const field = page.getByRole('main').getByLabel('Søk etter tittel');
		expect(await field.inputValue()).toBe('"**');
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		expect(await field.getAttribute('aria-describedby')).toContain('sok-q-error');
		await expectAccessible(page);

		await page.goto('/sok');
		await waitForHydration(page);
		await expectAccessible(page);
		await context.close();
	});
});
