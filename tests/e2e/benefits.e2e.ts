import { readFileSync } from 'node:fs';
import { chartReport } from './chart-checks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInAs, waitForHydration } from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const LEADER = 'gevinst.leder@kommune.no';
const ADMIN = 'gevinst.admin@kommune.no';
const TITLE = 'Potensielle prissatte gevinster for familien';

let browser: Browser;
let password = '';
let projectId = 0;
let leaderId = 0;
let trackIds: number[] = [];
let factories: typeof import('../factories/benefits');

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	factories = b;
	password = f.TEST_PASSWORD;
	leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Gina Gevinst',
		email: LEADER
	});
	await f.makeUser([{ role: 'admin' }], { name: 'Adam Gevinst', email: ADMIN });
	const m = b.useMission(leaderId);
	trackIds = m.tracks;
	projectId = b.makeProject(leaderId, m.tracks).projectId;
});
afterAll(async () => {
	await browser?.close();
});

async function submit(page: Page, button: string, expectText: string | RegExp) {
	await page.getByRole('button', { name: button, exact: true }).click();
	await expect.poll(() => page.getByText(expectText).count()).toBeGreaterThan(0);
}

describe('benefits journey', () => {
	it('builds a map, prices a benefit, logs realisations and sees them behind plan', async () => {
		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, password);

		// Build a small map from scratch.
		await page.goto(`${baseUrl}/gevinster/prosjekt/${projectId}`);
		await expectAccessible(page);
		await page.getByLabel('Hva endres').fill('Koordinert tjenestetilbud for familien');
		await submit(
			page,
			'Legg til endring',
			'Endringen «Koordinert tjenestetilbud for familien» er lagt til.'
		);

		await page.getByLabel('Navn på gevinsten').fill(TITLE);
		await page.getByLabel('Nivå', { exact: true }).selectOption({ label: 'Brukernivå' });
		await page.getByLabel('Type', { exact: true }).selectOption('kvantitativ');
		await page.getByLabel('Enhet (kvantitative gevinster)').selectOption('kr');
		await page.getByLabel('Hvem får gevinsten').selectOption('familie');
		await page.getByLabel('Gevinsteier').selectOption({ label: 'Gina Gevinst' });
		await page.getByLabel('Indikator').fill('Spart inntektstap og tid, kroner');
		await page.getByLabel('Hvordan gevinsten tas ut').selectOption('frigjort_tid');
		await submit(page, 'Legg til gevinst', `Gevinsten «${TITLE}» er lagt til.`);
		await expectAccessible(page);

		const link = async (from: string, to: string) => {
			await page.getByLabel('Fra', { exact: true }).selectOption({ label: from });
			await page.getByLabel('Til', { exact: true }).selectOption({ label: to });
			await page.getByRole('button', { name: 'Koble', exact: true }).click();
		};
		const measure = await page
			.locator('#link-from optgroup[label="Tiltak"] option')
			.first()
			.textContent();
		await link(measure!.trim(), 'Koordinert tjenestetilbud for familien');
		await expect.poll(() => page.getByText('Koblingen er lagt til.').count()).toBe(1);
		await link('Koordinert tjenestetilbud for familien', TITLE);
		await expect.poll(() => page.locator('.links li').count()).toBe(2);
		// A benefit cannot lead back to a change: refused with a message, nothing stored.
		await link(TITLE, 'Koordinert tjenestetilbud for familien');
		await expect
			.poll(() => page.getByText('Gevinst kan ikke kobles til endring.', { exact: false }).count())
			.toBe(1);
		await expect.poll(() => page.locator('.links li').count()).toBe(2);
		await expectAccessible(page);

		// The map draws the benefit as a quantitative node that opens it.
		const node = page.getByRole('link', { name: `Kvantitativ gevinst: ${TITLE}` });
		await expect.poll(() => node.count()).toBe(1);
		await Promise.all([page.waitForURL(/\/gevinster\/\d+$/), node.click()]);
		await expectAccessible(page);

		// Price it: seed 001's three lines (see demo/benefits.ts).
		for (const [description, amount] of [
			['Tapt arbeidsinntekt ved sykemelding for far', '73 530'],
			['Ekstra tidsbruk ved skolestart', '80 000'],
			['Ekstra tidsbruk ved koordinering og oppfølging av medisinske tilbud og skole', '1500000']
		] as const) {
			await page.locator('#field-description').fill(description);
			await page.locator('#field-amountPerCase').fill(amount);
			await page.locator('#field-cases').fill('1');
			await page.locator('#field-sharePercent').fill('100');
			await page.getByRole('button', { name: 'Legg til linje' }).click();
			await expect.poll(() => page.getByRole('rowheader', { name: description }).count()).toBe(1);
		}
		await expect
			.poll(() => page.locator('td.sum').first().textContent())
			.toMatch(/^1\s653\s530 kr$/);
		await expectAccessible(page);

		await page.locator('#field-baselineValue').fill('0');
		await page.locator('#field-baselineDate').fill('2026-01-01');
		await page.locator('#field-baselineMethod').fill('Brukerhistorie');
		await page.locator('#field-targetValue').fill('1 653 530');
		await page.locator('#field-targetDate').fill('2026-12-31');
		await submit(page, 'Lagre nullpunkt og mål', 'Nullpunkt og mål er lagret.');

		// Two realisations, then both dots in the chart.
		for (const [period, value, words] of [
			['2026-01', '10000', 'januar 2026'],
			['2026-02', '20000', 'februar 2026']
		] as const) {
			await page.locator('#field-period').fill(period);
			await page.locator('#field-value').fill(value);
			await page.getByRole('button', { name: 'Registrer', exact: true }).click();
			await expect.poll(() => page.getByRole('cell', { name: words, exact: true }).count()).toBe(1);
		}
		// The chart is one image with a Norwegian summary (its marks are out of the accessibility
		// tree: Plot names them in English); its table carries each month.
		const dots = page.locator('.realisation-chart .plot .realised circle');
		await expect.poll(() => dots.count()).toBe(2);
		await expect
			.poll(() =>
				page.locator('.realisation-chart svg[role="img"]').getAttribute('aria-description')
			)
			.toMatch(/realisert 30\s000 kr per februar 2026/);
		await expect
			.poll(() =>
				page.locator('.realisation-chart tbody tr', { hasText: 'februar 2026' }).textContent()
			)
			.toMatch(/30\s000 kr/);
		await expectAccessible(page);

		// Behind plan on the overview, asking for a cause.
		await page.goto(`${baseUrl}/gevinster`);
		const item = page.locator('.behind li', { hasText: TITLE });
		await expect.poll(() => item.count()).toBe(1);
		await expect.poll(() => item.textContent()).toMatch(/Mangler årsak og korrigerende tiltak/);
		// One page of the list: no «Listen viser 2 om gangen» about a page size that does not matter.
		expect(await page.getByText(/om gangen/).count()).toBe(0);
		await expectAccessible(page);
		await Promise.all([
			page.waitForURL(/#avvik$/),
			item.getByRole('link', { name: 'forklar avviket' }).click()
		]);
		await page.getByLabel('Årsak til avviket').fill('Tjenestene kom sent i gang');
		await page.getByLabel('Korrigerende tiltak').fill('Ukentlig koordineringsmøte');
		await submit(page, 'Registrer årsak og tiltak', 'Årsak og korrigerende tiltak er registrert.');
		await expectAccessible(page);
		await page.goto(`${baseUrl}/gevinster`);
		await expect.poll(() => item.textContent()).toMatch(/Årsak: Tjenestene kom sent i gang/);

		// The mission map, filtered to the user level, with its text alternative.
		await page.goto(`${baseUrl}/gevinster/kart`);
		await expectAccessible(page);
		await Promise.all([
			page.waitForURL(/niva=bruker/),
			page
				.getByRole('navigation', { name: 'Nivå' })
				.getByRole('link', { name: 'Brukernivå' })
				.click()
		]);
		await expect
			.poll(() => page.getByRole('link', { name: `Kvantitativ gevinst: ${TITLE}` }).count())
			.toBe(1);
		// Export: a standalone SVG document and a PNG image of the same map.
		const [svgFile] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Last ned som SVG' }).click()
		]);
		expect(svgFile.suggestedFilename()).toBe('gevinstkart.svg');
		const svgText = readFileSync((await svgFile.path())!, 'utf8');
		expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg/);
		expect(svgText).toContain(TITLE);
		const [pngFile] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Last ned som PNG' }).click()
		]);
		expect(pngFile.suggestedFilename()).toBe('gevinstkart.png');
		// PNG signature: \x89 P N G.
		expect(
			readFileSync((await pngFile.path())!)
				.subarray(1, 4)
				.toString()
		).toBe('PNG');
		await page.getByText('Vis kartet som liste (tekstalternativ)').click();
		await expect
			.poll(() => page.locator('.outline').getByRole('link', { name: TITLE }).count())
			.toBeGreaterThan(0);
		await expectAccessible(page);
		await context.close();
	});

	it('two tabs editing the same benefit: the second save shows the newer values', async () => {
		const benefitId = factories.makeBenefit(
			projectId,
			{ title: 'Raskere svar til familien', kind: 'kvalitativ' },
			leaderId
		);
		const context = await browser.newContext();
		const first = await context.newPage();
		await signInAs(first, baseUrl, LEADER, password);
		const second = await context.newPage();
		for (const page of [first, second]) {
			await page.goto(`${baseUrl}/gevinster/${benefitId}`);
			// Both forms must be live: a submit before hydration is a plain post, not the one tested.
			await waitForHydration(page);
			await page.getByText('Endre gevinsten').click();
		}
		const edit = (page: Page) => page.locator('form[action="?/update"]');

		await edit(first).getByLabel('Navn på gevinsten').fill('Raskere svar (første fane)');
		await submit(first, 'Lagre endringer', 'Gevinsten er oppdatert.');

		await edit(second).getByLabel('Beskrivelse').fill('Skrevet i den andre fanen');
		await submit(second, 'Lagre endringer', /Noen andre har lagret endringer mens du redigerte/);
		expect(await edit(second).getByLabel('Navn på gevinsten').inputValue()).toBe(
			'Raskere svar (første fane)'
		);
		expect(await edit(second).getByLabel('Beskrivelse').inputValue()).toBe('');
		await expectAccessible(second);

		// Saving again from the refreshed form goes through.
		await edit(second).getByLabel('Beskrivelse').fill('Skrevet i den andre fanen');
		await submit(second, 'Lagre endringer', 'Gevinsten er oppdatert.');
		await context.close();
	});

	it('map forms work without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, password, { javaScript: false });
		await page.goto(`${baseUrl}/gevinster/prosjekt/${projectId}`);
		await page.getByLabel('Hva endres').fill('Endring uten skript');
		await page.getByRole('button', { name: 'Legg til endring', exact: true }).click();
		await expect
			.poll(() => page.getByText('Endringen «Endring uten skript» er lagt til.').count())
			.toBe(1);
		// A bad link is answered with the message beside the field.
		await page.getByRole('button', { name: 'Koble', exact: true }).click();
		await expect
			.poll(() => page.locator('#link-from-error').textContent())
			.toBe('Velg hva koblingen går fra');
		// The map's text outline is built on request: without script, a link reloads with it open.
		await page.getByText('Vis kartet som liste (tekstalternativ)').click();
		await Promise.all([
			page.waitForURL(/[?&]liste=/),
			page.getByRole('link', { name: 'Vis listen' }).click()
		]);
		await expect
			.poll(() => page.locator('.outline').getByText('Endring uten skript').count())
			.toBeGreaterThan(0);
		// No axe here: it runs as a script, and scripts are off. The same page is checked above.
		await context.close();
	});

	it('the admin sets timesats and margin; a programme leader may not', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, ADMIN, password);
		await page.goto(`${baseUrl}/gevinster/innstillinger`);
		await expectAccessible(page);
		await page.getByLabel('Margin for «bak plan» (prosent)').fill('150');
		await submit(page, 'Lagre', 'Marginen må være mellom 0 og 100 %');
		await expectAccessible(page);
		await page.getByLabel('Margin for «bak plan» (prosent)').fill('20');
		await submit(page, 'Lagre', 'Innstillingene er lagret.');
		await context.close();

		const leader = await browser.newContext();
		const leaderPage = await leader.newPage();
		await signInAs(leaderPage, baseUrl, LEADER, password);
		const response = await leaderPage.goto(`${baseUrl}/gevinster/innstillinger`);
		expect(response?.status()).toBe(403);
		await leader.close();
	});

	it('a large map is drawn after its page, keyboard-reachable, and opens without script', async () => {
		// Above INLINE_MAP_LIMIT (150) the drawing is fetched after the page.
		const large = factories.makeProject(leaderId, trackIds, 170).projectId;
		factories.makeBenefit(large, { title: 'Stor gevinst', kind: 'kvantitativ' }, leaderId);
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, baseUrl, LEADER, password);
		// The drawing cannot be fetched (its preload neither): the reader is told, and may try again.
		let offline = true;
		await page.route('**/tegning?*', (route) =>
			offline ? route.abort('failed') : route.continue()
		);
		await page.goto(`${baseUrl}/gevinster/prosjekt/${large}`);
		const failed = page
			.getByRole('alert')
			.filter({ hasText: 'Kunne ikke hente gevinstkartet. Sjekk forbindelsen og prøv igjen.' });
		await failed.waitFor();
		await expectAccessible(page);
		offline = false;
		await failed.getByRole('button', { name: 'Prøv igjen' }).click();
		const benefit = page.getByRole('link', { name: 'Kvantitativ gevinst: Stor gevinst' });
		await benefit.waitFor({ state: 'attached' });
		expect(
			await page.getByRole('status').filter({ hasText: 'Gevinstkartet er tegnet.' }).count()
		).toBe(1);
		expect(await page.locator('.benefit-map svg a[href]').count()).toBeGreaterThan(150);
		// The nodes are links in Tab order, each with its focus ring.
		await page.locator('.benefit-map svg a[href]').first().focus();
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => document.activeElement?.closest('.benefit-map svg') !== null)
		).toBe(true);
		expect(
			await page.evaluate(() => {
				const rect = document.activeElement?.querySelector('.node');
				return rect ? getComputedStyle(rect).strokeWidth : null;
			})
		).toBe('5px');
		await expectAccessible(page);
		const report = await page.evaluate(chartReport);
		expect(report.problems).toEqual([]);
		// The outline is built from the layout fetched when it is opened.
		await page.getByText('Vis kartet som liste (tekstalternativ)').click();
		await expect
			.poll(() => page.locator('.outline').getByRole('link', { name: 'Stor gevinst' }).count())
			.toBe(1);
		await expectAccessible(page);
		await context.close();

		// Without script: a link opens the drawing as a document of its own.
		const plain = await browser.newContext({ javaScriptEnabled: false });
		const noScript = await plain.newPage();
		await signInAs(noScript, baseUrl, LEADER, password, { javaScript: false });
		await noScript.goto(`${baseUrl}/gevinster/prosjekt/${large}`);
		expect(await noScript.getByText('Tegner gevinstkartet …').isVisible()).toBe(false);
		const [svg] = await Promise.all([
			noScript.waitForResponse(/\/tegning$/),
			noScript.getByRole('link', { name: 'Åpne tegningen av kartet (SVG)' }).click()
		]);
		expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
		await expect
			.poll(() => noScript.getByRole('link', { name: 'Kvantitativ gevinst: Stor gevinst' }).count())
			.toBe(1);
		await plain.close();
	});
});
