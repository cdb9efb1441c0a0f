import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signInAs, signOut, waitForHydration } from './browser';
import { demoLogin, useDemoJourney } from './demo-server';

/**
 * The interface in bokmål, nynorsk and English (README, «Språk»): a signed-out visitor gets the
 * browser's language and may choose another on the sign-in page; a signed-in user chooses on
 * /konto, and the choice follows the account. Each page says its language in <html lang>, and
 * dates and kroner are written as the language writes them. Zero axe violations on the sign-in
 * and account pages in each; tests/e2e/tour.e2e.ts opens every other page in each language, with
 * axe wherever its shape differs from the bokmål page's.
 */

const demo = useDemoJourney('languages', 'steering');

const lang = (page: Page) => page.locator('html').getAttribute('lang');
const nav = (page: Page) =>
	page.getByRole('navigation', { name: /^(Hovedmeny|Hovudmeny|Main menu)$/ });

/** Chooses a language in the language form of the page and waits for the page to come back. */
async function choose(page: Page, language: string, button: string, lang: string) {
	await page.getByRole('radio', { name: language }).check();
	await page.getByRole('button', { name: button }).click();
	// A plain form: the browser posts and loads the page again, in the new language.
	await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
	await waitForHydration(page);
}

type Language = 'nn' | 'en';
type PageCase = {
	path: string;
	/** The page's <h1> in each language it is visited in. */
	heading: Partial<Record<Language, string>>;
	/** What else the page must show in that language. */
	checks?: Partial<Record<Language, (page: Page) => Promise<void>>>;
};

const count = (n: number) => (locator: { count(): Promise<number> }) =>
	expect(locator.count()).resolves.toBe(n);
const some = async (locator: { count(): Promise<number> }) =>
	expect(await locator.count()).toBeGreaterThan(0);
const wheelNav = (page: Page) => page.getByRole('navigation', { name: /^(Årshjul|Annual wheel)$/ });

/** Pages the steering group's member reads, one row per page. */
const AREA_PAGES: PageCase[] = [
	{
		path: '/gevinster',
		heading: { nn: 'Gevinstar', en: 'Benefits' },
		checks: {
			nn: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'Gevinstar bak plan' }));
				await count(1)(page.getByRole('heading', { name: 'Summar' }));
			},
			en: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'Benefits behind plan' }));
				await count(1)(page.getByRole('heading', { name: 'Sums' }));
				await count(1)(page.getByRole('button', { name: 'Show' }));
			}
		}
	},
	{ path: '/gevinster/kart', heading: { en: 'Benefit map' } },
	{
		path: '/gevinster/fordeling',
		heading: { nn: 'Fordeling av gevinstar', en: 'Distribution of benefits' },
		checks: {
			nn: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'Etter kven som får gevinsten' }));
				await count(1)(page.getByRole('heading', { name: 'Etter kvalitetsdimensjon' }));
			},
			en: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'By who gains' }));
				await count(1)(page.getByRole('heading', { name: 'By quality dimension' }));
				await some(page.getByRole('table', { name: /^Table: Estimate in kroner by who gains/ }));
			}
		}
	},
	{ path: '/arshjul/mine', heading: { en: 'My tasks' } },
	{
		path: '/arshjul',
		heading: { nn: 'Årshjul', en: 'Annual wheel' },
		checks: {
			nn: async (page) => {
				await count(1)(wheelNav(page).getByRole('link', { name: 'Mine oppgåver' }));
				await count(1)(wheelNav(page).getByRole('link', { name: 'Malar' }));
				await count(1)(page.getByRole('heading', { name: 'Månad for månad' }));
			},
			en: async (page) => {
				await count(1)(wheelNav(page).getByRole('link', { name: 'My tasks' }));
				await count(1)(wheelNav(page).getByRole('link', { name: 'Templates' }));
				await count(1)(page.getByRole('heading', { name: 'Month by month' }));
				await count(1)(page.getByRole('button', { name: 'Show' }));
			}
		}
	},
	{
		path: '/internkontroll/arsrapport',
		heading: { nn: 'Internkontrollrapport', en: 'Internal control report' },
		checks: {
			nn: async (page) => {
				await count(1)(page.getByRole('heading', { name: '1. Rutinar i bruk' }));
				await count(1)(page.getByRole('button', { name: 'Vis rapporten' }));
				await expect(page.locator('.lead').textContent()).resolves.toMatch(
					/Tal til og med \d{1,2}\. [a-zæøå]+ 20\d\d\./
				);
			},
			en: async (page) => {
				await count(1)(page.getByRole('heading', { name: '1. Routines in use' }));
				await count(1)(page.getByRole('heading', { name: '4. Inspections' }));
				await count(1)(page.getByRole('button', { name: 'Show the report' }));
			}
		}
	},
	{
		path: '/portefolje',
		heading: { nn: 'Portefølje', en: 'Portfolio' },
		checks: {
			nn: async (page) => {
				await count(1)(page.getByRole('columnheader', { name: 'Brukar', exact: true }));
				await count(1)(page.getByRole('table', { name: 'Prosjekt per nivå', exact: true }));
				await count(1)(page.getByRole('button', { name: 'Vis', exact: true }));
			},
			en: async (page) => {
				const headings = await page.locator('main h2').allTextContents();
				expect(headings.map((h) => h.trim())).toEqual(
					expect.arrayContaining(['Prioritisation', 'Balance in the portfolio'])
				);
				await count(1)(page.getByRole('table', { name: 'Projects per level', exact: true }));
				await count(1)(page.getByLabel('Owner', { exact: true }));
			}
		}
	},
	{ path: '/portefolje/risiko', heading: { en: 'Risk matrix for the portfolio' } }
];

