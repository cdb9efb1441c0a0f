import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
	expectAccessible,
	expectNoHorizontalScroll,
	launchBrowser,
	signInAs,
	waitForHydration
} from './browser';
import { useServerDatabase } from './seed';

const baseUrl = inject('baseUrl');
const TASK = 'ROS-analyse vold og trusler';

let browser: Browser;
let f: Awaited<ReturnType<typeof useServerDatabase>>;
let nordId: number;
let sorId: number;
let taskId: number;
let meetingTaskId: number;
const email = {
	nord: 'nora.e2e@kommune.no',
	sor: 'sander.e2e@kommune.no',
	steering: 'sigurd.e2e@kommune.no',
	admin: 'astrid.e2e@kommune.no'
};
const contexts: BrowserContext[] = [];

async function pageFor(who: keyof typeof email): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	const page = await context.newPage();
	await signInAs(page, baseUrl, email[who], f.TEST_PASSWORD);
	return page;
}

/** The wheel mark for the task in October, as the wheel draws it. */
function octoberMark(page: Page) {
	return page.locator(`a.mark[aria-label^="${TASK}, oktober"]`);
}

/** The colour a mark is drawn in: each status's symbol is drawn once and used by its marks. */
function markStroke(mark: Locator) {
	return mark
		.locator('use')
		.evaluate((use) =>
			document.getElementById(use.getAttribute('href')!.slice(1))!.getAttribute('stroke')
		);
}

/** A month's cell in the Nord row of the compliance table (the heatmap's text alternative). */
async function nordMonth(page: Page, month: number): Promise<string> {
	const row = page.getByRole('row', { name: /^E2E Nord/ });
	return (
		(await row
			.getByRole('cell')
			.nth(month - 1)
			.textContent()) ?? ''
	);
}

/**
 * axe runs as a script, which a page without JavaScript cannot. So the server-rendered HTML is
 * checked in a JavaScript page of the same origin (same stylesheets, same DOM).
 */
async function expectAccessibleWithoutJs(page: Page) {
	const html = await page.content();
	const context = await browser.newContext();
	contexts.push(context);
	const copy = await context.newPage();
	await copy.goto(`${baseUrl}/login`);
	await copy.setContent(html, { waitUntil: 'load' });
	await expectAccessible(copy);
	await context.close();
}

beforeAll(async () => {
	f = await useServerDatabase();
	const { makeWheel } = await import('../factories/wheel');
	const parent = f.makeUnit('E2E Bo og habilitering');
	nordId = f.makeUnit('E2E Nord', parent);
	sorId = f.makeUnit('E2E Sør', parent);
	await f.makeUser([{ role: 'unit_leader', unitId: nordId }], {
		name: 'Nora E2E',
		email: email.nord
	});
	await f.makeUser([{ role: 'unit_leader', unitId: sorId }], {
		name: 'Sander E2E',
		email: email.sor
	});
	await f.makeUser([{ role: 'steering' }], { name: 'Sigurd E2E', email: email.steering });
	await f.makeUser([{ role: 'admin' }], { name: 'Astrid E2E', email: email.admin });
	const wheel = makeWheel({
		ownerUnitId: parent,
		unitIds: [nordId, sorId],
		tasks: [
			{ title: TASK, schedule: { kind: 'yearly', month: 10, dueDay: null } },
			{
				title: 'Personalmøte med referat',
				schedule: { kind: 'monthly', dueDay: null },
				storedIn: 'Teams'
			}
		]
	});
	[taskId, meetingTaskId] = wheel.taskIds as [number, number];
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
});

