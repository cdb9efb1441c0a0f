import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const TASK = 'Kontroll av tilganger';
const EMAIL = 'vera.bevis.e2e@kommune.no';

let browser: Browser;
let context: BrowserContext;
let f: Awaited<ReturnType<typeof useServerDatabase>>;
let unitId: number;
let taskId: number;
let pdf: Buffer;

beforeAll(async () => {
	f = await useServerDatabase();
	const { makeWheel } = await import('../factories/wheel');
	const { tinyPdf } = await import('$lib/server/demo/control-notices');
	const { insertNotices } = await import('$lib/server/db/queries/notices');
	unitId = f.makeUnit('E2E Bevis');
	const userId = await f.makeUser([{ role: 'unit_leader', unitId }], {
		name: 'Vera Bevis',
		email: EMAIL
	});
	taskId = makeWheel({
		ownerUnitId: unitId,
		unitIds: [unitId],
		tasks: [{ title: TASK, schedule: { kind: 'yearly', month: 10, dueDay: null } }]
	}).taskIds[0]!;
	// The notice the daily job makes for this overdue control (its own tests cover the job).
	insertNotices(
		[
			{
				userId,
				kind: 'overdue',
				key: `overdue:${taskId}:${unitId}:2026-10`,
				title: `«${TASK}» for E2E Bevis er over fristen`,
				body: 'Fristen var 31. oktober 2026, og kontrollen er ikke signert.',
				href: `/arshjul/forekomst/${taskId}/${unitId}/2026-10`
			}
		],
		new Date('2026-11-25T05:00:00Z')
	);
	pdf = tinyPdf(['Referat fra tilgangskontroll', 'Ingen avvik.']);
	browser = await launchBrowser();
	context = await browser.newContext();
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('evidence and notices journey', () => {
	it('a unit leader signs with a file, sees it listed, downloads it, and reads the notice', async () => {
		const page = await context.newPage();
		await signInAs(page, baseUrl, EMAIL, f.TEST_PASSWORD);

		// The notice first: the header counts it, and it links to the occurrence.
		await page.goto(`${baseUrl}/varsler`);
		await expect
			.poll(() => page.getByRole('link', { name: /Varsler\s*1\s*uleste/ }).count())
			.toBe(1);
		await expectAccessible(page);
		await waitForHydration(page);
		await Promise.all([
			page.waitForURL(`${baseUrl}/arshjul/forekomst/${taskId}/${unitId}/2026-10`),
			page.getByRole('link', { name: `«${TASK}» for E2E Bevis er over fristen` }).click()
		]);

		await waitForHydration(page);
		await page.getByLabel('Vedlegg (valgfritt)').setInputFiles({
			name: 'Referat oktober.pdf',
			mimeType: 'application/pdf',
			buffer: pdf
		});
		await page.getByRole('button', { name: 'Signer som utført' }).click();
		await expect.poll(() => page.getByText('Oppgaven er signert.').count()).toBe(1);
		const link = page.getByRole('link', { name: 'Referat oktober.pdf' });
		await expect.poll(() => link.count()).toBe(1);
		await expectAccessible(page);

		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('Referat oktober.pdf');
		const bytes = await readFile(await download.path());
		const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
		expect(sha(bytes)).toBe(sha(pdf));
		expect(await page.locator(`code[title="${sha(pdf)}"]`).count()).toBe(1);

		await page.goto(`${baseUrl}/varsler`);
		await waitForHydration(page);
		await page.getByRole('button', { name: /^Merk som lest/ }).click();
		await expect.poll(() => page.getByText('Varselet er merket som lest.').count()).toBe(1);
		await expect.poll(() => page.getByText('Du har ingen uleste varsler.').count()).toBe(1);
		await expectAccessible(page);
	});
});
