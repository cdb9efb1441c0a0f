import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signInAs, waitForHydration } from './browser';
import { useDemoJourney } from './demo-server';
import { chartReport, TEXT_SPACING_CSS, type ChartReport } from './chart-checks';

/**
 * Universal design beyond axe (WCAG 2.1 AA, docs in /tilgjengelighet), on the demo data as the admin (who may open every
 * chart page): the chart pages zoomed, with WCAG's text spacing and with forced colours; the
 * accessibility statement; text typed before hydration.
 *
 * Zoom is emulated as the browser does it: zooming a 1280×800 window to 200 % lays the page out
 * in a 640×400 CSS px viewport drawn at 2 device pixels per CSS px, and 400 % in 320×200 at 4.
 * A viewport of that size with that deviceScaleFactor is the same layout (media queries, vw,
 * ResizeObserver widths) and the same CSS px measures; CSS `zoom` would not shrink the viewport,
 * so pages would never reflow as they do for a reader. 400 % is also WCAG 1.4.10's 320 CSS px.
 *
 * Forced colours are emulated with a dark scheme (Canvas black, CanvasText white, as Windows'
 * «Night sky»): Chromium's emulation then recolours HTML as a high-contrast theme does, and
 * leaves SVG fills and strokes alone, as the real thing does; a light scheme hides dark-on-black.
 *
 * Lean on purpose (one browser, two contexts, each page loaded once per zoom, the three states
 * applied in place): the whole `npm test` must stay within its time on two cores.
 */

const CHART_PAGES: { name: string; find: (page: Page) => Promise<string> }[] = [
	{ name: 'gevinster', find: async () => '/gevinster' },
	{ name: 'gevinstkart', find: async () => '/gevinster/kart' },
	{ name: 'fordeling', find: async () => '/gevinster/fordeling' },
	{
		name: 'prosjektets gevinstkart',
		find: (page) => firstLink(page, '/gevinster', /^\/gevinster\/prosjekt\/\d+$/)
	},
	{ name: 'gevinst', find: (page) => firstLink(page, '/gevinster', /^\/gevinster\/\d+$/) },
	{ name: 'årshjul', find: async () => '/arshjul' },
	{ name: 'etterlevelse', find: async () => '/arshjul/etterlevelse' },
	{ name: 'risikomatrise', find: async () => '/portefolje/risiko' },
	{
		name: 'prosjekt',
		find: (page) => firstLink(page, '/portefolje', /^\/portefolje\/prosjekter\/\d+$/)
	}
];
const ZOOMS = [
	{ zoom: '200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
	{ zoom: '400 % (320 CSS px)', viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 }
];
const WIDE = { width: 1280, height: 800 };
/** Plot's own group names («x-axis tick label», «rule», «line», «dot» …), in names and text. */
const ENGLISH = /\b(axis|ticks?|label|rule|line|dot|grid|frame|area|bar)\b/i;

/** What a screen reader says for each node of an aria snapshot: its name and text, not role. */
function spoken(snapshot: string): string[] {
	return snapshot.split('\n').flatMap((line) => {
		const m = /^\s*- [\w-]+(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*:? ?(.*)$/.exec(line);
		return m ? [m[1] ?? '', m[2] ?? ''].filter(Boolean) : [line];
	});
}

const demo = useDemoJourney('universal-design', 'admin');
const paths = new Map<string, string>();

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
	await page.goto(from);
	const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
	const href = hrefs.find((h) => h && pattern.test(h));
	if (!href) throw new Error(`no link like ${pattern} on ${from}`);
	return href;
}

async function signedIn(options: Parameters<Browser['newContext']>[0] = {}) {
	const context = await demo.browser.newContext({
		baseURL: demo.server.baseUrl,
		viewport: WIDE,
		...options
	});
	const page = await context.newPage();
	await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
	return { context, page };
}

/** Loads a page and waits until its scripts run and every Plot figure has drawn. */
async function open(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	await waitForHydration(page);
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-chart] .plot')].every((p) => p.querySelector('svg'))
	);
}

