/**
 * The steering journey: a member of the steering group signs in and lands on
 * /styring, reads a track's row, and follows a figure to the page that explains it, filtered to
 * the track. axe on both pages; the page reflows at 320 CSS px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, signInAs } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const STEERING = { name: 'Siri Styringsgruppe', email: 'siri.styring@kommune.no' };
const LEADER = { name: 'Per Programleder', email: 'per.styring@kommune.no' };
const PROJECT = 'Koordinator for familier';

let browser: Browser;
let password = '';
let trackId = 0;

beforeAll(async () => {
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	const p = await import('../factories/portfolio');
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], LEADER);
	await f.makeUser([{ role: 'steering' }], STEERING);
	trackId = b.useMission(leaderId).tracks[0]!;
	const projectId = p.makeProject(leaderId, [trackId], { title: PROJECT });
	b.makeBenefit(projectId, { title: 'Spart koordineringstid', unit: 'kr' }, leaderId);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('steering journey', () => {
	it('the steering member lands on /styring and follows a figure to its page', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, STEERING.email, password);
		expect(new URL(page.url()).pathname).toBe('/styring');
		await expect(page.getByRole('heading', { level: 1, name: 'Styring' }).count()).resolves.toBe(1);
		await expectAccessible(page);

		// The track's gain figure leads to Gevinster filtered to the track.
		const row = page
			.getByRole('row')
			.filter({ has: page.locator(`a[href="/portefolje/spor/${trackId}"]`) });
		await Promise.all([
			page.waitForURL((url) => url.pathname === '/gevinster'),
			row.locator(`a[href="/gevinster?spor=${trackId}"]`).first().click()
		]);
		expect(new URL(page.url()).searchParams.get('spor')).toBe(String(trackId));
		await expectAccessible(page);

		// «Siden forrige møte» for a chosen day, without losing the page.
		await page.goto(`${baseUrl}/styring?siden=2020-01-01`);
		await expect(page.getByLabel('Endringer fra og med').inputValue()).resolves.toBe('2020-01-01');
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 800 });
		await expectNoHorizontalScroll(page);
		await context.close();
	});
});
