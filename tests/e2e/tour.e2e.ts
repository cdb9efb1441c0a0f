import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	expectAccessible,
	expectNoHorizontalScroll,
	launchBrowser,
	signInAs,
	waitForHydration
} from './browser';
import { pageShape } from './page-shape';
import { startServer, type RunningServer } from './server';
import { BENEFIT_LEVELS } from '$lib/domain/benefits/vocabulary';
import { INTL_LOCALE, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/**
 * The tour: a second server started with the demo data (`MISJONSKART_DEMO=1`), and every page
 * each demo role can reach from the nav and the pages' own links, checked for status 200, an
 * `<h1>`, no console errors and zero axe violations; the pages a role may not open answer 403.
 * Every role tours in bokmål; the administrator, who reaches every page, tours again in
 * nynorsk and in English (a browser asking for that language), each page with its `lang`.
 * Axe runs once per page shape (page-shape.ts): a page another role, or another language, sees
 * with the same elements, attributes and styles as one already checked gets that page's verdict.
 * The bokmål tours run first, so the nynorsk and English tours run axe only where a page's
 * shape is their own.
 */

type Role = 'admin' | 'steering' | 'programme_leader' | 'unit_leader' | 'viewer';
type DemoLogin = { role: Role; email: string; password: string };

const ROLES: Role[] = ['admin', 'steering', 'programme_leader', 'unit_leader', 'viewer'];
type Run = { role: Role; locale: Locale };
const RUNS: Run[] = [
	...ROLES.map((role): Run => ({ role, locale: 'nb' })),
	{ role: 'admin', locale: 'nn' },
	{ role: 'admin', locale: 'en' }
];
const DEMO_HEADER = 'Eksempelbrukere (rolle, e-post, passord):';
const DEMO_LINE = /^\s+(admin|steering|programme_leader|unit_leader|viewer)\s+(\S+@\S+)\s+(\S+)$/gm;

/** Pages only some roles may open (the guards in their loads), and who. */
const RESTRICTED: { path: string; roles: Role[] }[] = [
	{ path: '/admin', roles: ['admin'] },
	{ path: '/admin/brukere', roles: ['admin'] },
	{ path: '/admin/enheter', roles: ['admin'] },
	{ path: '/admin/logg', roles: ['admin'] },
	{ path: '/gevinster/innstillinger', roles: ['admin'] },
	{ path: '/portefolje/misjon', roles: ['admin'] },
	{ path: '/portefolje/spor/ny', roles: ['admin', 'programme_leader'] },
	{ path: '/portefolje/prosjekter/ny', roles: ['admin', 'programme_leader'] },
	{ path: '/portefolje/tiltak/ny', roles: ['admin', 'programme_leader'] },
	{ path: '/arshjul/etterlevelse', roles: ['admin', 'steering'] },
	{ path: '/mitt-arbeid', roles: ['admin', 'programme_leader'] },
	{ path: '/internkontroll/arsrapport', roles: ['admin', 'steering'] }
];

/** Page kinds every role must have reached by following links (so discovery cannot go quiet). */
const EVERYONE = [
	'/',
	'/styring',
	'/portefolje',
	'/portefolje/spor/:id',
	'/portefolje/prosjekter/:id',
	'/portefolje/tiltak/:id',
	'/portefolje/risiko',
	'/gevinster',
	'/gevinster/:id',
	'/gevinster/prosjekt/:id',
	'/gevinster/kart',
	...BENEFIT_LEVELS.map((l) => `/gevinster/kart?niva=${l}`),
	'/arshjul',
	'/arshjul/maler',
	'/arshjul/maler/:id',
	'/arshjul/forekomst/:id/:id/:period',
	'/arshjul/kalender',
	'/konto',
	'/konto/passord',
	'/rapporter'
];

/** Key pages checked for reflow at 320 CSS px. */
const NARROW = [
	'/',
	'/styring',
	'/portefolje',
	'/portefolje/prosjekter/:id',
	'/gevinster',
	'/gevinster/:id',
	'/gevinster/kart',
	'/gevinster/prosjekt/:id',
	'/arshjul',
	'/arshjul/forekomst/:id/:id/:period',
	'/admin/brukere'
];
const WIDE = { width: 1280, height: 800 };

let server: RunningServer;
let browser: Browser;
const logins = new Map<Role, DemoLogin>();
const visitedCount = new Map<string, number>();
const spareCount = new Map<string, number>();
/** Page shapes axe has checked, and how many pages had one of them. */
const axeShapes = new Set<string>();
let sameShape = 0;

beforeAll(async () => {
	server = await startServer({
		name: 'tour',
		env: { MISJONSKART_DEMO: '1' },
		// The demo block ends with an empty line after the last user.
		ready: (output) => output.includes(DEMO_HEADER) && /\S\n\n/.test(output.split(DEMO_HEADER)[1]!)
	});
	for (const [, role, email, password] of server.output.matchAll(DEMO_LINE)) {
		// Two unit leaders and two programme leaders are seeded; the first stands for the role.
		const r = role as Role;
		if (!logins.has(r)) logins.set(r, { role: r, email: email!, password: password! });
	}
	browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
	await browser?.close();
	server?.stop();
	console.log(
		`Tour: ${[...visitedCount].map(([r, n]) => `${r} ${n}`).join(', ')} page kinds (total ${[...visitedCount.values()].reduce((a, b) => a + b, 0)}), and ${[...spareCount.values()].reduce((a, b) => a + b, 0)} more pages opened only for their links; axe on ${axeShapes.size} page shapes, ${sameShape} pages of a shape already checked`
	);
});

/** One key per kind of page: ids and months become placeholders; the map keeps its level. */
function pageKind(url: URL): string {
	const path = url.pathname
		.split('/')
		.map((s) => (/^\d+$/.test(s) ? ':id' : /^\d{4}-\d{2}$/.test(s) ? ':period' : s))
		.join('/');
	// A bare `/` sends some roles to their own page (/styring …); `?oversikt` is the overview.
	if (path === '/' && url.searchParams.has('oversikt')) return '/?oversikt';
	// Each level of the benefit map is its own page.
	if (path === '/gevinster/kart' && url.searchParams.has('niva'))
		return `${path}?niva=${url.searchParams.get('niva')}`;
	return path;
}

function followable(url: URL): boolean {
	return (
		url.origin === server.baseUrl &&
		!/^\/(logout|login|api|kalender)(\/|$)/.test(url.pathname) &&
		!/\.(ics|csv)$/.test(url.pathname) &&
		// Downloads (xlsx, PDF, a frozen report's file) are attachments, not pages;
		// tests/integration/exports.spec.ts and reports-archive.spec.ts check them.
		!/\/(last-ned|gevinstrealiseringsplan|fil|pdf|xlsx)$/.test(url.pathname) &&
		// Evidence files on a signed control (tests/integration/evidence.spec.ts).
		!/\/bevis\/\d+$/.test(url.pathname)
	);
}

/** Collects console errors and uncaught exceptions on the page since the last `take()`. */
function consoleErrors(page: Page) {
	let errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	return {
		take: () => {
			const taken = errors;
			errors = [];
			return taken;
		}
	};
}

/**
 * Visits one page and checks it; returns what was wrong (empty when all is well), so one tour
 * reports every broken page at once instead of stopping at the first. Key pages are also laid
 * out at 320 CSS px, in place (a resize, not another visit). A `spare` page is another page of a
 * kind this role has already had checked in full: it is opened only to find links, so it gets
 * the status, heading and console checks but not axe again (axe is most of a visit's time:
 * 1.4 s of 1.7 s, measured alone). Nor does a page of a shape axe has already checked.
 */
async function check(
	page: Page,
	errors: ReturnType<typeof consoleErrors>,
	href: string,
	spare = false
) {
	const problems: string[] = [];
	errors.take();
	const response = await page.goto(href);
	const status = response?.status();
	if (status !== 200) problems.push(`HTTP ${status}`);
	await waitForHydration(page);
	if ((await page.locator('h1').count()) < 1) problems.push('no <h1>');
	const lang = await page.evaluate(() => document.documentElement.lang);
	const wanted = localeOf.get(page);
	if (lang !== wanted) problems.push(`<html lang="${lang}">, not ${wanted}`);
	if (spare) {
		problems.push(...errors.take());
		return problems.map((p) => `${href}: ${p}`);
	}
	const shape = await pageShape(page);
	if (axeShapes.has(shape)) sameShape++;
	else {
		axeShapes.add(shape);
		try {
			await expectAccessible(page);
		} catch (e) {
			problems.push((e as Error).message.split('\n').slice(0, 12).join('\n'));
		}
	}
	if (NARROW.includes(pageKind(new URL(page.url())))) {
		await page.setViewportSize({ width: 320, height: 800 });
		try {
			await expectNoHorizontalScroll(page);
		} catch {
			problems.push('scrolls sideways at 320 px');
		}
		await page.setViewportSize(WIDE);
	}
	problems.push(...errors.take());
	return problems.map((p) => `${href}: ${p}`);
}

/** The language each page's tour asked for (its browser context's locale). */
const localeOf = new WeakMap<Page, Locale>();

async function linksOn(page: Page): Promise<URL[]> {
	// SVG links (the wheel, the map) too: their `href` property is not a string, the attribute is.
	const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((h) => new URL(h, page.url())).filter(followable);
}

/**
 * Follows every link from `/`, one page per kind, and checks each; returns kind → path. When
 * the first page of a kind leads nowhere new (a project without measures), up to `SPARE` more
 * pages of kinds already seen are opened, so discovery does not hang on which row came first.
 */
async function crawl(
	page: Page,
	errors: ReturnType<typeof consoleErrors>,
	problems: string[],
	wanted: string[]
) {
	// Filtered lists (/gevinster/fordeling?spor=…) add many spare links of kinds already seen;
	// detail pages are opened first among them, since those are what lead to new kinds.
	const SPARE = 24;
	const seen = new Map<string, string>();
	const opened = new Set<string>();
	const queue: URL[] = [new URL('/', server.baseUrl)];
	const spare: URL[] = [];
	let spareOpened = 0;
	const visit = async (url: URL) => {
		const href = url.pathname + url.search;
		opened.add(href);
		const known = seen.has(pageKind(url));
		if (!known) seen.set(pageKind(url), href);
		problems.push(...(await check(page, errors, href, known)));
		for (const u of await linksOn(page)) {
			u.hash = '';
			if (opened.has(u.pathname + u.search)) continue;
			(seen.has(pageKind(u)) ? spare : queue).push(u);
		}
	};
	for (;;) {
		const url = queue.shift();
		if (url) {
			if (!seen.has(pageKind(url))) await visit(url);
			else spare.push(url);
			continue;
		}
		if (wanted.every((k) => seen.has(k)) || spareOpened >= SPARE) break;
		const detail = spare.findIndex((u) => /\/\d+(\/|$)/.test(u.pathname) && !u.search);
		const next = spare.splice(detail >= 0 ? detail : 0, 1)[0];
		if (!next) break;
		if (opened.has(next.pathname + next.search)) continue;
		spareOpened++;
		await visit(next);
	}
	return { seen, spares: spareOpened };
}

/** The owner's side of a benefit map and of a benefit, where the edit forms are. */
async function ownedMap(page: Page): Promise<string | undefined> {
	await page.goto('/gevinster');
	const maps = (await linksOn(page)).filter((u) => pageKind(u) === '/gevinster/prosjekt/:id');
	for (const map of maps) {
		await page.goto(map.pathname);
		if (await page.locator('#ny-gevinst').count()) return map.pathname;
	}
	return undefined;
}

describe('tour of every page with the demo data', () => {
	it('the demo prints one sign-in per role', () => {
		expect([...logins.keys()].sort()).toEqual([...ROLES].sort());
	});

	// The roles tour side by side, each in its own browser context.
	describe.concurrent('each role', () => {
		for (const { role, locale } of RUNS) {
			it(`${role} (${locale}): every page answers 200 with an <h1>, no console errors, no axe violations`, async ({
				expect
			}) => {
				const login = logins.get(role)!;
				const context = await browser.newContext({
					baseURL: server.baseUrl,
					viewport: WIDE,
					locale: INTL_LOCALE[locale]
				});
				const page = await context.newPage();
				localeOf.set(page, locale);
				const errors = consoleErrors(page);
				await signInAs(page, server.baseUrl, login.email, login.password, { locale });
				// The menu is in the asked-for language, not only the `lang` attribute.
				await expect
					.poll(() => page.getByRole('link', { name: m.nav_overview({}, { locale }) }).count())
					.toBeGreaterThan(0);

				const mayOpen = (path: string) =>
					RESTRICTED.every((r) => r.path !== path || r.roles.includes(role));
				const expected = [
					...EVERYONE,
					// Roles that land elsewhere reach the overview by its own link.
					...(['steering', 'programme_leader', 'unit_leader'].includes(role) ? ['/?oversikt'] : []),
					...RESTRICTED.filter((r) => r.roles.includes(role)).map((r) => r.path)
				];
				const problems: string[] = [];
				const { seen, spares } = await crawl(page, errors, problems, expected);
				spareCount.set(`${role} (${locale})`, spares);

				if (role === 'programme_leader' || role === 'admin') {
					const owned = await ownedMap(page);
					expect(owned, `${role} owns a project with a benefit map`).toBeDefined();
					problems.push(...(await check(page, errors, owned!)));
					const benefit = (await linksOn(page)).find((u) => pageKind(u) === '/gevinster/:id');
					expect(benefit).toBeDefined();
					problems.push(...(await check(page, errors, benefit!.pathname)));
					seen.set('/gevinster/prosjekt/:id (eier)', owned!);
					seen.set('/gevinster/:id (eier)', benefit!.pathname);
				}

				expect(expected.filter((k) => !seen.has(k))).toEqual([]);

				// Pages this role may not open answer 403 with the error page (checked by axe once).
				const refused = RESTRICTED.filter((r) => !mayOpen(r.path));
				for (const r of refused) {
					const response = await page.goto(r.path);
					if (response?.status() !== 403)
						problems.push(`${r.path}: HTTP ${response?.status()}, not 403`);
					expect(await page.locator('h1').textContent()).toBe(m.error_403({}, { locale }));
				}
				if (refused.length) await expectAccessible(page);
				errors.take(); // the browser logs each 403 itself

				visitedCount.set(`${role} (${locale})`, seen.size);
				expect(problems).toEqual([]);
				await context.close();
				// Seven tours, two at a time on two cores, some 40 pages each with axe: about eight
				// minutes on an idle machine.
			}, 540_000);
		}
	});
});
