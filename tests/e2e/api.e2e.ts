import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, signInAs, waitForHydration } from './browser';
import { useDemoJourney } from './demo-server';

/**
 * A unit leader on the demo data gives another system access: makes an API token on Min konto
 * (shown once), reads and signs through the built server's API with it, reads the API page,
 * and revokes the token, after which it no longer works. Every page with zero axe violations.
 */

const demo = useDemoJourney('api', 'unit_leader');

const api = (path: string, token: string | null, init: RequestInit = {}) =>
	fetch(`${demo.server.baseUrl}/api/v1${path}`, {
		...init,
		headers: {
			...(token ? { Authorization: `Bearer ${token}` } : {}),
			...(init.body ? { 'Content-Type': 'application/json' } : {})
		}
	});

describe('API tokens and the API', () => {
	it('makes a token on Min konto, uses it, and revokes it', async () => {
		const context = await demo.browser.newContext({ baseURL: demo.server.baseUrl });
		const page = await context.newPage();
		await signInAs(page, demo.server.baseUrl, demo.login.email, demo.login.password);
		await page.goto('/konto');
		await waitForHydration(page);
		await Promise.all([
			page.waitForURL(/\/konto\/api$/),
			page.getByRole('link', { name: 'Administrer API-tokens' }).click()
		]);
		await waitForHydration(page);
		expect(await page.getByText('Du har ingen API-tokens.').count()).toBe(1);
		await expectAccessible(page);

		// A name left out is answered beside the field, the rest kept.
		await page.getByLabel('Tilgang').selectOption({ label: 'Lese og skrive' });
		await page.getByRole('button', { name: 'Lag token' }).click();
		await expect
			.poll(() => page.getByText('Gi tokenet et navn, for eksempel systemet').count())
			.toBe(1);
		expect(await page.getByLabel('Tilgang').inputValue()).toBe('write');
		await expectAccessible(page);

		await page.getByLabel('Navn').fill('Kvalitetssystemet');
		await page.getByRole('button', { name: 'Lag token' }).click();
		const secretField = page.getByLabel('Nytt token «Kvalitetssystemet»');
		await expect.poll(() => secretField.count()).toBe(1);
		const secret = await secretField.inputValue();
		expect(secret).toMatch(/^mk_[a-z2-7]{32}$/);
		const row = page.getByRole('row', { name: /Kvalitetssystemet/ });
		expect(await row.getByRole('cell', { name: 'Lese og skrive' }).count()).toBe(1);
		expect(await row.getByRole('cell', { name: 'Aldri' }).count()).toBe(1);
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 800 });
		await expectNoHorizontalScroll(page);
		await page.setViewportSize({ width: 1280, height: 800 });

		// The token reads and writes as the unit leader.
		const mine = await api('/arshjul/forekomster', secret);
		expect(mine.status).toBe(200);
		const list = (await mine.json()) as {
			overdue: { items: { taskId: number; unitId: number; period: string }[] };
			due: { items: { taskId: number; unitId: number; period: string }[] };
		};
		const open = [...list.overdue.items, ...list.due.items][0]!;
		const signed = await api(
			`/arshjul/forekomster/${open.taskId}/${open.unitId}/${open.period}/signatur`,
			secret,
			{ method: 'POST', body: JSON.stringify({ storedIn: 'Compilo', comment: 'Fra API-et' }) }
		);
		expect(signed.status).toBe(201);
		const again = await api(
			`/arshjul/forekomster/${open.taskId}/${open.unitId}/${open.period}/signatur`,
			secret,
			{ method: 'POST', body: JSON.stringify({ storedIn: 'Compilo' }) }
		);
		expect(again.status).toBe(409);
		expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');

		// Errors are JSON in Norwegian, whoever answers them.
		const none = await api('/portefolje', null);
		expect(none.status).toBe(401);
		expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
		const unknown = await api('/finnes-ikke', secret);
		expect(await unknown.json()).toEqual({
			error: { code: 'not_found', message: 'Fant ikke det du ba om.' }
		});
		const steeringOnly = await api('/arshjul/etterlevelse', secret);
		expect(steeringOnly.status).toBe(403);
		const described = await fetch(`${demo.server.baseUrl}/api/openapi.json`);
		expect(((await described.json()) as { openapi: string }).openapi).toBe('3.1.0');

		await page.reload();
		await waitForHydration(page);
		expect(await row.getByRole('cell', { name: 'Aldri' }).count()).toBe(0);

		await page.goto('/api');
		await waitForHydration(page);
		expect(await page.locator('h1').textContent()).toBe('API for andre systemer');
		await expectAccessible(page);

		await page.goto('/konto/api');
		await waitForHydration(page);
		await row.getByRole('button', { name: 'Trekk tilbake «Kvalitetssystemet»' }).click();
		await expect
			.poll(() => page.getByText('Tokenet «Kvalitetssystemet» er trukket tilbake').count())
			.toBe(1);
		expect(await row.getByRole('cell', { name: 'Trukket tilbake' }).count()).toBe(1);
		await expectAccessible(page);
		expect((await api('/portefolje', secret)).status).toBe(401);
		await context.close();
	});
});