async function axeAll(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return results.violations.map(
		(v) => `${v.id} on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

describe('universal design', () => {
	it('finds every chart page, and axe (best practices too) finds nothing on them', async () => {
		const { context, page } = await signedIn();
		const problems: string[] = [];
		for (const { name, find } of CHART_PAGES) {
			const path = await find(page);
			paths.set(name, path);
			await open(page, path);
			expect(await page.locator('[data-chart]').count(), path).toBeGreaterThan(0);
			problems.push(...(await axeAll(page)));
			// What a screen reader hears inside the charts: Norwegian only.
			for (const chart of await page.locator('[data-chart]').all()) {
				const english = spoken(await chart.ariaSnapshot()).filter((l) => ENGLISH.test(l));
				if (english.length) problems.push(`${path}: English in the chart: ${english.join(' | ')}`);
			}
			// …and no English left in the markup for another reader to find.
			const named = await page.$$eval(
				'[data-chart] :is([aria-label], [aria-description], [aria-roledescription])',
				(els) =>
					els.map((e) =>
						['aria-label', 'aria-description', 'aria-roledescription']
							.map((a) => e.getAttribute(a) ?? '')
							.join(' ')
					)
			);
			for (const name of named.filter((n) => ENGLISH.test(n)))
				problems.push(`${path}: English in the chart's markup: ${name}`);
		}
		expect(problems).toEqual([]);
		await context.close();
	}, 120_000);

	for (const zoom of ZOOMS) {
		it(`chart pages at ${zoom.zoom}, with WCAG text spacing and with forced colours`, async () => {
			expect(paths.size, 'the first test found the pages').toBe(CHART_PAGES.length);
			const { context, page } = await signedIn({
				viewport: zoom.viewport,
				deviceScaleFactor: zoom.deviceScaleFactor
			});
			const problems: string[] = [];
			let smallest: ChartReport['smallest'] = null;
			let lines = 0;
			const check = async (path: string, state: string) => {
				const report = await page.evaluate(chartReport);
				if (report.overflow > 0) problems.push(`${path} (${state}): page scrolls sideways`);
				if (report.texts === 0) problems.push(`${path} (${state}): no chart text measured`);
				lines += report.lines;
				problems.push(...report.problems.map((p) => `${path} (${state}): ${p}`));
				if (report.smallest && (!smallest || report.smallest.px < smallest.px))
					smallest = report.smallest;
			};
			for (const path of paths.values()) {
				await open(page, path);
				await check(path, 'plain');
				await page.addStyleTag({ content: TEXT_SPACING_CSS });
				await check(path, 'text spacing');
				await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
				await check(path, 'text spacing, forced colours');
				await page.emulateMedia({ forcedColors: null, colorScheme: null });
			}
			console.log(`Smallest chart text at ${zoom.zoom}: ${JSON.stringify(smallest)}`);
			// The data lines (planned, realised, today) were found and checked, not skipped.
			expect(lines).toBeGreaterThan(0);
			expect(problems).toEqual([]);
			await context.close();
		}, 120_000);
	}

	it('the breakdown charts fill their column and draw every group, nothing cut off', async () => {
		const { context, page } = await signedIn();
		await open(page, '/gevinster/fordeling');
		const boxes = await page.$$eval('figure.breakdown .scroll', (els) =>
			els.map((box) => {
				const svg = box.querySelector('svg')!;
				return {
					column: box.clientWidth,
					drawn: svg.getBoundingClientRect().width,
					height: svg.getBoundingClientRect().height,
					wanted: Number(svg.getAttribute('height')),
					shown: box.getBoundingClientRect().height,
					groups: svg.querySelectorAll(':scope > g').length,
					rows: box.closest('figure')!.querySelectorAll('table tbody tr').length
				};
			})
		);
		expect(boxes.length).toBe(2);
		for (const b of boxes) {
			expect(b.column).toBeGreaterThan(840);
			expect(Math.abs(b.drawn - b.column)).toBeLessThanOrEqual(1);
			expect(b.height).toBe(b.wanted);
			expect(b.shown).toBeGreaterThanOrEqual(b.wanted);
			expect(b.groups).toBe(b.rows);
		}
		await context.close();
	});

	it('the statement is public, linked from the sign-in page and the app, and passes axe', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl, viewport: WIDE });
		const page = await context.newPage();
		await page.goto('/login');
		await Promise.all([
			page.waitForURL('**/tilgjengelighet'),
			page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click()
		]);
		await waitForHydration(page);
		await expect(page.locator('h1').textContent()).resolves.toBe(
			'Tilgjengelighetserklæring for Misjonskart'
		);
		for (const heading of ['Status', 'Kjente avvik fra kravene', 'Tilbakemelding og kontakt'])
			expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
		expect(await page.getByRole('link', { name: 'uutilsynet.no' }).count()).toBe(1);
		// Digdir's template: a way to report a barrier, and what happens with the message.
		expect(await page.getByText(/Du får svar innen\s+14\s+dager/).count()).toBe(1);
		expect(await page.getByText(/Misjonskart drives av /).count()).toBe(1);
		expect(await axeAll(page)).toEqual([]);

		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await page.goto('/arshjul');
		expect(
			await page
				.getByRole('contentinfo')
				.getByRole('link', { name: 'Tilgjengelighetserklæring' })
				.count()
		).toBe(1);
		await context.close();
	});

	it('pages for different units, years and levels have different titles', async () => {
		const { context, page } = await signedIn();
		const titles = new Set<string>();
		const visit = async (path: string) => {
			await page.goto(path);
			titles.add(await page.title());
		};
		await page.goto('/arshjul');
		const units = await page.$$eval('#enhet option', (os) =>
			os.map((o) => (o as HTMLOptionElement).value)
		);
		for (const unit of units.slice(0, 2)) await visit(`/arshjul?enhet=${unit}`);
		await visit(`/arshjul?enhet=${units[0]}&ar=2025`);
		await visit('/gevinster/kart?niva=bruker');
		await visit('/gevinster/kart?niva=system');
		await visit('/arshjul/etterlevelse');
		await visit('/arshjul/etterlevelse?ar=2025');
		expect([...titles]).toHaveLength(7);
		await context.close();
	});

	it("the change log's table headers keep whole words at normal widths", async () => {
		const { context, page } = await signedIn();
		for (const width of [1280, 1024]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/admin/logg');
			// A header broken inside a word has more line boxes than words.
			const broken = await page.$$eval('table th', (ths) =>
				ths
					.filter((th) => {
						const range = document.createRange();
						range.selectNodeContents(th);
						const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
						return lines.size > (th.textContent ?? '').trim().split(/\s+/).length;
					})
					.map((th) => th.textContent)
			);
			expect(broken, `at ${width} px`).toEqual([]);
		}
		await context.close();
	});

	it('text typed before the scripts start survives hydration', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl, viewport: WIDE });
		const page = await context.newPage();
		// Hold the app's scripts back until the typing is done, as a slow laptop would.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/login', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('E-post').pressSequentially('tidlig@eksempel.no');
		expect(await page.locator('html[data-hydrated]').count()).toBe(0);
		release();
		await waitForHydration(page);
		expect(await page.getByLabel('E-post').inputValue()).toBe('tidlig@eksempel.no');
		await page.unroute('**/_app/immutable/**/*.js');

		// A signed-in form with a text field, a text area and a choice (the shared fields).
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		let releaseApp!: () => void;
		const heldApp = new Promise<void>((resolve) => (releaseApp = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await heldApp;
			await route.continue();
		});
		await page.goto('/portefolje/tiltak/ny', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Tittel', { exact: true }).pressSequentially('Skrevet før skriptene');
		await page.getByLabel('Beskrivelse').pressSequentially('Også her');
		releaseApp();
		await waitForHydration(page);
		expect(await page.getByLabel('Tittel', { exact: true }).inputValue()).toBe(
			'Skrevet før skriptene'
		);
		expect(await page.getByLabel('Beskrivelse').inputValue()).toBe('Også her');
		await context.close();
	});
});
