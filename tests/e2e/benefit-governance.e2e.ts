/**
 * Benefit governance, one journey in steps that share the browser: a programme leader freezes a
 * benefit's plan and asks for a higher target, a steering member approves it, and the benefit
 * page shows the original target beside the current one; the benefit's owner finds October
 * waiting (logged by the programme leader) and attests it, which locks the month. Each step
 * leaves the pages it visited with axe 0.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { chartReport } from './chart-checks';
import { useServerDatabase } from './seed';
import { osloDay } from '$lib/format';
import { periodWords } from '$lib/domain/benefits/attestation';

const baseUrl = inject('baseUrl');
const LEADER = 'styrt.leder@kommune.no';
const STEERING = 'styrt.styring@kommune.no';
const OWNER = 'styrt.eier@kommune.no';
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
	const ownerId = await f.makeUser([{ role: 'viewer' }], { name: 'Olga Eier', email: OWNER });
	const m = b.useMission(leaderId);
	const projectId = b.makeProject(leaderId, m.tracks).projectId;
	benefitId = b.makeBenefit(projectId, { title: TITLE, level: 'bruker', ownerId }, leaderId);
	gains.setBaselineAndTarget(
		benefitId,
		{
			baseline: { value: 0, date: '2026-01-01', method: 'Intervjuer' },
			// The target year is this year or later, so «this month» can always be forecast.
			target: {
				value: 120_000,
				date: `${Math.max(2026, Number(osloDay(new Date()).slice(0, 4)))}-12-31`
			},
			version: 0
		},
		leaderId,
		new Date()
	);
	for (const [period, value] of [
		['2026-01', 8_000],
		['2026-02', 9_000],
		['2026-10', 14_000]
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

	it('the chart names months «okt. 2026» and draws its legend with the lines’ styles', async () => {
		const chart = leader.locator('[data-chart]').first();
		await expect.poll(() => chart.locator('.plot svg').count()).toBe(1);
		const dash = (series: string) =>
			chart.locator(`.legend .${series} line`).getAttribute('stroke-dasharray');
		expect(await dash('planned')).toBe('6 4');
		expect(await dash('realised')).toBeNull();
		expect(await dash('original-target')).toBe('10 3 2 3');
		expect(await chart.locator('.legend .planned').textContent()).toMatch(/stiplet linje/);
		const texts = await chart.locator('.plot svg text').allTextContents();
		const MONTH = /^(jan\.|feb\.|mars|apr\.|mai|juni|juli|aug\.|sep\.|okt\.|nov\.|des\.) 20\d\d$/;
		expect(texts.filter((t) => MONTH.test(t)).length).toBeGreaterThan(1);
		expect(texts.some((t) => /^\d{4}-\d{2}$|^\S+ \d{2}$/.test(t))).toBe(false);
	});

	it('at 200 % zoom the chart fills its column and no text is under 12 px', async () => {
		const context = await browser.newContext({
			viewport: { width: 640, height: 400 },
			deviceScaleFactor: 2
		});
		contexts.push(context);
		const zoomed = await context.newPage();
		await signInAs(zoomed, baseUrl, LEADER, password);
		await zoomed.goto(`${baseUrl}/gevinster/${benefitId}`);
		await waitForHydration(zoomed);
		await zoomed.waitForFunction(() => document.querySelector('[data-chart] .plot svg'));
		const report = await zoomed.evaluate(chartReport);
		expect(report.smallest!.px).toBeGreaterThanOrEqual(12);
		const [box, svg] = await zoomed.evaluate(() => {
			const plot = document.querySelector('[data-chart] .plot')!;
			return [plot.clientWidth, plot.querySelector('svg')!.getBoundingClientRect().width];
		});
		expect(svg).toBeGreaterThanOrEqual(box - 2);
	});

	it('the leader ties the start to a measure, and the page says so and the rule', async () => {
		await leader.goto(`${baseUrl}/gevinster/${benefitId}`);
		await waitForHydration(leader);
		await leader.getByText('Knytt starten til et tiltak').click();
		await leader.getByLabel('Tiltak', { exact: true }).selectOption({ index: 1 });
		await leader.getByLabel('Status tiltaket må nå').selectOption('in_progress');
		await submit(leader, 'Lagre start', 'Gevinstens start er knyttet til tiltaket.');
		const timing = leader.locator('section[aria-labelledby="tidspunkt"]');
		await expect
			.poll(() =>
				timing.getByText(/begynner å realiseres når tiltaket .+ når status «Pågår»/).count()
			)
			.toBe(1);
		await expect
			.poll(() => timing.getByText(/Er planen godkjent, endres den ikke av seg selv/).count())
			.toBe(1);
		await expectAccessible(leader);
	});

	it('the owner finds October waiting and attests it', async () => {
		const owner = await as(OWNER);
		await owner.goto(`${baseUrl}/arshjul/mine`);
		const waiting = owner.locator('section[aria-labelledby="venter-attest"]');
		await expect.poll(() => waiting.getByText('oktober 2026').count()).toBe(1);
		await expectAccessible(owner);
		await Promise.all([
			owner.waitForURL(new RegExp(`/gevinster/${benefitId}`)),
			waiting.getByRole('link', { name: `${TITLE}: oktober 2026` }).click()
		]);
		const october = 'Jeg bekrefter at dette er målt verdi for oktober 2026';
		await submit(owner, october, 'Verdien for oktober 2026 er attestert.');
		await expect
			.poll(() =>
				owner
					.locator('section[aria-labelledby="attest-h"]')
					.getByText(/Attestert av Olga Eier/)
					.count()
			)
			.toBe(1);
		await expect.poll(() => owner.getByRole('button', { name: october }).count()).toBe(0);
		await expectAccessible(owner);

		// The leader sees the month attested and may no longer overwrite it, only correct it.
		await leader.goto(`${baseUrl}/gevinster/${benefitId}`);
		// Both the attestation list and the log's entry say who attested.
		for (const section of ['attest-h', 'logg-h']) {
			await expect
				.poll(() =>
					leader
						.locator(`section[aria-labelledby="${section}"]`)
						.getByText(/Attestert av Olga Eier/)
						.count()
				)
				.toBe(1);
		}
	});

	it('the leader reads months in words and entries numbered in the log’s own order', async () => {
		const log = leader.locator('section[aria-labelledby="logg-h"]');
		expect(await log.locator('tbody th[scope="row"]').allTextContents()).toEqual(['3', '2', '1']);
		expect(await log.locator('tbody td:nth-of-type(1)').allTextContents()).toEqual([
			'oktober 2026',
			'februar 2026',
			'januar 2026'
		]);
		const options = await log
			.getByLabel('Korrigerer en tidligere registrering')
			.locator('option')
			.allTextContents();
		expect(options.slice(1).map((o) => o.replace(/\s/g, ' '))).toEqual([
			'Nr. 3, oktober 2026: 14 000 kr',
			'Nr. 2, februar 2026: 9 000 kr',
			'Nr. 1, januar 2026: 8 000 kr'
		]);

		// A forecast is for this month or later (Oslo time), so the month follows the clock.
		const month = osloDay(new Date()).slice(0, 7);
		await leader.locator('#forecast-period').fill(month);
		await leader.locator('#forecast-value').fill('15 000');
		await submit(leader, 'Lagre prognose', `Prognosen for ${periodWords(month)} er lagret.`);
		const forecast = leader.locator('section[aria-labelledby="prognose-h"] li');
		await expect
			.poll(async () => (await forecast.allTextContents()).map((t) => t.replace(/\s/g, ' ')))
			.toEqual([`${periodWords(month)}: 15 000 kr`]);
		await expectAccessible(leader);
	});
});
