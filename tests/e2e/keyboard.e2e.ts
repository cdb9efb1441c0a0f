/**
 * Keyboard only (WCAG 2.1.1, 2.4.3, 4.1.3): a programme leader opens a benefit from its map node
 * and logs last month's value; the benefit's owner finds an earlier month on «Mine oppgaver»,
 * lands on it and attests it. No mouse: focus moves by Tab and Enter (a field is focused directly only where a
 * sighted keyboard user would land by tabbing past the page's many links), and after each step
 * the test asserts where focus is.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, waitForHydration } from './browser';
import { active, focusBy, focusedStatus, signInByKeyboard } from './keyboard';
import { useServerDatabase } from './seed';
import { E2E_CLOCK_START } from './server';

const baseUrl = inject('baseUrl');
const LEADER = 'tastatur.leder@kommune.no';
const OWNER = 'tastatur.eier@kommune.no';
const TITLE = 'Færre timer til manuell koordinering';

let browser: Browser;
let password = '';
let projectId = 0;
let benefitId = 0;
/** Last month in Oslo (the log form's suggestion), and how the page names it. */
let month = '';
let monthWords = '';
/** The month before, logged and waiting too: the owner's link names it, not the newest. */
let earlier = '';
let earlierWords = '';

beforeAll(async () => {
	browser = await launchBrowser();
	const f = await useServerDatabase();
	const b = await import('../factories/benefits');
	const gains = await import('$lib/server/db/queries/benefits-gains');
	const { lastCompleteMonth } = await import('$lib/domain/benefits/gain-realisation');
	const { periodWords } = await import('$lib/domain/benefits/attestation');
	const { osloDay } = await import('$lib/format');
	// The server's clock starts at the journeys' day (tests/e2e/server.ts).
	const now = new Date(E2E_CLOCK_START);
	month = lastCompleteMonth(osloDay(now));
	monthWords = periodWords(month);
	const [y, mm] = month.split('-').map(Number);
	earlier = mm === 1 ? `${y! - 1}-12` : `${y}-${String(mm! - 1).padStart(2, '0')}`;
	earlierWords = periodWords(earlier);
	password = f.TEST_PASSWORD;
	const leaderId = await f.makeUser([{ role: 'programme_leader' }], {
		name: 'Tora Tast',
		email: LEADER
	});
	const ownerId = await f.makeUser([{ role: 'viewer' }], { name: 'Egil Eier', email: OWNER });
	const m = b.useMission(leaderId);
	projectId = b.makeProject(leaderId, m.tracks).projectId;
	benefitId = b.makeBenefit(projectId, { title: TITLE, unit: 'timer', ownerId }, leaderId);
	const year = Number(month.slice(0, 4));
	gains.setBaselineAndTarget(
		benefitId,
		{
			baseline: { value: 0, date: `${year - 1}-01-01`, method: 'Timeregistrering' },
			target: { value: 500, date: `${year + 2}-12-31` },
			version: 0
		},
		leaderId,
		now
	);
	const logged = gains.logRealisation(
		benefitId,
		{ period: earlier, value: 9, comment: '', evidence: '', supersedesId: null },
		leaderId,
		now
	);
	if (!logged.ok) throw new Error(`log: ${logged.reason}`);
});
afterAll(async () => {
	await browser?.close();
});

