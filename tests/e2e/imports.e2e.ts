import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const EMAIL = 'ingrid.import.e2e@kommune.no';

let browser: Browser;
let context: BrowserContext;
let f: Awaited<ReturnType<typeof useServerDatabase>>;
let wheelId: number;
let workbook: Buffer;

beforeAll(async () => {
	f = await useServerDatabase();
	const { makeWheel } = await import('../factories/wheel');
	const unitId = f.makeUnit('E2E Import');
	await f.makeUser([{ role: 'unit_leader', unitId }], { name: 'Ingrid Import', email: EMAIL });
	wheelId = makeWheel({ ownerUnitId: unitId, tasks: [] }).wheelId;
	// Seed 004's layout: month names head their tasks; Ansvar and Lagres are left empty.
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Årshjul');
	for (const row of [
		['Januar', 'Ansvar', 'Lagres', 'Utført', 'Kommentar'],
		['Ressursfordelingskartlegging'],
		['Lyse ut etter sommervikarer'],
		['Mars'],
		['ROS-analyse vold og trusler'],
		['April'],
		['Gjennomfør HMS-dag']
	]) {
		ws.addRow(row);
	}
	workbook = Buffer.from(await wb.xlsx.writeBuffer());
	browser = await launchBrowser();
	context = await browser.newContext();
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('import journey', () => {
	it('a unit leader uploads a wheel, maps its columns, previews and commits it', async () => {
		const page = await context.newPage();
		await signInAs(page, baseUrl, EMAIL, f.TEST_PASSWORD);
		await page.goto(`${baseUrl}/arshjul/maler/${wheelId}`);
		await waitForHydration(page);
		await Promise.all([
			page.waitForURL(`${baseUrl}/arshjul/maler/${wheelId}/import`),
			page.getByRole('link', { name: 'Importer oppgaver fra Excel eller CSV' }).click()
		]);
		await expect.poll(() => page.getByText(/høyst 5 MB og 5\s000 rader/).count()).toBe(1);
		await expectAccessible(page);

		await waitForHydration(page);
		await page.getByLabel('Fil (Excel .xlsx eller CSV)').setInputFiles({
			name: 'Årshjul bo og habilitering.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: workbook
		});
		await page.getByRole('button', { name: 'Last opp og se over' }).click();
		await page.waitForURL(/\?fil=/);
		await expect.poll(() => page.getByText('4 rader: 0 nye').count()).toBe(1);
		// The rows are refused until Ansvar and Lagres have a value; each problem names its cell.
		await expect.poll(() => page.getByRole('cell', { name: 'B2', exact: true }).count()).toBe(1);
		await expectAccessible(page);

		await waitForHydration(page);
		await page.getByLabel('Ansvar når cellen er tom').fill('Avdelingsleder');
		await page.getByLabel('Lagres når cellen er tom').fill('Compilo');
		await page.getByRole('button', { name: 'Bruk disse kolonnene' }).click();
		await expect.poll(() => page.getByText(/4 rader: 4 nye/).count()).toBe(1);
		expect(await page.getByRole('cell', { name: 'mars, siste dag' }).count()).toBe(1);
		await expectAccessible(page);

		// Committed from the keyboard.
		const commit = page.getByRole('button', { name: 'Importer 4 oppgaver' });
		await commit.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByText('4 oppgaver importert, 0 hoppet over.').count()).toBe(1);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/arshjul/maler/${wheelId}`);
		await expect
			.poll(() => page.getByText('ROS-analyse vold og trusler', { exact: true }).count())
			.toBe(1);
	});
});
