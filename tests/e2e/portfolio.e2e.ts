/**
 * The portfolio journey: a programme leader creates a track, a project in two tracks and a measure,
 * and adds a risk that shows in the matrix; the steering member scores the project (scoring is
 * the steering group's action, seed 001 «Kriterier for prioritering»), sees it all on the
 * overview, has no edit buttons and gets 403 on an edit URL. axe on every page visited.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	expectAccessible,
	expectNoHorizontalScroll,
	launchBrowser,
	screenshot,
	signInAs,
	waitForHydration
} from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = { name: 'Lise Programleder', email: 'lise.portefolje@kommune.no' };
const STEERING = { name: 'Stein Styring', email: 'stein.portefolje@kommune.no' };
const PROJECT = 'Felles inngang for familier';
const MEASURE = 'Tverrfaglig inntaksteam';
const RISK = 'Tid og prioritering i avdelingene';

let browser: Browser;
let password = '';
let projectUrl = '';

beforeAll(async () => {
	const f = await useServerDatabase();
	const p = await import('../factories/portfolio');
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], LEADER);
	await f.makeUser([{ role: 'steering' }], STEERING);
	f.makeUnit('Avdeling Reise');
	p.makeMission();
	// The second track the project joins; the first is created through the page.
	p.makeTrack(leaderId, { code: '43K', title: 'Samhandling i reisen' });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function submit(page: Page, button: string, url: RegExp) {
	await Promise.all([page.waitForURL(url), page.getByRole('button', { name: button }).click()]);
}

describe('portfolio journey', () => {
	it('the programme leader builds a track, a project in two tracks, a measure and a risk', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER.email, password);

		await page.goto(`${baseUrl}/portefolje`);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Nytt missionspor' }).click();
		await page.waitForURL(`${baseUrl}/portefolje/spor/ny`);
		await expectAccessible(page);
		// A bad code comes back with a message and the values kept.
		await page.getByLabel('Kode').fill('A1');
		await page.getByLabel('Tittel').fill('Brukerreisen');
		await page.getByRole('button', { name: 'Opprett spor' }).click();
		await expect
			.poll(() => page.getByText('Bruk ett eller to sifre og eventuelt en bokstav, som 1A').count())
			.toBe(1);
		expect(await page.getByLabel('Tittel').inputValue()).toBe('Brukerreisen');
		await expectAccessible(page);
		await page.getByLabel('Kode').fill('42K');
		await page.getByLabel('Problemstilling').fill('Familiene må selv finne fram i tjenestene.');
		await submit(page, 'Opprett spor', /\/portefolje\/spor\/\d+\?opprettet=1$/);
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).textContent())
			.toBe('Spor 42K: Brukerreisen');
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Nytt prosjekt i sporet' }).click();
		await page.waitForURL(/\/portefolje\/prosjekter\/ny\?spor=\d+$/);
		await expectAccessible(page);
		await page.getByLabel('Tittel').fill(PROJECT);
		await page.getByLabel('43K Samhandling i reisen').check();
		expect(await page.getByLabel('42K Brukerreisen').isChecked()).toBe(true);
		await page.getByLabel('Brukernivå').check();
		await page.getByLabel('Startdato').fill('2026-12-01');
		await page.getByLabel('Sluttdato').fill('2026-11-01');
		await page.getByRole('button', { name: 'Opprett prosjekt' }).click();
		await expect
			.poll(() => page.getByText('Sluttdato kan ikke være før startdato').count())
			.toBe(1);
		await expectAccessible(page);
		await page.getByLabel('Sluttdato').fill('2027-12-31');
		await submit(page, 'Opprett prosjekt', /\/portefolje\/prosjekter\/\d+\?opprettet=1$/);
		projectUrl = page.url().replace(/\?.*$/, '');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(PROJECT);
		const tracks = page.locator('dd').filter({ hasText: '42K' });
		expect(await tracks.textContent()).toContain('43K Samhandling i reisen');
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Nytt tiltak i prosjektet' }).click();
		await page.waitForURL(/\/portefolje\/tiltak\/ny\?prosjekt=\d+$/);
		await expectAccessible(page);
		await page.getByLabel('Tittel').fill(MEASURE);
		await page.getByLabel('Avdeling Reise').check();
		await submit(page, 'Opprett tiltak', /\/portefolje\/tiltak\/\d+\?opprettet=1$/);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(MEASURE);
		await expectAccessible(page);

		await page.goto(projectUrl);
		const riskForm = page.getByRole('form', { name: 'Ny risiko' });
		await riskForm.getByLabel('Risiko', { exact: true }).fill(RISK);
		await riskForm.getByLabel('Sannsynlighet').selectOption('4');
		await riskForm.getByLabel('Konsekvens', { exact: true }).selectOption('3');
		await riskForm.getByLabel('Konsekvensområde').selectOption('hse');
		await riskForm.getByRole('button', { name: 'Legg til risiko' }).click();
		await expect.poll(() => page.getByText(`Risikoen «${RISK}» er lagt til.`).count()).toBe(1);
		// In the matrix cell likelihood 4 × consequence 3 (row «4 Sannsynlig», column 3).
		const matrix = page.locator('table.matrix');
		const row = matrix.locator('tbody tr').nth(1);
		expect(await row.locator('td.cell').nth(2).getByRole('link', { name: RISK }).count()).toBe(1);
		await expectAccessible(page);

		// The portfolio matrix counts per cell (likelihood 4, consequence 3) and lists the risks
		// below it, a page at a time.
		await page.goto(`${baseUrl}/portefolje/risiko`);
		const cell = page.locator('table.matrix tbody tr').nth(1).locator('td.cell').nth(2);
		expect(await cell.getByRole('link', { name: '1 risiko' }).count()).toBe(1);
		await Promise.all([
			page.waitForURL(/sannsynlighet=4&konsekvens=3/),
			cell.getByRole('link', { name: '1 risiko' }).click()
		]);
		const list = page.getByRole('region', { name: /Risikoer med sannsynlighet 4 og konsekvens 3/ });
		await expect.poll(() => list.getByRole('link', { name: new RegExp(RISK) }).count()).toBe(1);
		await expectAccessible(page);
		await context.close();
	});

	it('the steering member scores the project, sees it on the overview, and cannot edit', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, STEERING.email, password);

		await page.goto(projectUrl);
		await expectAccessible(page);
		expect(await page.getByRole('heading', { name: 'Endre prosjektet' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Arkiver prosjektet' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Legg til risiko' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Endre status' }).count()).toBe(0);

		const scoring = page.getByRole('form', { name: 'Vurder prosjektet' });
		await scoring.getByLabel('Verdi for brukerperspektiv').selectOption('5');
		await scoring.getByRole('button', { name: 'Lagre vurdering' }).click();
		await expect.poll(() => page.getByText('Begrunn vurderingen (minst 3 tegn)').count()).toBe(1);
		await expectAccessible(page);
		await scoring
			.getByLabel('Begrunnelse for brukerperspektiv')
			.fill('Familien møter én dør i stedet for fem.');
		await scoring.getByRole('button', { name: 'Lagre vurdering' }).click();
		await expect.poll(() => page.getByText('Vurderingen er lagret.').count()).toBe(1);
		expect(await page.getByText('Sum 5 av 25').count()).toBe(1);

		await page.goto(`${baseUrl}/portefolje`);
		const ranking = page.locator('table').first();
		expect(await ranking.getByRole('link', { name: PROJECT }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Nytt prosjekt' }).count()).toBe(0);
		await expectAccessible(page);

		// A bare `/` lands the steering group on /styring; the overview is `/?oversikt`.
		await page.goto(`${baseUrl}/?oversikt`);
		const tree = page.locator('.portfolio-tree');
		// Listed under both tracks; its measures open on demand, under the track chosen.
		await expect.poll(() => tree.getByRole('link', { name: PROJECT, exact: true }).count()).toBe(2);
		expect(await tree.getByRole('link', { name: MEASURE }).count()).toBe(0);
		const openMeasures = async () => {
			await Promise.all([
				page.waitForURL(/tiltak=\d+/),
				tree
					.getByRole('link', { name: `Vis tiltakene i «${PROJECT}» (1)` })
					.first()
					.click()
			]);
			await expect.poll(() => tree.getByRole('link', { name: MEASURE }).count()).toBe(1);
		};
		await openMeasures();
		await expectAccessible(page);

		// Filter by unit: only the project whose measure that unit carries out.
		await page.getByLabel('Enhet').selectOption({ label: 'Avdeling Reise' });
		await Promise.all([
			page.waitForURL(/enhet=\d+/),
			page.getByRole('button', { name: 'Vis', exact: true }).click()
		]);
		expect(await tree.getByRole('link', { name: PROJECT, exact: true }).count()).toBe(2);
		await openMeasures();
		await expectAccessible(page);

		// Every row is a link reachable by keyboard.
		const link = tree.getByRole('link', { name: MEASURE }).first();
		await link.focus();
		await Promise.all([
			page.waitForURL(/\/portefolje\/tiltak\/\d+$/),
			page.keyboard.press('Enter')
		]);
		await expectAccessible(page);
		expect(await page.getByRole('heading', { name: 'Endre tiltaket' }).count()).toBe(0);

		for (const url of [`${baseUrl}/portefolje/spor/ny`, `${baseUrl}/portefolje/prosjekter/ny`]) {
			const response = await page.goto(url);
			expect(response?.status()).toBe(403);
			await expectAccessible(page);
		}
		// A forged edit post is refused too.
		const post = await page.request.post(`${projectUrl}?/update`, {
			form: { title: 'Kapret', ownerId: '1', trackIds: '1', version: '0' },
			headers: { origin: baseUrl, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(post.status()).toBe(403);
		expect(await post.json()).toMatchObject({ type: 'error' });
		await context.close();
	});

	it('two tabs editing the same project: the second save shows the newer values', async () => {
		const context = await browser.newContext();
		const first = await context.newPage();
		await signInAs(first, baseUrl, LEADER.email, password);
		const second = await context.newPage();
		await first.goto(projectUrl);
		await second.goto(projectUrl);
		// Both forms must be live: a submit before hydration is a plain post, not the one tested.
		await waitForHydration(first);
		await waitForHydration(second);
		const edit = (page: Page) => page.getByRole('form', { name: 'Endre prosjektet' });

		await edit(first).getByLabel('Tittel').fill(`${PROJECT} (første)`);
		await edit(first).getByRole('button', { name: 'Lagre prosjekt' }).click();
		await expect.poll(() => first.getByText('Prosjektet er lagret.').count()).toBe(1);

		await edit(second).getByLabel('Beskrivelse').fill('Skrevet i den andre fanen');
		await edit(second).getByRole('button', { name: 'Lagre prosjekt' }).click();
		await expect
			.poll(() => second.getByText(/Noen andre har lagret endringer mens du redigerte/).count())
			.toBe(1);
		expect(await edit(second).getByLabel('Tittel').inputValue()).toBe(`${PROJECT} (første)`);
		expect(await edit(second).getByLabel('Beskrivelse').inputValue()).toBe('');
		await expectAccessible(second);

		// Saving again from the refreshed form goes through.
		await edit(second).getByLabel('Tittel').fill(PROJECT);
		await edit(second).getByRole('button', { name: 'Lagre prosjekt' }).click();
		await expect.poll(() => second.getByText('Prosjektet er lagret.').count()).toBe(1);
		await context.close();
	});

	it('the overview reflows at 320 px', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		await signInAs(page, baseUrl, STEERING.email, password);
		// A bare `/` lands the steering group on /styring; the overview is `/?oversikt`.
		await page.goto(`${baseUrl}/?oversikt`);
		await expectNoHorizontalScroll(page);
		await expectAccessible(page);
		await screenshot(page, 'overview-320px');
		await context.close();
	});
});
