/**
 * Keyboard only (WCAG 2.1.1, 2.4.3, 4.1.3), the steering member's and the admin's main jobs: a
 * steering member finds a waiting change to a frozen benefit plan and approves it; an admin
 * creates a user and gives them a role, and keeps a new user's fields across a re-login. Tab,
 * Enter and arrow keys only, no mouse, and after each step the test asserts where focus is. The programme leader's and owner's jobs are in
 * keyboard.e2e.ts, the unit leader's sign-off and the wheel's arrow keys in wheel.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, waitForHydration } from './browser';
import { active, focusBy, focusedStatus, signInByKeyboard } from './keyboard';
import { useServerDatabase } from './seed';
import { E2E_CLOCK_START } from './server';

const baseUrl = inject('baseUrl');
const STEERING = 'tastatur.styring@kommune.no';
const ADMIN = 'tastatur.admin@kommune.no';
const TITLE = 'Kortere ventetid på vedtak om hjemmetjenester';
const NEW_USER = { name: 'Nina Nyansatt', email: 'nina.nyansatt@kommune.no' };

let browser: Browser;
let password = '';
let benefitId = 0;

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	const gains = await import('$lib/server/db/queries/benefits-gains');
	const { getBenefit } = await import('$lib/server/db/queries/benefits');
	const plans = await import('$lib/server/db/queries/benefits-plan');
	const now = new Date(E2E_CLOCK_START);
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], { name: 'Pia Plan' });
	await f.makeUser([{ role: 'steering' }], { name: 'Stig Styring', email: STEERING });
	await f.makeUser([{ role: 'admin' }], { name: 'Ada Admin', email: ADMIN });
	const m = b.useMission(leaderId);
	const projectId = b.makeProject(leaderId, m.tracks).projectId;
	benefitId = b.makeBenefit(projectId, { title: TITLE, unit: 'timer' }, leaderId);
	const year = Number(E2E_CLOCK_START.slice(0, 4));
	const baseline = { value: 100, date: `${year - 1}-01-01`, method: 'Saksbehandlingssystemet' };
	const target = { value: 40, date: `${year + 2}-12-31` };
	gains.setBaselineAndTarget(benefitId, { baseline, target, version: 0 }, leaderId, now);
	const version = () => getBenefit(benefitId)!.version;
	const frozen = plans.freezePlan(
		benefitId,
		{ baselineSource: 'Fagsystemrapport', version: version() },
		{ url: '', file: null },
		leaderId,
		now
	);
	if (!frozen.ok) throw new Error(`freeze: ${frozen.reason}`);
	const asked = plans.requestPlanChange(
		benefitId,
		{
			baselineValue: baseline.value,
			baselineDate: baseline.date,
			baselineMethod: baseline.method,
			baselineSource: 'Fagsystemrapport',
			targetValue: 30,
			targetDate: target.date,
			plan: [],
			reason: 'Ny arbeidsflyt gir mer enn ventet'
		},
		{ url: '', file: null },
		leaderId,
		now
	);
	if (!asked.ok) throw new Error(`request: ${asked.reason}`);
});
afterAll(async () => {
	await browser?.close();
});

describe('keyboard only, steering and admin', () => {
	it('a steering member opens the waiting change from its list and approves it', async () => {
		const page = await signInByKeyboard(browser, baseUrl, STEERING, password);
		await page.goto(`${baseUrl}/gevinster/godkjenning`);
		await waitForHydration(page);
		await focusBy(page, (a) => a.tag === 'A' && a.text === TITLE);
		await Promise.all([
			page.waitForURL(new RegExp(`/gevinster/${benefitId}#versjoner$`)),
			page.keyboard.press('Enter')
		]);
		await waitForHydration(page);
		// The decision form comes after the table of what changes.
		await focusBy(page, (a) => a.name === 'note');
		await page.keyboard.type('Godkjent i møtet');
		await page.keyboard.press('Tab');
		expect(await active(page)).toMatchObject({ tag: 'BUTTON', text: 'Godkjenn endringen' });
		await page.keyboard.press('Enter');
		// SvelteKit re-applies the #versjoner fragment in a timer after a success; the answer
		// keeps focus and stays in view (src/lib/components/enhance.ts, focusedStatus).
		expect(await focusedStatus(page)).toBe('Endringen er godkjent og gjelder nå.');
		await expect.poll(() => page.getByText('Endring venter på godkjenning').count()).toBe(0);
		await expectAccessible(page);
		await page.context().close();
	});

	it('an admin creates a user and gives them a role', async () => {
		const page = await signInByKeyboard(browser, baseUrl, ADMIN, password);
		await page.goto(`${baseUrl}/admin/brukere`);
		await waitForHydration(page);
		await focusBy(page, (a) => a.name === 'name');
		await page.keyboard.type(NEW_USER.name);
		await focusBy(page, (a) => a.name === 'email', 5);
		await page.keyboard.type(NEW_USER.email);
		// The radio group: the link is chosen; arrow keys would change it, Tab leaves it.
		await page.keyboard.press('Tab');
		expect(await active(page)).toMatchObject({ tag: 'INPUT', name: 'credential' });
		await page.keyboard.press('Tab');
		expect(await active(page)).toMatchObject({ tag: 'BUTTON', text: 'Opprett bruker' });
		await page.keyboard.press('Enter');
		expect(await focusedStatus(page)).toContain(NEW_USER.name);

		await focusBy(page, (a) => a.tag === 'A' && a.text === `Gi ${NEW_USER.name} roller`, 10);
		await Promise.all([page.waitForURL(/\/admin\/brukere\/\d+$/), page.keyboard.press('Enter')]);
		await waitForHydration(page);
		// A refused name first: its error summary takes focus.
		await focusBy(page, (a) => a.name === 'name');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('Delete');
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await active(page)).role).toBe('alert');
		expect(await page.locator('[data-error-summary]').count()).toBe(1);
		await focusBy(page, (a) => a.tag === 'SELECT' && a.name === 'role');
		// A closed <select> takes arrow keys: from «Velg rolle» down to the first role, Administrator.
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('select[name="role"]').inputValue()).toBe('admin');
		await focusBy(page, (a) => a.tag === 'BUTTON' && a.text === 'Legg til rolle', 5);
		await page.keyboard.press('Enter');
		expect(await focusedStatus(page)).toBe('Rollen er lagt til.');
		// Another form's answer: the name's summary names a message no longer shown, and goes.
		expect(await page.locator('[data-error-summary]').count()).toBe(0);
		await expect.poll(() => page.getByRole('button', { name: /^Fjern rollen/ }).count()).toBe(1);
		await expectAccessible(page);
		await page.context().close();
	});

	it('a session that ends while the admin fills in a new user keeps what was typed (WCAG 2.2.1)', async () => {
		const page = await signInByKeyboard(browser, baseUrl, ADMIN, password);
		await page.goto(`${baseUrl}/admin/brukere`);
		await waitForHydration(page);
		await focusBy(page, (a) => a.name === 'name');
		await page.keyboard.type('Sara Sesjon');
		await focusBy(page, (a) => a.name === 'email', 5);
		await page.keyboard.type('sara.sesjon@kommune.no');
		// The one-time password, not the default link: the choice is kept too.
		await page.keyboard.press('Tab');
		await page.keyboard.press('ArrowDown');
		// The session ends (signed out elsewhere, or its lifetime ran out) before the post.
		await page.context().clearCookies();
		await Promise.all([page.waitForURL(/\/login\?redirectTo=/), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/brukere');
		await waitForHydration(page);
		await page.keyboard.press('Tab');
		await focusBy(page, (a) => a.name === 'email');
		await page.keyboard.type(ADMIN);
		await page.keyboard.press('Tab');
		await page.keyboard.type(password);
		await Promise.all([page.waitForURL(/\/admin\/brukere$/), page.keyboard.press('Enter')]);
		await waitForHydration(page);
		expect(await focusedStatus(page)).toMatch(/Du ble logget ut før skjemaet ble sendt/);
		const form = page.locator('form[action="?/create"]');
		expect(await form.getByLabel('Fullt navn').inputValue()).toBe('Sara Sesjon');
		expect(await form.getByLabel('E-post').inputValue()).toBe('sara.sesjon@kommune.no');
		expect(await form.getByLabel(/Engangspassord/).isChecked()).toBe(true);
		// Nothing was created while signed out; sending now creates the user once.
		expect(await page.getByRole('link', { name: 'Sara Sesjon' }).count()).toBe(0);
		await form.getByRole('button', { name: 'Opprett bruker' }).focus();
		await page.keyboard.press('Enter');
		// The answer takes focus, not the note about the re-login, which has gone.
		expect(await focusedStatus(page)).toContain('Sara Sesjon');
		expect(await page.getByText(/Du ble logget ut før skjemaet ble sendt/).count()).toBe(0);
		await expectAccessible(page);
		await page.context().close();
	});
});