/** Pages only an administrator (or a programme leader, for the import) opens. */
const ADMIN_PAGES: PageCase[] = [
	{
		path: '/admin/brukere',
		heading: { nn: 'Brukarar og roller', en: 'Users and roles' },
		checks: {
			nn: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'Ny brukar' }));
				await count(1)(page.getByRole('columnheader', { name: 'Namn' }));
				await some(page.getByRole('cell', { name: 'Administrator' }));
			},
			en: async (page) => {
				await count(1)(page.getByRole('heading', { name: 'New user' }));
				await count(1)(page.getByRole('button', { name: 'Create user' }));
			}
		}
	},
	// The change log: its kinds and actions in English, the fields of a change marked bokmål.
	{
		path: '/admin/logg',
		heading: { en: 'Change log' },
		checks: {
			en: async (page) => {
				await count(1)(page.getByRole('columnheader', { name: 'Action' }));
				await some(page.getByRole('cell', { name: /^(Created|Changed)$/ }));
			}
		}
	},
	{
		path: '/portefolje/import',
		heading: {
			nn: 'Importer spor, prosjekt og tiltak',
			en: 'Import tracks, projects and measures'
		},
		checks: {
			nn: async (page) => {
				await count(1)(page.getByLabel('Fil (Excel .xlsx eller CSV)'));
				await count(1)(page.getByRole('button', { name: 'Last opp og sjå over' }));
				await count(1)(page.getByRole('heading', { name: 'Kolonnane' }));
			},
			en: async (page) => {
				await count(1)(page.getByLabel('File (Excel .xlsx or CSV)'));
				await count(1)(page.getByRole('button', { name: 'Upload and review' }));
				await count(1)(page.getByRole('heading', { name: 'The columns' }));
			}
		}
	}
];

/**
 * Each page in the given languages, in turn, chosen on /konto: <html lang> says the language,
 * nothing on the page is left marked as bokmål, the heading and the page's own checks in that
 * language. Bokmål is chosen again at the end, for the next journey. Axe is not run here: the
 * tour (tour.e2e.ts) opens every page kind in nynorsk and in English as well, and runs axe on
 * each page shape, and axe is most of a visit's time.
 */
async function tour(page: Page, cases: PageCase[], locales: Language[] = ['nn', 'en']) {
	// The language form's button is in the language the page is in before the choice.
	const buttons = { nb: 'Bytt språk', nn: 'Byt språk', en: 'Change language' };
	const names: Record<Language, string> = { nn: 'Nynorsk', en: 'English' };
	let current: keyof typeof buttons = 'nb';
	for (const locale of locales) {
		const language = names[locale];
		const button = buttons[current];
		current = locale;
		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, language, button, locale);
		for (const { path, heading, checks } of cases) {
			const expected = heading[locale];
			if (expected === undefined) continue;
			await page.goto(path);
			await waitForHydration(page);
			expect(await lang(page), path).toBe(locale);
			expect(await page.locator('main').getAttribute('lang'), path).toBeNull();
			expect(await page.locator('h1').textContent(), path).toBe(expected);
			await checks?.[locale]?.(page);
		}
	}
	await page.goto('/konto');
	await waitForHydration(page);
	await choose(page, 'Bokmål', buttons[current], 'nb');
}

