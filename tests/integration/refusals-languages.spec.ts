import { describe, expect, it } from 'vitest';
import { load as adminLoad } from '../../src/routes/(app)/admin/+page.server';
import { load as setupLoad } from '../../src/routes/(auth)/setup/+page.server';
import { load as passwordLinkLoad } from '../../src/routes/(auth)/passord/+page.server';
import { load as reportLoad } from '../../src/routes/(app)/internkontroll/arsrapport/+page.server';
import { actions as noticeActions } from '../../src/routes/(app)/varsler/+page.server';
import { requireRole } from '$lib/server/auth/guards';
import { withLocale } from '$lib/server/i18n';
import { errorText } from '$lib/error-text';
import { makeEvent, makeUser, outcome, signIn } from '../factories';

// What a refused or missing page says, in the reader's language (the trial saw bokmål
// under an English heading). Bokmål is asserted by the other specs and the browser journeys.
describe('refusals in nynorsk and English', () => {
	it('a page for administrators says so', async () => {
		const viewer = signIn(await makeUser([{ role: 'viewer' }]));
		const call = () => adminLoad(makeEvent({ signed: viewer, path: '/admin' }) as never);
		expect(await withLocale('en', () => outcome(call))).toMatchObject({
			kind: 'error',
			status: 403,
			message: 'This page is for administrators.'
		});
		expect(await withLocale('nn', () => outcome(call))).toMatchObject({
			status: 403,
			message: 'Denne sida er for administratorar.'
		});
		expect(await withLocale('nb', () => outcome(call))).toMatchObject({
			message: 'Denne siden er for administratorer.'
		});
	});

	it('a role guard says the page is not for you', async () => {
		const viewer = signIn(await makeUser([{ role: 'viewer' }]));
		const event = makeEvent({ signed: viewer, path: '/styring' }) as never;
		const refused = (locale: 'nn' | 'en') =>
			withLocale(locale, () => outcome(() => requireRole(event, 'steering')));
		expect(await refused('en')).toMatchObject({
			status: 403,
			message: 'You do not have access to this page.'
		});
		expect(await refused('nn')).toMatchObject({ message: 'Du har ikkje tilgang til denne sida.' });
	});

	it('a spent setup or password link says so', async () => {
		const setup = () => setupLoad(makeEvent({ signed: null, path: '/setup' }) as never);
		expect(await withLocale('en', () => outcome(setup))).toMatchObject({
			status: 404,
			message: 'This link has been used or has expired.'
		});
		const link = () =>
			passwordLinkLoad(makeEvent({ signed: null, path: '/passord?token=bad' }) as never);
		expect(await withLocale('nn', () => outcome(link))).toMatchObject({
			status: 404,
			message: 'Lenkja er brukt, har gått ut eller er ugyldig.'
		});
		expect(await withLocale('en', () => outcome(link))).toMatchObject({
			message: 'The link has been used, has expired or is not valid.'
		});
	});

	it('an unknown notice and a bad report address answer in the language', async () => {
		const user = signIn(await makeUser([{ role: 'viewer' }]));
		const mark = () =>
			noticeActions.read!(
				makeEvent({ signed: user, path: '/varsler', form: { noticeId: '999999' } }) as never
			);
		expect(await withLocale('en', () => outcome(mark))).toMatchObject({
			status: 404,
			message: 'Notice not found.'
		});
		const director = signIn(await makeUser([{ role: 'municipal_director' }]));
		const report = (query: string) => () =>
			reportLoad(
				makeEvent({ signed: director, path: `/internkontroll/arsrapport?${query}` }) as never
			);
		expect(await withLocale('nn', () => outcome(report('ar=26')))).toMatchObject({
			status: 400,
			message: 'Ugyldig år. Skriv eit årstal mellom 2000 og 2100, til dømes ?ar=2026.'
		});
		expect(await withLocale('en', () => outcome(report('tertial=7')))).toMatchObject({
			status: 400,
			message: expect.stringMatching(/^Invalid tertial/)
		});
		expect(await withLocale('en', () => outcome(report('enhet=999999')))).toMatchObject({
			status: 400,
			message: expect.stringMatching(/^Invalid service area/)
		});
	});

	it("an unknown address shows a text of ours, not SvelteKit's «Not Found»", () => {
		expect(withLocale('nb', () => errorText(404, 'Not Found'))).toBe(
			'Det finnes ingen side på denne adressen. Sjekk at adressen er skrevet riktig.'
		);
		expect(withLocale('nn', () => errorText(404, 'Not Found'))).toMatch(/^Det finst inga side/);
		expect(withLocale('en', () => errorText(404, 'Error: 404'))).toMatch(/^There is no page/);
		expect(withLocale('en', () => errorText(500, 'Internal Error'))).toMatch(/^Something went/);
		expect(withLocale('en', () => errorText(403, 'This page is for administrators.'))).toBe(
			'This page is for administrators.'
		);
	});
});