describe('keyboard only', () => {
	it('a programme leader opens the benefit from its map node and logs last month', async () => {
		const leader = await signInByKeyboard(browser, baseUrl, LEADER, password);
		await leader.goto(`${baseUrl}/gevinster/prosjekt/${projectId}`);
		await waitForHydration(leader);
		// The map's benefit node is a link named by kind and title.
		const node = await focusBy(leader, (a) => a.tag === 'a' && a.label.includes(TITLE));
		expect(node.label).toMatch(/gevinst/i);
		await Promise.all([
			leader.waitForURL(new RegExp(`/gevinster/${benefitId}$`)),
			leader.keyboard.press('Enter')
		]);
		await waitForHydration(leader);

		// The log form suggests last month; the value is the first thing to type.
		const form = leader.locator('form[action="?/logRealisation"]');
		const monthField = form.getByLabel('Måned (ÅÅÅÅ-MM)');
		expect(await monthField.inputValue()).toBe(month);
		// Typed again in the label's format: a browser month control would read it otherwise.
		await monthField.focus();
		await leader.keyboard.press('Control+A');
		await leader.keyboard.type(month);
		expect(await monthField.inputValue()).toBe(month);
		await form.getByLabel(/Gevinst denne måneden/).focus();
		await leader.keyboard.type('12');
		await leader.keyboard.press('Enter');
		// WCAG 2.4.3 / 4.1.3: focus lands on the confirmation, which is a status message in view.
		expect(await focusedStatus(leader)).toMatch(/registrert/i);
		await expectAccessible(leader);
	});

	it('the owner finds a month on «Mine oppgaver», lands on it and attests it', async () => {
		const owner = await signInByKeyboard(browser, baseUrl, OWNER, password);
		await owner.goto(`${baseUrl}/arshjul/mine`);
		await waitForHydration(owner);
		// Two months wait; the page lists the newest first, the link names the earlier one.
		await focusBy(owner, (a) => a.tag === 'A' && a.text === `${TITLE}: ${earlierWords}`);
		await Promise.all([
			// The link leads to that month's row in the attestation section.
			owner.waitForURL(new RegExp(`/gevinster/${benefitId}#attest-${earlier}$`)),
			owner.keyboard.press('Enter')
		]);
		await waitForHydration(owner);
		// The next Tab reaches the named month's button, not the newest month's.
		await owner.keyboard.press('Tab');
		expect(await active(owner)).toMatchObject({
			tag: 'BUTTON',
			text: `Jeg bekrefter at dette er målt verdi for ${earlierWords}`
		});
		await owner.keyboard.press('Enter');
		// The page was opened at a fragment: SvelteKit re-applies it in a timer after a success,
		// which must neither take focus from the answer nor scroll it away (enhance.ts).
		expect(await focusedStatus(owner)).toBe(`Verdien for ${earlierWords} er attestert.`);
		await expect
			.poll(() =>
				owner
					.locator('section[aria-labelledby="attest-h"]')
					.getByText(/Attestert av Egil Eier/)
					.count()
			)
			.toBe(1);
		// The newest month still waits, with its own button.
		expect(
			await owner
				.getByRole('button', { name: `Jeg bekrefter at dette er målt verdi for ${monthWords}` })
				.count()
		).toBe(1);
		await expectAccessible(owner);
	});

	it('a session that ends while the form is open keeps what was typed (WCAG 2.2.1)', async () => {
		const leader = await signInByKeyboard(browser, baseUrl, LEADER, password);
		await leader.goto(`${baseUrl}/gevinster/${benefitId}`);
		await waitForHydration(leader);
		const form = leader.locator('form[action="?/logRealisation"]');
		await form.getByLabel(/Gevinst denne måneden/).focus();
		await leader.keyboard.type('7');
		await form.getByLabel('Kommentar').focus();
		await leader.keyboard.type('Målt i fagsystemet etter omleggingen');
		// The session ends (signed out elsewhere, or its lifetime ran out) before the post.
		await leader.context().clearCookies();
		await Promise.all([leader.waitForURL(/\/login\?redirectTo=/), leader.keyboard.press('Enter')]);
		expect(new URL(leader.url()).searchParams.get('redirectTo')).toBe(`/gevinster/${benefitId}`);
		await waitForHydration(leader);
		await leader.keyboard.press('Tab');
		await focusBy(leader, (a) => a.name === 'email');
		await leader.keyboard.type(LEADER);
		await leader.keyboard.press('Tab');
		await leader.keyboard.type(password);
		await Promise.all([
			leader.waitForURL(new RegExp(`/gevinster/${benefitId}$`)),
			leader.keyboard.press('Enter')
		]);
		await waitForHydration(leader);
		await expect.poll(async () => (await active(leader)).role).toBe('status');
		expect((await active(leader)).text).toMatch(/Du ble logget ut før skjemaet ble sendt/);
		expect(await form.getByLabel(/Gevinst denne måneden/).inputValue()).toBe('7');
		expect(await form.getByLabel('Kommentar').inputValue()).toBe(
			'Målt i fagsystemet etter omleggingen'
		);
		await expectAccessible(leader);
	});
});
