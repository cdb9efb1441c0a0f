import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, signOut, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = 'rapport.leder@kommune.no';
const STEERING = 'rapport.styring@kommune.no';

let browser: Browser;
let password = '';
let projectId = 0;

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Rita Rapport',
		email: LEADER
	});
	await f.makeUser([{ role: 'steering' }], { name: 'Stig Styring', email: STEERING });
	const m = b.useMission(leaderId);
	projectId = b.makeProject(leaderId, m.tracks).projectId;
	b.makeBenefit(projectId, { title: 'Spart porto i rapportreisen', ownerId: leaderId }, leaderId);
});
afterAll(async () => {
	await browser?.close();
});

/** Clicks a download link and answers the file: its name and bytes. */
async function download(page: Page, name: string | RegExp) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name }).click()
	]);
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('reports journey', () => {
	it('downloads the register and a plan, freezes the plan for a meeting, and a steering member approves it', async () => {
		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, password);

		await page.goto(`${baseUrl}/gevinster`);
		await waitForHydration(page);
		const register = await download(page, 'Last ned (Excel)');
		expect(register.name).toMatch(/^gevinstregister-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(register.bytes as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Gevinster',
			'Estimatlinjer',
			'Realiseringer',
			'Om uttrekket'
		]);
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'er lastet ned' }).count())
			.toBe(1);

		await page.goto(`${baseUrl}/gevinster/prosjekt/${projectId}`);
		await waitForHydration(page);
		const plan = await download(page, 'Gevinstrealiseringsplan (PDF)');
		expect(plan.name).toMatch(/^gevinstrealiseringsplan-.+\.pdf$/);
		expect(plan.bytes.subarray(0, 5).toString()).toBe('%PDF-');

		await page.getByRole('link', { name: 'Frys planen som utstedt til et møte' }).click();
		await page.waitForURL(/\/rapporter\?prosjekt=/);
		await waitForHydration(page);
		await expectAccessible(page);
		await page.getByLabel('Møtedato').fill('2026-11-26');
		await page.getByRole('button', { name: 'Frys rapporten' }).click();
		// Freezing builds the report on the server first: seconds on a busy machine.
		await expect
			.poll(() => page.getByText('Rapporten er frosset som utkast.').count(), { timeout: 30_000 })
			.toBe(1);
		await page.getByRole('link', { name: 'Se den frosne rapporten' }).click();
		await page.waitForURL(/\/rapporter\/\d+$/);
		const reportUrl = page.url();
		await expect.poll(() => page.getByText('Du frøs denne rapporten selv.').count()).toBe(1);
		const frozen = await download(page, /^Last ned gevinstrealiseringsplan-/);
		expect(frozen.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		await signOut(page);

		await signInAs(page, baseUrl, STEERING, password);
		await page.goto(reportUrl);
		await waitForHydration(page);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Godkjenn rapporten' }).click();
		await expect.poll(() => page.getByText('Rapporten er godkjent.').count()).toBe(1);
		await expect.poll(() => page.getByText(/Godkjent, godkjent av Stig Styring/).count()).toBe(1);
		// Byte for byte what was issued, whoever downloads it.
		const again = await download(page, /^Last ned gevinstrealiseringsplan-/);
		expect(Buffer.compare(again.bytes, frozen.bytes)).toBe(0);
		await context.close();
	});
});
