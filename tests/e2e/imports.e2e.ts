import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const EMAIL = 'ingrid.import.e2e@kommune.no';
const LEADER = 'petter.import.e2e@kommune.no';
/** A leader of their own: the columns chosen are remembered per user for the next file. */
const NO_SCRIPT = 'nora.import.e2e@kommune.no';

let browser: Browser;
let context: BrowserContext;
let f: Awaited<ReturnType<typeof useServerDatabase>>;
let wheelId: number;
let workbook: Buffer;

beforeAll(async () => {
	f = await useServerDatabase();
	const { makeWheel } = await import('../factories/wheel');
	const { makeMission } = await import('../factories/portfolio');
	makeMission();
	const unitId = f.makeUnit('E2E Import');
	await f.makeUser([{ role: 'unit_leader', unitId }], { name: 'Ingrid Import', email: EMAIL });
	await f.makeUser([{ role: 'programme_leader' }], { name: 'Petter Import', email: LEADER });
	await f.makeUser([{ role: 'programme_leader' }], { name: 'Nora Import', email: NO_SCRIPT });
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
		await expect.poll(() => page.getByText(/høyst 5 MB og 30\s000 rader/).count()).toBe(1);
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
		// Focus is on the preview's summary, not <body>: a screen reader says what the upload gave.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.id))
			.toBe('preview-summary');
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

	it('a programme leader pastes tracks from a spreadsheet, maps them and commits', async () => {
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, baseUrl, LEADER, f.TEST_PASSWORD);
		await page.goto(`${baseUrl}/portefolje`);
		await waitForHydration(page);
		await Promise.all([
			page.waitForURL(`${baseUrl}/portefolje/import`),
			page.getByRole('link', { name: /^Importer spor, prosjekter og tiltak/ }).click()
		]);
		await expectAccessible(page);
		await waitForHydration(page);
		const code = `7${String.fromCharCode(65 + (Date.now() % 26))}`;
		await page
			.getByLabel('…eller lim inn radene fra regnearket')
			.fill(`Kode\tSpor\tStatus\n${code}\tImportert samhandlingsspor\tVedtatt\n`);
		await page.getByRole('button', { name: 'Last opp og se over' }).click();
		await page.waitForURL(/\?fil=/);
		// A track must have a problem statement; the pasted rows have none.
		await expect.poll(() => page.getByText(/1 rad: 0 nye,[\s\S]*1 med feil/).count()).toBe(1);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.id))
			.toBe('preview-summary');
		expect(await page.getByRole('group', { name: 'Arket «CSV»' }).count()).toBe(1);
		await expectAccessible(page);

		await waitForHydration(page);
		await page
			.getByLabel('Problemformulering når cellen er tom')
			.fill('Tjenestene henger ikke sammen');
		await page.getByRole('button', { name: 'Bruk disse kolonnene' }).click();
		await expect.poll(() => page.getByText(/1 rad: 1 ny,/).count()).toBe(1);
		expect(await page.getByRole('cell', { name: 'Vedtatt' }).count()).toBe(1);
		const commit = page.getByRole('button', { name: 'Importer 1 element' });
		await commit.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByText('1 element importert, 0 hoppet over.').count()).toBe(1);
		await expectAccessible(page);
	});

	it('the whole import works without JavaScript: upload, columns, preview, commit, receipt', async () => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		const page = await noScript.newPage();
		await signInAs(page, baseUrl, NO_SCRIPT, f.TEST_PASSWORD, { javaScript: false });
		await page.goto(`${baseUrl}/portefolje/import`);
		const code = `9${String.fromCharCode(65 + (Date.now() % 26))}`;
		await page
			.getByLabel('…eller lim inn radene fra regnearket')
			.fill(`Kode\tSpor\tStatus\n${code}\tSpor uten skript\tVedtatt\n`);
		await page.getByRole('button', { name: 'Last opp og se over' }).click();
		await page.waitForURL(/\?fil=/);
		await expect.poll(() => page.getByText(/1 rad: 0 nye,[\s\S]*1 med feil/).count()).toBe(1);

		// The columns are a plain POST: the page that answers it still knows the file.
		await page
			.getByLabel('Problemformulering når cellen er tom')
			.fill('Tjenestene henger ikke sammen');
		await page.getByRole('button', { name: 'Bruk disse kolonnene' }).click();
		await expect.poll(() => page.getByText(/1 rad: 1 ny,/).count()).toBe(1);
		expect(await page.getByRole('cell', { name: 'Spor uten skript' }).count()).toBe(1);

		// The receipt is on the page the commit answers with, not only in data for scripts.
		await page.getByRole('button', { name: 'Importer 1 element' }).click();
		await expect.poll(() => page.getByText('1 element importert, 0 hoppet over.').count()).toBe(1);
		// No axe here: it runs as a script, and scripts are off. The same steps are checked above.
		await noScript.close();
	});
});
