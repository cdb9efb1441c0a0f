import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	expectAccessible,
	launchBrowser,
	screenshot,
	signInAs,
	signOut,
	waitForHydration
} from './browser';
import { useServerDatabase } from './seed';

/**
 * The annual internal-control report (kommuneloven § 25-2) as the kommunedirektør uses it: the
 * report for a year, an assessment written and saved, the report frozen into the archive, and an
 * administrator signing it there; then the change log shows the assessment in words. axe finds
 * nothing on each page.
 */
const baseUrl = inject('baseUrl');
const DIRECTOR = 'ik.direktor@kommune.no';
const ADMIN = 'ik.admin@kommune.no';
const YEAR = new Date().getFullYear();

let browser: Browser;
let password = '';

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const w = await import('../factories/wheel');
	password = f.TEST_PASSWORD;
	await f.makeUser([{ role: 'municipal_director' }], { name: 'Kari Direktør', email: DIRECTOR });
	await f.makeUser([{ role: 'admin' }], { name: 'Adam Internkontroll', email: ADMIN });
	const area = f.makeUnit('Tjenesteområde IK');
	w.makeWheel({ ownerUnitId: area, unitIds: [area], activeFrom: `${YEAR}-01` });
});
afterAll(async () => {
	await browser?.close();
});

describe('internal-control report journey', () => {
	it('writes the assessment, freezes the report and has it signed', async () => {
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, baseUrl, DIRECTOR, password);
		await page.goto(`${baseUrl}/internkontroll/arsrapport?ar=${YEAR}`);
		await waitForHydration(page);
		for (const name of [
			'1. Rutiner i bruk',
			'2. Kontroller som er utført',
			'3. Avvik og oppfølging',
			'4. Tilsyn',
			'5. Kommunedirektørens vurdering'
		]) {
			await expect.poll(() => page.getByRole('heading', { name }).count()).toBe(1);
		}
		await expectAccessible(page);
		await screenshot(page, 'internkontroll-arsrapport');

		const text = 'Internkontrollen fungerer, men rutinene for legemidler må strammes inn.';
		await page.getByLabel('Vurdering av internkontrollen').fill(text);
		await page.getByRole('button', { name: 'Lagre' }).first().click();
		await expect.poll(() => page.getByText('Vurderingen er lagret.').count()).toBe(1);

		await page.getByLabel('Kommunestyrets møte').fill(`${YEAR + 1}-02-10`);
		await page.getByRole('button', { name: 'Frys rapporten' }).click();
		// Freezing builds the PDF on the server first: seconds on a busy machine.
		await expect
			.poll(() => page.getByText('Rapporten er frosset som utkast').count(), { timeout: 30_000 })
			.toBe(1);
		await page.reload();
		await waitForHydration(page);
		const link = page.getByRole('link', { name: /\(utkast\)/ });
		await expect.poll(() => link.count()).toBe(1);
		const href = (await link.getAttribute('href'))!;
		await signOut(page);

		await signInAs(page, baseUrl, ADMIN, password);
		await page.goto(`${baseUrl}${href}`);
		await waitForHydration(page);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Signer rapporten' }).click();
		await expect.poll(() => page.getByText('Rapporten er godkjent.').count()).toBe(1);

		await page.goto(`${baseUrl}/admin/logg?type=control_assessment`);
		await waitForHydration(page);
		await expect.poll(() => page.getByText(text).count()).toBe(1);
		await expect
			.poll(() => page.getByRole('cell', { name: /Vurdering i internkontrollrapporten/ }).count())
			.toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'endringslogg');
	});
});
