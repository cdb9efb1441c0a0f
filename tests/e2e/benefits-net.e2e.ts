/**
 * A programme leader marks a benefit as a dis-benefit (ulempe) and sees it counted against the
 * gains: marked «Ulempe» on its page and on the map, gross, dis-benefits and net in the sums on
 * Gevinster, and the breakdown by who gains (Fordeling). Axe finds nothing on each page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = 'ulempe.leder@kommune.no';
const TITLE = 'Ekstra opplæringstid i overgangen';

let browser: Browser;
let password = '';
let projectId = 0;
let benefitId = 0;

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	const gains = await import('$lib/server/db/queries/benefits-gains');
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Ulla Ulempe',
		email: LEADER
	});
	const m = b.useMission(leaderId);
	projectId = b.makeProject(leaderId, m.tracks).projectId;
	const line = (id: number, amountPerCase: number) =>
		gains.addEstimateLine(
			id,
			{ description: 'Linje', amountPerCase, cases: 1, sharePercent: 100 },
			leaderId,
			new Date()
		);
	line(b.makeBenefit(projectId, { title: 'Spart porto', beneficiary: 'stat' }, leaderId), 500_000);
	benefitId = b.makeBenefit(
		projectId,
		{ title: TITLE, beneficiary: 'kommunalt', level: 'tjeneste' },
		leaderId
	);
	line(benefitId, 123_000);
});
afterAll(async () => {
	await browser?.close();
});

const text = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('dis-benefits journey', () => {
	it('marks a dis-benefit and sees gross, dis-benefits and net, and the breakdown', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, password);

		await page.goto(`${baseUrl}/gevinster/${benefitId}`);
		await waitForHydration(page);
		await page.getByText('Endre gevinsten').click();
		const edit = page.locator('form[action="?/update"]');
		await edit.getByLabel('Ulempe (negativ virkning)').check();
		await edit.getByRole('button', { name: 'Lagre endringer', exact: true }).click();
		await expect.poll(() => page.getByText('Gevinsten er oppdatert.').count()).toBeGreaterThan(0);
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).textContent())
			.toMatch(/Ulempe$/);
		await expectAccessible(page);

		// The project's sums: 500 000 kr gross, 123 000 kr against it, 377 000 kr net.
		await page.goto(`${baseUrl}/gevinster?prosjekt=${projectId}`);
		const sum = page.getByRole('table', { name: /Sum for utvalget/ }).locator('tbody tr');
		await expect.poll(async () => text(await sum.textContent())).toMatch(/1 ulempe(?!r)/);
		const estimate = text(await sum.locator('td').nth(1).textContent());
		expect(estimate).toMatch(/Brutto 500 000 kr/);
		expect(estimate).toMatch(/Ulemper −123 000 kr/);
		expect(estimate).toMatch(/Netto 377 000 kr/);
		const row = page.locator('#gevinstliste ~ .table-wrap tr', { hasText: TITLE });
		await expect.poll(async () => text(await row.textContent())).toMatch(/Ulempe/);
		await expectAccessible(page);

		// The breakdown, reached from Gevinster with the same filter.
		await Promise.all([
			page.waitForURL(/\/gevinster\/fordeling\?prosjekt=/),
			page.getByRole('link', { name: /Fordeling på hvem som får gevinsten/ }).click()
		]);
		const municipal = page
			.getByRole('table', { name: /Summer per mottaker/ })
			.locator('tr', { hasText: 'Kommunalt' });
		await expect.poll(async () => text(await municipal.textContent())).toMatch(/Netto −123 000 kr/);
		const state = page.getByRole('table', { name: /Tabell: Estimat i kroner etter hvem/ });
		await expect.poll(async () => text(await state.textContent())).toMatch(/Stat500 000 kr/);
		await expectAccessible(page);

		// On the map: the word and its own frame.
		await page.goto(`${baseUrl}/gevinster/kart?niva=tjeneste`);
		await expect
			.poll(() => page.getByRole('link', { name: `Ulempe: ${TITLE} (kvantitativ)` }).count())
			.toBe(1);
		await expectAccessible(page);
		await context.close();
	});
});
