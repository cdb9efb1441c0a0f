/**
 * The steering journey: a member of the steering group signs in and lands on
 * /styring, reads a track's row, and follows a figure to the page that explains it, filtered to
 * the track. axe on both pages; the page reflows at 320 CSS px. Then the meeting's papers: the
 * Styringsrapport (PDF) for a period and the benefits register (Excel) downloaded, and the report
 * frozen as issued in the archive. Last, the next meeting set on /styring/moter, and seen in the
 * wheel's meeting ring and on «Mine oppgaver».
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import {
	expectAccessible,
	expectNoHorizontalScroll,
	launchBrowser,
	signInAs,
	waitForHydration
} from './browser';
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

	it('downloads the Styringsrapport and the register, and freezes the report for a meeting', async () => {
		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await signInAs(page, baseUrl, STEERING.email, password);
		await waitForHydration(page);
		await page.getByLabel('Periode fra').fill('2026-01-01');
		const report = await download(page, () =>
			page.getByRole('button', { name: 'Last ned styringsrapport (PDF)' }).click()
		);
		expect(report.name).toMatch(/^styringsrapport-\d{4}-\d{2}-\d{2}\.pdf$/);
		expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		await expect(page.getByRole('status').filter({ hasText: 'Ferdig' }).count()).resolves.toBe(1);

		await page.goto(`${baseUrl}/gevinster`);
		const register = await download(page, () =>
			page.getByRole('link', { name: 'Last ned (Excel)' }).first().click()
		);
		expect(register.name).toMatch(/\.xlsx$/);
		expect(register.bytes.subarray(0, 2).toString()).toBe('PK');

		await page.goto(`${baseUrl}/rapporter`);
		await waitForHydration(page);
		await expect(page.getByLabel('Styringsrapport for perioden (PDF)').isChecked()).resolves.toBe(
			true
		);
		await page.getByLabel('Møtedato').fill('2026-12-03');
		await page.getByRole('button', { name: 'Frys rapporten' }).click();
		// Freezing builds the report on the server first: seconds on a busy machine.
		await expect
			.poll(() => page.getByText('Rapporten er frosset som utkast.').count(), { timeout: 30_000 })
			.toBe(1);
		await page.getByRole('link', { name: 'Se den frosne rapporten' }).click();
		await page.waitForURL(/\/rapporter\/\d+$/);
		await expect.poll(() => page.getByText('Styringsrapport', { exact: true }).count()).toBe(1);
		const frozen = await download(page, () =>
			page.getByRole('link', { name: /^Last ned styringsrapport-/ }).click()
		);
		expect(frozen.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		await expectAccessible(page);
		await context.close();
	});

	it('sets the next meeting, which the wheel and «Mine oppgaver» then show', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, STEERING.email, password);
		await page.getByRole('link', { name: 'Styringsgruppens møter' }).click();
		await page.waitForURL((url) => url.pathname === '/styring/moter');
		await waitForHydration(page);
		// Three weeks after the journeys' day (25 November 2026, tests/e2e/server.ts).
		const day = '2026-12-16';
		await page.getByLabel('Dato').first().fill(day);
		await page.getByLabel('Navn på møtet').first().fill('Tertialmøtet');
		await page.getByRole('button', { name: 'Legg til møtet' }).click();
		await expect.poll(() => page.getByText('Møtet er lagt inn i årshjulet.').count()).toBe(1);
		await expect(page.getByRole('rowheader', { name: 'Tertialmøtet' }).count()).resolves.toBe(1);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/arshjul/mine`);
		await expect(page.getByRole('link', { name: 'Tertialmøtet' }).count()).resolves.toBe(1);
		await expectAccessible(page);
		await page.goto(`${baseUrl}/arshjul?ar=${day.slice(0, 4)}`);
		await expect(
			page.locator('a[aria-label*="Tertialmøtet"][aria-label*="Styringsgruppemøter"]').count()
		).resolves.toBe(1);
		await expectAccessible(page);

		// And cancelled again: the journeys share one database, and the wheel journey counts marks.
		await page.goto(`${baseUrl}/styring/moter?ar=2026`);
		await waitForHydration(page);
		await page.getByText(/Endre eller slett «Tertialmøtet»/).click();
		await page.getByRole('button', { name: 'Slett møtet' }).click();
		await expect.poll(() => page.getByText('Møtet er slettet.').count()).toBe(1);
		await expect(page.getByRole('rowheader', { name: 'Tertialmøtet' }).count()).resolves.toBe(0);
		await context.close();
	});
});

/** Starts a download with `start` and answers the file: its name and bytes. */
async function download(page: Page, start: () => Promise<unknown>) {
	const [file] = await Promise.all([page.waitForEvent('download'), start()]);
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}