describe('annual wheel journey', () => {
	let steering: Page;
	let nora: Page;

	it('the steering group sees the heatmap before', async () => {
		steering = await pageFor('steering');
		await steering.goto(`${baseUrl}/arshjul/etterlevelse`);
		await expect.poll(() => steering.locator('.plot svg').count()).toBeGreaterThan(0);
		await expectAccessible(steering);

		// Opening the units under a row keeps the reader's place: no jump to the top, and focus
		// stays on the link pressed (WCAG 2.4.3), now saying it hides them.
		await waitForHydration(steering);
		await steering.setViewportSize({ width: 1280, height: 400 });
		const toggle = steering
			.locator('a.toggle')
			.filter({ hasText: 'i E2E Bo og habilitering' })
			.first();
		await toggle.scrollIntoViewIfNeeded();
		const scrolledTo = await steering.evaluate(() => window.scrollY);
		await Promise.all([steering.waitForURL(/apne=\d+/), toggle.click()]);
		await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
		expect(await toggle.textContent()).toMatch(/^Skjul enhetene under \(\d+\)/);
		expect(await toggle.evaluate((a) => a === document.activeElement)).toBe(true);
		expect(await steering.evaluate(() => window.scrollY)).toBe(scrolledTo);
		await steering.setViewportSize({ width: 1280, height: 720 });
		// The filter form keeps the opened rows open.
		await Promise.all([
			steering.waitForURL(/hjul=.*apne=\d+/),
			steering.getByRole('button', { name: 'Vis', exact: true }).click()
		]);
		await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
		await expectAccessible(steering);

		// The top level has a row per top-level unit; its name shows the units under it.
		await Promise.all([
			steering.waitForURL(/enhet=\d+/),
			steering.getByRole('link', { name: 'E2E Bo og habilitering', exact: true }).click()
		]);
		await expect.poll(() => steering.locator('.plot svg').count()).toBeGreaterThan(0);
		await expectAccessible(steering);
		expect(await nordMonth(steering, 10)).toBe('0 % (0 av 2)');
		// November's items are not due yet: nothing counts.
		expect(await nordMonth(steering, 11)).toBe('–');
	});

	it('a unit leader sees the task overdue on the wheel, signs it in «Mine oppgaver», and it changes colour', async () => {
		nora = await pageFor('nord');
		await nora.goto(`${baseUrl}/arshjul`);
		await expectAccessible(nora);
		await expect
			.poll(() => octoberMark(nora).getAttribute('aria-label'))
			.toMatch(/, oktober \d{4}: Forfalt \(.+\)$/);
		const before = await markStroke(octoberMark(nora));

		// The wheel is one Tab stop; the arrow keys move inside it, Tab leaves it.
		await waitForHydration(nora);
		await nora.getByRole('link', { name: 'Hopp over årshjulet' }).focus();
		await nora.keyboard.press('Tab');
		const focusedMark = () =>
			nora.evaluate(() => document.activeElement?.getAttribute('data-mark') ?? null);
		const start = await focusedMark();
		expect(start).not.toBeNull();
		await nora.keyboard.press('ArrowRight');
		const next = await focusedMark();
		expect(next).not.toBeNull();
		expect(next).not.toBe(start);
		await nora.keyboard.press('ArrowLeft');
		await expect.poll(focusedMark).toBe(start);
		await nora.keyboard.press('Tab');
		await expect.poll(focusedMark).toBeNull();

		await nora.goto(`${baseUrl}/arshjul/mine`);
		await expectAccessible(nora);
		const item = nora
			.getByRole('listitem')
			.filter({ has: nora.getByRole('heading', { name: TASK }) });
		await item.getByText(`Signer «${TASK}»`).click();
		await item.getByLabel('Kommentar (valgfri)').fill('Gjennomgått i personalmøtet');
		await item.getByRole('button', { name: 'Signer som utført' }).click();
		await expect.poll(() => nora.getByText('Oppgaven er signert.').count()).toBe(1);
		await expect.poll(() => nora.getByRole('heading', { name: TASK }).count()).toBe(0);
		await expectAccessible(nora);

		// And this month's meeting, on time.
		const meeting = nora
			.getByRole('listitem')
			.filter({ has: nora.getByRole('heading', { name: 'Personalmøte med referat' }) })
			.filter({ hasText: 'frist 30. november 2026' });
		await meeting.getByText('Signer «Personalmøte med referat»').click();
		await meeting.getByRole('button', { name: 'Signer som utført' }).click();
		await expect.poll(() => meeting.count()).toBe(0);

		// The month table shows a month at a time: October's.
		await nora.goto(`${baseUrl}/arshjul?maned=10`);
		await expect
			.poll(() => octoberMark(nora).getAttribute('aria-label'))
			.toMatch(/, oktober \d{4}: Signert for sent \(.+\)$/);
		const after = await markStroke(octoberMark(nora));
		expect(after).not.toBe(before);
		// The table alternative says the same.
		const row = nora.getByRole('row', { name: new RegExp(TASK) });
		await expect
			.poll(() => row.textContent())
			.toMatch(/Signert for sent.*Gjennomgått i personalmøtet/);

		// Reflow at 320 CSS px (WCAG 1.4.10): the wheel shrinks, wide tables scroll in place.
		await nora.setViewportSize({ width: 320, height: 800 });
		await expectNoHorizontalScroll(nora);
		await nora.goto(`${baseUrl}/arshjul/mine`);
		await expectNoHorizontalScroll(nora);
		await nora.setViewportSize({ width: 1280, height: 800 });
		await nora.goto(`${baseUrl}/arshjul`);

		await octoberMark(nora).click();
		await nora.waitForURL(`${baseUrl}/arshjul/forekomst/${taskId}/${nordId}/2026-10`);
		await expect.poll(() => nora.getByText(/Signert av Nora E2E/).count()).toBe(1);
		await expectAccessible(nora);
	});

	it('the steering group sees the heatmap update', async () => {
		await steering.reload();
		await expect.poll(() => steering.locator('.plot svg').count()).toBeGreaterThan(0);
		// October's was signed late: it counts, but not as on time. November's was on time.
		expect(await nordMonth(steering, 10)).toBe('0 % (0 av 2)');
		expect(await nordMonth(steering, 11)).toBe('100 % (1 av 1)');
		expect(await steering.locator('.plot svg text', { hasText: '100 %' }).count()).toBe(1);
		await expect.poll(() => steering.getByRole('link', { name: TASK }).count()).toBe(1); // Sør's is still overdue
		await expectAccessible(steering);
	});

	it('a unit leader of another unit gets 403 on that sign-off', async () => {
		const sander = await pageFor('sor');
		// Nord's November meeting, still open to Nora, not to Sander.
		const url = `${baseUrl}/arshjul/forekomst/${meetingTaskId}/${nordId}/2026-11`;
		const page = await sander.goto(url);
		expect(page?.status()).toBe(200);
		expect(await sander.getByRole('button', { name: 'Signer som utført' }).count()).toBe(0);
		await expectAccessible(sander);
		const response = await sander.request.post(`${url}?/sign`, {
			form: { storedIn: 'Compilo', comment: '', link: '' },
			headers: { origin: baseUrl, accept: 'text/html' }
		});
		expect(response.status()).toBe(403);
	});

	it('signing in «Mine oppgaver» works without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		contexts.push(context);
		const page = await context.newPage();
		await signInAs(page, baseUrl, email.sor, f.TEST_PASSWORD, { javaScript: false });
		await page.goto(`${baseUrl}/arshjul/mine`);
		const item = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: TASK }) });
		await item.getByText(`Signer «${TASK}»`).click();
		// A bad link comes back with the message and the values kept, then a good one signs.
		await item.getByLabel('Lenke til dokumentasjonen (valgfri)').fill('javascript:alert(1)');
		await item.getByLabel('Kommentar (valgfri)').fill('Uten JavaScript');
		await Promise.all([
			page.waitForLoadState('load'),
			item.getByRole('button', { name: 'Signer som utført' }).click()
		]);
		await expect
			.poll(() =>
				page
					.getByText('Lenken må være en nettadresse som begynner med https:// eller http://')
					.count()
			)
			.toBe(1);
		await expectAccessibleWithoutJs(page);
		const again = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: TASK }) });
		expect(await again.getByLabel('Kommentar (valgfri)').inputValue()).toBe('Uten JavaScript');
		await again
			.getByLabel('Lenke til dokumentasjonen (valgfri)')
			.fill('https://compilo.example/ros');
		await Promise.all([
			page.waitForLoadState('load'),
			again.getByRole('button', { name: 'Signer som utført' }).click()
		]);
		await expect.poll(() => page.getByText('Oppgaven er signert.').count()).toBe(1);
		expect(await page.getByRole('heading', { name: TASK }).count()).toBe(0);
		await expectAccessibleWithoutJs(page);
	});

	it('the calendar feed, fetched over HTTP, parses with ical.js and has the events', async () => {
		// The feed is found from the account page.
		await nora.goto(`${baseUrl}/konto`);
		await expectAccessible(nora);
		await Promise.all([
			nora.waitForURL(`${baseUrl}/arshjul/kalender`),
			nora.getByRole('link', { name: 'Lag kalenderabonnement' }).click()
		]);
		await expectAccessible(nora);
		await nora.getByRole('button', { name: 'Lag abonnementsadresse' }).click();
		const field = nora.getByLabel('Adresse til kalenderabonnementet');
		await expect.poll(() => field.count()).toBe(1);
		await expectAccessible(nora);
		const feedUrl = await field.inputValue();
		expect(feedUrl).toMatch(new RegExp(`^${baseUrl}/kalender/[a-z2-7]{32}\\.ics$`));

		const response = await fetch(feedUrl);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const calendar = new ICAL.Component(ICAL.parse(await response.text()));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const ros = events.find(
			(e) => e.startDate.toString() === '2026-10-31' && e.summary.startsWith(TASK)
		);
		expect(ros?.summary).toBe(`${TASK} (E2E Nord)`);
		expect(String(ros?.component.getFirstPropertyValue('url'))).toBe(
			`${baseUrl}/arshjul/forekomst/${taskId}/${nordId}/2026-10`
		);
		// Twelve monthly meetings and one ROS analysis in 2026, none of Sør's.
		const in2026 = events.filter((e) => e.startDate.year === 2026);
		expect(in2026).toHaveLength(13);
		expect(events.every((e) => e.summary.endsWith('(E2E Nord)'))).toBe(true);

		// Without a valid token: nothing.
		expect((await fetch(`${baseUrl}/kalender/${'a'.repeat(32)}.ics`)).status).toBe(404);
	});

	it('an admin keeps the template: bad schedule input is refused in Norwegian, a good task added', async () => {
		const admin = await pageFor('admin');
		await admin.goto(`${baseUrl}/arshjul/maler`);
		await expectAccessible(admin);
		await admin
			.getByRole('link', { name: /^Årshjul \d+$/ })
			.last()
			.click();
		await expect.poll(() => admin.getByRole('heading', { name: 'Ny oppgave' }).count()).toBe(1);
		await expectAccessible(admin);
		const form = admin.locator('form[action="?/addTask"]');
		await form.getByLabel('Oppgave', { exact: true }).fill('Halvårsevaluering – Fagrapport');
		await form.getByLabel('Ansvar').fill('Primærkontakt');
		await form.getByLabel('Lagres').fill('Fagsystem');
		await form.getByLabel('Valgte måneder').check();
		await form.getByLabel('Forfallsdag i måneden').fill('32');
		await form.getByRole('button', { name: 'Legg til oppgave' }).click();
		await expect.poll(() => admin.getByText('Velg minst én måned').count()).toBe(1);
		await expect
			.poll(() => admin.getByText('Forfallsdagen må være et helt tall fra 1 til 31').count())
			.toBe(1);
		await expectAccessible(admin);
		await form.getByLabel('mars').check();
		await form.getByLabel('september').check();
		await form.getByLabel('Forfallsdag i måneden').fill('');
		await form.getByRole('button', { name: 'Legg til oppgave' }).click();
		await expect
			.poll(() => admin.getByText('Oppgaven «Halvårsevaluering – Fagrapport» er lagt til.').count())
			.toBe(1);
		await expect.poll(() => admin.getByText('mars, september, siste dag').count()).toBe(1);
		await expectAccessible(admin);
	});

	it('keyboard only: a refused sign-off focuses an error summary, a saved one its confirmation', async () => {
		const sander = await pageFor('sor');
		// This month's staff meeting in Sør, which no other step signs.
		await sander.goto(`${baseUrl}/arshjul/forekomst/${meetingTaskId}/${sorId}/2026-11`);
		await waitForHydration(sander);
		const active = () =>
			sander.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return {
					role: el?.getAttribute('role') ?? null,
					tag: el?.tagName ?? null,
					name: el?.getAttribute('name') ?? null,
					text: el?.textContent?.trim() ?? ''
				};
			});
		await sander.getByLabel('Lenke til dokumentasjonen (valgfri)').focus();
		await sander.keyboard.type('ikke en lenke');
		await sander.keyboard.press('Enter');
		// WCAG 4.1.3 and 3.3.1: the summary is an alert, has focus, and names the field.
		await expect.poll(async () => (await active()).role).toBe('alert');
		expect((await active()).text).toMatch(/Skjemaet har én feil.*Lenke til dokumentasjonen/);
		await expectAccessible(sander);
		// Its link takes focus to the field.
		await sander.keyboard.press('Tab');
		expect((await active()).tag).toBe('A');
		await sander.keyboard.press('Enter');
		await expect.poll(async () => (await active()).name).toBe('link');
		await sander.keyboard.press('ControlOrMeta+A');
		await sander.keyboard.type('https://kommune.no/rutiner/ros');
		await sander.keyboard.press('Enter');
		// WCAG 2.4.3: after saving, focus is on the confirmation, not on <body>.
		await expect.poll(async () => (await active()).role).toBe('status');
		expect((await active()).text).toMatch(/signert/i);
		await expectAccessible(sander);
	});
});
