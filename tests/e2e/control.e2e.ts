/**
 * Internal control in the browser: a unit leader records a deviation on a control in the wheel,
 * and later closes it with a note on what was done; the internal-control pages pass axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const EMAIL = 'avvik.e2e@kommune.no';
// The journeys' clock starts on 25 November 2026 (tests/e2e/server.ts).
const PERIOD = '2026-11';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let unitId: number;
let taskId: number;
let tilsynId: number;

beforeAll(async () => {
	const f = await useServerDatabase();
	const { makeWheel } = await import('../factories/wheel');
	unitId = f.makeUnit('E2E Avvik bofellesskap');
	const adaId = await f.makeUser([{ role: 'unit_leader', unitId }], {
		name: 'Ada Avvik',
		email: EMAIL
	});
	taskId = makeWheel({
		ownerUnitId: unitId,
		unitIds: [unitId],
		tasks: [
			{ title: 'Kontroll av legemiddelregnskap', schedule: { kind: 'monthly', dueDay: null } }
		]
	}).taskIds[0]!;
	const { addFinding, createTilsyn } = await import('$lib/server/db/queries/tilsyn');
	const made = createTilsyn(
		{
			authority: 'Statsforvalteren',
			theme: 'E2E Legemiddelhåndtering',
			description: '',
			startDate: '2026-09-01',
			preliminaryReportDate: null,
			finalReportDate: '2026-10-15',
			followUpDeadline: '2026-12-01',
			status: 'follow_up',
			unitIds: [unitId]
		},
		adaId,
		new Date()
	);
	if (!made.ok) throw new Error(made.reason);
	tilsynId = made.value;
	addFinding(tilsynId, { kind: 'breach', text: 'Opplæring ikke dokumentert' }, adaId, new Date());
	browser = await launchBrowser();
	context = await browser.newContext();
	page = await context.newPage();
	await signInAs(page, baseUrl, EMAIL, f.TEST_PASSWORD);
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('deviation journey', () => {
	it('a unit leader records a deviation on a control without signing it', async () => {
		await page.goto(`${baseUrl}/arshjul/forekomst/${taskId}/${unitId}/${PERIOD}`);
		await waitForHydration(page);
		await page.getByText('Registrer avvik', { exact: true }).click();
		await page.getByLabel('Hva er avviket?').fill('Regnskapet manglet to utleveringer');
		await page.getByLabel('Alvorlighetsgrad').selectOption({ label: 'Middels' });
		await page.getByLabel('Strakstiltak').fill('Utleveringene ble ført');
		await page.getByLabel('Frist for tiltaket').fill('2026-12-15');
		await page.getByRole('button', { name: 'Registrer avviket' }).click();
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toContain('Avviket er registrert.');
		await expect
			.poll(() => page.getByRole('link', { name: 'Regnskapet manglet to utleveringer' }).count())
			.toBe(1);
		// Not signed: the sign-off form is still there.
		expect(await page.getByRole('heading', { name: 'Signer' }).count()).toBe(1);
		await expectAccessible(page);
	});

	it('later closes it, with a note on what was done, from the keyboard', async () => {
		await page.goto(`${baseUrl}/internkontroll/avvik`);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Regnskapet manglet to utleveringer' }).click();
		await page.waitForURL(/\/internkontroll\/avvik\/\d+$/);
		await waitForHydration(page);
		await expectAccessible(page);

		// Without a note the deviation stays open and the form says why.
		await page.getByRole('button', { name: 'Lukk avviket' }).click();
		await expect
			.poll(() => page.locator('#close-closingNote-error').textContent())
			.toContain('Skriv hva som ble gjort');

		await page.getByLabel('Hva ble gjort').focus();
		await page.keyboard.type('Rutinen gjennomgått på personalmøtet');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('status').textContent()).toContain('Avviket er lukket.');
		await expect.poll(() => page.getByText('Rutinen gjennomgått på personalmøtet').count()).toBe(2);
		await expectAccessible(page);
	});

	it('the tilsyn register and the risk-and-control matrix pass axe', async () => {
		for (const path of [
			'/internkontroll',
			'/internkontroll/tilsyn',
			`/internkontroll/tilsyn/${tilsynId}`,
			'/internkontroll/kontrollmatrise'
		]) {
			await page.goto(`${baseUrl}${path}`);
			await expectAccessible(page);
		}
	});
});