describe('languages', () => {
	it('signed out: the browser language first, then the one chosen on the sign-in page', async () => {
		const context = await demo.browser.newContext({
			baseURL: demo.server.baseUrl,
			locale: 'nn-NO'
		});
		const page = await context.newPage();
		await page.goto('/login');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nn');
		expect(await page.getByText('Gløymt passordet?').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Hopp til hovudinnhaldet' }).count()).toBe(1);
		expect(await page.getByRole('contentinfo').textContent()).toContain('Tilgjengeerklæring');
		await expectAccessible(page);

		await choose(page, 'English', 'Byt språk', 'en');
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(await page.locator('h1').textContent()).toBe('Sign in');
		expect(await page.getByLabel('Email').count()).toBe(1);
		await expectAccessible(page);

		// The choice is kept for the next pages: the statement (in bokmål, said so) and an error.
		await page.goto('/tilgjengelighet');
		expect(await lang(page)).toBe('en');
		expect(await page.locator('main').getAttribute('lang')).toBe('nb');
		expect(await page.getByText('This statement is published in Norwegian').count()).toBe(1);
		await expectAccessible(page);
		const missing = await page.goto('/finnes-ikke');
		expect(missing?.status()).toBe(404);
		expect(await lang(page)).toBe('en');
		expect(await page.locator('h1').textContent()).toBe('Page not found');
		expect(
			await page.getByText('There is no page at this address.', { exact: false }).count()
		).toBe(1);
		await expectAccessible(page);
		await context.close();
	});

	it('signed in: the choice on /konto changes every page and stays with the account', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await page.goto('/styring');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nb');
		expect(await nav(page).getByRole('link', { name: 'Oversikt' }).count()).toBe(1);
		expect(await page.locator('.lead').textContent()).toMatch(
			/Tall til og med \d{1,2}\. [a-zæøå]+ 20\d\d\./
		);
		const kroner = page.getByRole('listitem').filter({ hasText: /^\s*Kroner:/ });
		expect(await kroner.textContent()).toMatch(/Brutto [\d\s\u202f]+ kr av [\d\s\u202f]+ kr/);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Nynorsk', 'Bytt språk', 'nn');
		expect(await page.locator('h1').textContent()).toBe('Eigen konto');
		expect(await page.getByRole('status').filter({ hasText: 'Språket er endra.' }).count()).toBe(1);
		expect(await nav(page).getByRole('link', { name: 'Oversyn' }).count()).toBe(1);
		await expectAccessible(page);

		await page.goto('/styring');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nn');
		expect(await page.locator('.lead').textContent()).toMatch(
			/Tal til og med \d{1,2}\. [a-zæøå]+ 20\d\d\./
		);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'English', 'Byt språk', 'en');
		await page.goto('/styring');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await nav(page).getByRole('link', { name: 'Overview' }).count()).toBe(1);
		expect(await nav(page).getByRole('link', { name: 'Benefits' }).count()).toBe(1);
		expect(await page.locator('h1').textContent()).toBe('Steering');
		expect(await page.locator('.lead').textContent()).toMatch(
			/up to and including \d{1,2} [A-Z][a-z]+ 20\d\d\./
		);
		const englishKroner = page.getByRole('listitem').filter({ hasText: /^\s*Money \(NOK\):/ });
		expect(await englishKroner.textContent()).toMatch(/Gross NOK [\d,]+ of NOK [\d,]+/);
		await expectAccessible(page);

		// A page refused to this user says why in the same language.
		const refused = await page.goto('/admin');
		expect(refused?.status()).toBe(403);
		expect(await page.locator('h1').textContent()).toBe('No access');
		expect(await page.getByText('This page is for administrators.').count()).toBe(1);
		await expectAccessible(page);

		// Saved on the account, not in this browser: signed out the browser's bokmål is back,
		// signed in again the account's English.
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((url) => url.pathname === '/login');
		expect(await lang(page)).toBe('nb');
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		// The page signed in to was drawn in the browser's language; it then loads again in the
		// account's, so wait for that rather than read the first paint.
		await expect.poll(() => lang(page), { timeout: 15_000 }).toBe('en');
		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Bokmål', 'Change language', 'nb');
		await signOut(page);
		await context.close();
	});

	// One language per test: each tours every area's pages with axe.
	it.each([
		['nynorsk', 'nn'],
		['English', 'en']
	] as const)('the pages of every area in %s: headings, tables and filters', async (_, locale) => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await tour(page, AREA_PAGES, [locale]);
		await signOut(page);
		await context.close();
	});

	it('administration and an import in nynorsk and English', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		const admin = demoLogin(demo, 'admin');
		await signInAs(page, demo.server.baseUrl, admin.email, admin.password);
		await tour(page, ADMIN_PAGES);
		await signOut(page);
		await context.close();
	});
});
