import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signInAs, signOut, waitForHydration } from './browser';
import { demoLogin, useDemoJourney } from './demo-server';

/**
 * The interface in bokmål, nynorsk and English (README, «Språk»): a signed-out visitor gets the
 * browser's language and may choose another on the sign-in page; a signed-in user chooses on
 * /konto, and the choice follows the account. Each page says its language in <html lang>, and
 * dates and kroner are written as the language writes them. Zero axe violations in each.
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

		// The benefit register in nynorsk: its own headings, nothing left marked as bokmål.
		await page.goto('/gevinster');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('Gevinstar');
		expect(await page.getByRole('heading', { name: 'Gevinstar bak plan' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Summar' }).count()).toBe(1);
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'English', 'Byt språk', 'en');
		await page.goto('/styring');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await nav(page).getByRole('link', { name: 'Overview' }).count()).toBe(1);
		expect(await page.locator('h1').textContent()).toBe('Steering');
		expect(await page.locator('.lead').textContent()).toMatch(
			/up to and including \d{1,2} [A-Z][a-z]+ 20\d\d\./
		);
		const englishKroner = page.getByRole('listitem').filter({ hasText: /^\s*Kroner:/ });
		expect(await englishKroner.textContent()).toMatch(/Gross NOK [\d,]+ of NOK [\d,]+/);
		await expectAccessible(page);

		await page.goto('/arshjul/mine');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('My tasks');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		await expectAccessible(page);

		// The benefit register and the benefit map in English.
		await page.goto('/gevinster');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('Benefits');
		expect(await page.getByRole('heading', { name: 'Benefits behind plan' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Sums' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Show' }).count()).toBe(1);
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		await expectAccessible(page);
		await page.goto('/gevinster/kart');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('Benefit map');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		await expectAccessible(page);

		// A page not yet translated: the menu in English, its own text marked as bokmål.
		await page.goto('/gevinster/fordeling');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await page.locator('main').getAttribute('lang')).toBe('nb');
		expect(await nav(page).getByRole('link', { name: 'Benefits' }).count()).toBe(1);
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

	it('administration: users, roles and the change log in nynorsk and English', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		const admin = demoLogin(demo, 'admin');
		await signInAs(page, demo.server.baseUrl, admin.email, admin.password);
		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Nynorsk', 'Bytt språk', 'nn');

		await page.goto('/admin/brukere');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nn');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Brukarar og roller');
		expect(await page.getByRole('heading', { name: 'Ny brukar' }).count()).toBe(1);
		expect(await page.getByRole('columnheader', { name: 'Namn' }).count()).toBe(1);
		expect(await page.getByRole('cell', { name: 'Administrator' }).count()).toBeGreaterThan(0);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'English', 'Byt språk', 'en');
		await page.goto('/admin/brukere');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Users and roles');
		expect(await page.getByRole('heading', { name: 'New user' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Create user' }).count()).toBe(1);
		await expectAccessible(page);

		// The change log: its kinds and actions in English, the fields of a change marked bokmål.
		await page.goto('/admin/logg');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('Change log');
		expect(await page.getByRole('columnheader', { name: 'Action' }).count()).toBe(1);
		expect(await page.getByRole('cell', { name: /^(Created|Changed)$/ }).count()).toBeGreaterThan(
			0
		);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Bokmål', 'Change language', 'nb');
		await signOut(page);
		await context.close();
	});

	it('the annual wheel in nynorsk and English: its own headings, the wheel and its table', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		const wheelNav = () => page.getByRole('navigation', { name: /^(Årshjul|Annual wheel)$/ });

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Nynorsk', 'Bytt språk', 'nn');
		await page.goto('/arshjul');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nn');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Årshjul');
		expect(await wheelNav().getByRole('link', { name: 'Mine oppgåver' }).count()).toBe(1);
		expect(await wheelNav().getByRole('link', { name: 'Malar' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Månad for månad' }).count()).toBe(1);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'English', 'Byt språk', 'en');
		await page.goto('/arshjul');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Annual wheel');
		expect(await wheelNav().getByRole('link', { name: 'My tasks' }).count()).toBe(1);
		expect(await wheelNav().getByRole('link', { name: 'Templates' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Month by month' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Show' }).count()).toBe(1);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Bokmål', 'Change language', 'nb');
		await signOut(page);
		await context.close();
	});

	it('the portfolio in nynorsk and English: its own headings, tables and filters', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Nynorsk', 'Bytt språk', 'nn');

		await page.goto('/portefolje');
		await waitForHydration(page);
		expect(await lang(page)).toBe('nn');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Portefølje');
		expect(await page.getByRole('columnheader', { name: 'Brukar', exact: true }).count()).toBe(1);
		expect(await page.getByRole('table', { name: 'Prosjekt per nivå', exact: true }).count()).toBe(
			1
		);
		expect(await page.getByRole('button', { name: 'Vis', exact: true }).count()).toBe(1);
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'English', 'Byt språk', 'en');
		await page.goto('/portefolje');
		await waitForHydration(page);
		expect(await lang(page)).toBe('en');
		expect(await page.locator('main').getAttribute('lang')).toBeNull();
		expect(await page.locator('h1').textContent()).toBe('Portfolio');
		const headings = await page.locator('main h2').allTextContents();
		expect(headings.map((h) => h.trim())).toEqual(
			expect.arrayContaining(['Prioritisation', 'Balance in the portfolio'])
		);
		expect(await page.getByRole('table', { name: 'Projects per level', exact: true }).count()).toBe(
			1
		);
		expect(await page.getByLabel('Owner', { exact: true }).count()).toBe(1);
		await expectAccessible(page);

		await page.goto('/portefolje/risiko');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('Risk matrix for the portfolio');
		await expectAccessible(page);

		await page.goto('/konto');
		await waitForHydration(page);
		await choose(page, 'Bokmål', 'Change language', 'nb');
		await signOut(page);
		await context.close();
	});
});
