import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = 'gunn.gevinstimport.e2e@kommune.no';
const PROJECT = 'Digital søknad (gevinstimport)';

let browser: Browser;
let context: BrowserContext;
let f: Awaited<ReturnType<typeof useServerDatabase>>;
let projectId: number;

async function workbook(amount: number) {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Gevinster').addRows([
		['Gevinst', 'Prosjekt', 'Nivå', 'Type', 'Enhet', 'Indikator', 'Uttak', 'Mottaker'],
		[
			'Færre purringer',
			PROJECT,
			'Tjeneste',
			'Kvantitativ',
			'Kroner',
			'Kroner',
			'Budsjettkutt',
			'Kommunalt'
		]
	]);
	wb.addWorksheet('Estimatlinjer').addRows([
		['Gevinst', 'Beskrivelse', 'Beløp per tilfelle', 'Antall tilfeller', 'Andel'],
		['Færre purringer', 'Purrebrev', amount, 400, '50 %']
	]);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
	f = await useServerDatabase();
	const { useMission } = await import('../factories/benefits');
	const { makeProject } = await import('../factories/portfolio');
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Gunn Gevinst',
		email: LEADER
	});
	const { tracks } = useMission(leaderId);
	projectId = makeProject(leaderId, [tracks[0]!], { title: PROJECT });
	browser = await launchBrowser();
	context = await browser.newContext();
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('benefit import journey', () => {
	it('a programme leader sees a bad line on its cell, uploads the corrected file and commits', async () => {
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, f.TEST_PASSWORD);
		await page.goto(`${baseUrl}/gevinster`);
		await waitForHydration(page);
		await Promise.all([
			page.waitForURL(`${baseUrl}/gevinster/import`),
			page
				.getByRole('link', { name: 'Importer gevinster og estimatlinjer (Excel eller CSV)' })
				.click()
		]);
		await expectAccessible(page);

		const upload = async (buffer: Buffer) => {
			await waitForHydration(page);
			await page.getByLabel('Fil (Excel .xlsx eller CSV)').setInputFiles({
				name: 'gevinster.xlsx',
				mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				buffer
			});
			await page.getByRole('button', { name: 'Last opp og se over' }).click();
			await page.waitForURL(/\?fil=/);
		};
		await upload(await workbook(-25));
		await expect.poll(() => page.getByText(/2 rader: 1 ny,[\s\S]*1 med feil/).count()).toBe(1);
		await expect
			.poll(() => page.getByRole('cell', { name: 'Estimatlinjer!C2', exact: true }).count())
			.toBe(1);
		// Listed once among the problems (and again on its row in the preview below).
		const issues = page.getByRole('table', { name: 'Feil som må rettes i filen' });
		const message = 'Beløpet må være mellom 0 og 1 000 000 000 000';
		expect(await issues.getByRole('cell', { name: message }).count()).toBe(1);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Velg en annen fil' }).click();
		await page.waitForURL(`${baseUrl}/gevinster/import`);
		await upload(await workbook(25));
		await expect.poll(() => page.getByText(/2 rader: 2 nye/).count()).toBe(1);
		expect(await page.getByRole('cell', { name: /^25 × 400 × 50 % = 5\s000$/ }).count()).toBe(1);
		await expectAccessible(page);

		const commit = page.getByRole('button', { name: 'Importer 2 rader' });
		await commit.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByText('2 rader importert, 0 hoppet over.').count()).toBe(1);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/gevinster?prosjekt=${projectId}`);
		await expect
			.poll(() => page.getByText('Færre purringer', { exact: true }).count())
			.toBeGreaterThan(0);
	});
});
