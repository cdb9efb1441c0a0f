/**
 * Benefit governance, one journey in steps that share the browser: a programme leader freezes a
 * benefit's plan and asks for a higher target, a steering member approves it, and the benefit
 * page shows the original target beside the current one. Later steps (attestation and the
 * like) can be appended as further `it`s; each step leaves the pages it visited with axe 0.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = 'styrt.leder@kommune.no';
const STEERING = 'styrt.styring@kommune.no';
const TITLE = 'Spart koordineringstid for familiene';

let browser: Browser;
let password = '';
let benefitId = 0;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	const gains = await import('$lib/server/db/queries/benefits-gains');
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Petra Plan',
		email: LEADER
	});
	await f.makeUser([{ role: 'steering' }], { name: 'Stian Styring', email: STEERING });
	const m = b.useMission(leaderId);
	const projectId = b.makeProject(leaderId, m.tracks).projectId;
	benefitId = b.makeBenefit(projectId, { title: TITLE, level: 'bruker' }, leaderId);
	gains.setBaselineAndTarget(
		benefitId,
		{
			baseline: { value: 0, date: '2026-01-01', method: 'Intervjuer' },
			target: { value: 120_000, date: '2026-12-31' },
			version: 0
		},
		leaderId,
		new Date()
	);
	for (const [period, value] of [
		['2026-01', 8_000],
		['2026-02', 9_000]
	] as const) {
		gains.logRealisation(
			benefitId,
			{ period, value, comment: '', evidence: '', supersedesId: null },
			leaderId,
			new Date()
		);
	}
});
afterAll(async () => {
	await browser?.close();
});

async function as(email: string): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	const page = await context.newPage();
	await signInAs(page, baseUrl, email, password);
	return page;
}

async function submit(page: Page, button: string, expectText: string) {
	await page.getByRole('button', { name: button, exact: true }).click();
	await expect.poll(() => page.getByText(expectText).count()).toBeGreaterThan(0);
}

describe('benefit governance journey', () => {
	let leader: Page;
	let steering: Page;

	it('a programme leader freezes the plan and asks for a higher target', async () => {
		leader = await as(LEADER);
		await leader.goto(`${baseUrl}/gevinster/${benefitId}`);
		await expectAccessible(leader);
		await leader.getByText('Frys planen', { exact: true }).first().click();
		await leader.getByLabel('Kilde for nullpunktet').fill('Intervjurapport januar 2026');
		await submit(leader, 'Frys planen', 'Planen er godkjent og frosset.');

		await leader.getByText('Be om endring av nullpunkt, mål eller plan').click();
		await leader.locator('#req-targetValue').fill('150 000');
		await leader.locator('#req-reason').fill('Flere familier enn antatt');
		await submit(leader, 'Send til godkjenning', 'Endringen er sendt til godkjenning.');
		await expect.poll(() => leader.getByText('Endring venter på godkjenning').count()).toBe(1);
		await expectAccessible(leader);
	});

	it('a steering member finds the request and approves it', async () => {
		steering = await as(STEERING);
		await steering.goto(`${baseUrl}/styring`);
		await Promise.all([
			steering.waitForURL(/\/gevinster\/godkjenning/),
			steering.getByRole('link', { name: /venter på godkjenning/ }).click()
		]);
		await expectAccessible(steering);
		await Promise.all([
			steering.waitForURL(new RegExp(`/gevinster/${benefitId}`)),
			steering.getByRole('link', { name: TITLE }).click()
		]);
		await steering.getByLabel('Merknad (valgfri)').fill('Godkjent i styringsmøtet');
		await submit(steering, 'Godkjenn endringen', 'Endringen er godkjent og gjelder nå.');
		await expectAccessible(steering);
	});

	it('the benefit page shows the original and the current target', async () => {
		await leader.goto(`${baseUrl}/gevinster/${benefitId}`);
		await expect
			.poll(() => leader.locator('.legend .original-target').textContent())
			.toMatch(/Opprinnelig mål: 120\s000 kr/);
		const versions = leader.locator('section[aria-labelledby="versjoner"]');
		await expect.poll(() => versions.getByText('Versjon 2: Godkjent').count()).toBe(1);
		await expect.poll(() => versions.getByText('Versjon 1: Erstattet').count()).toBe(1);
		await expect.poll(() => versions.getByText('Godkjent i styringsmøtet').count()).toBe(1);
		await expectAccessible(leader);
	});
});
