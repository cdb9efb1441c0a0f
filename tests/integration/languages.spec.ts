import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { actions as accountActions } from '../../src/routes/(app)/konto/+page.server';
import { actions as languageActions } from '../../src/routes/(auth)/sprak/+page.server';
import { countAuditEntries, listAuditEntries } from '$lib/server/db/queries/audit';
import { handleLocale, withLocale } from '$lib/server/i18n';
import { formatDay, formatKroner } from '$lib/format';
import { LOCALE_COOKIE } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { fakeCookies, makeEvent, makeUser, outcome, signIn } from '../factories';

/** Runs the locale hook on an event and answers what the page would have been rendered with. */
async function render(event: RequestEvent) {
	let seen: { locale: string; heading: string; day: string } | undefined;
	const response = await handleLocale({
		event,
		resolve: async (e, opts) => {
			seen = { locale: e.locals.locale, heading: m.nav_overview(), day: formatDay('2026-02-01') };
			const html = opts?.transformPageChunk?.({ html: '<html lang="%lang%">', done: true });
			return new Response(await html, { headers: { 'content-type': 'text/html' } });
		}
	});
	return { ...seen!, html: await response.text(), vary: response.headers.get('vary') };
}

function pageEvent(
	opts: { user?: Awaited<ReturnType<typeof signIn>>; cookie?: string; accept?: string } = {}
) {
	const event = makeEvent({
		signed: opts.user ?? null,
		path: '/styring'
	}) as unknown as RequestEvent;
	const headers = opts.accept ? { 'accept-language': opts.accept } : undefined;
	Object.assign(event, {
		request: new Request('http://localhost/styring', { headers }),
		cookies: fakeCookies(opts.cookie ? { [LOCALE_COOKIE]: opts.cookie } : {})
	});
	return event;
}

describe('the request language', () => {
	it('is the saved choice, else the cookie, else Accept-Language, else bokmål', async () => {
		const user = signIn(await makeUser());
		expect((await render(pageEvent({ accept: 'nn-NO,nn;q=0.9' }))).locale).toBe('nn');
		expect((await render(pageEvent({ cookie: 'en', accept: 'nn' }))).locale).toBe('en');
		expect((await render(pageEvent({ accept: 'de-DE' }))).locale).toBe('nb');
		user.user.locale = 'nn';
		const page = await render(pageEvent({ user, cookie: 'en', accept: 'en' }));
		expect(page).toMatchObject({ locale: 'nn', heading: 'Oversyn', html: '<html lang="nn">' });
		expect(page.day).toBe('1. februar 2026');
	});

	it('renders messages and formats in it, and tells caches a signed-out page varies', async () => {
		const page = await render(pageEvent({ accept: 'en-GB' }));
		expect(page).toMatchObject({
			heading: 'Overview',
			day: '1 February 2026',
			html: '<html lang="en">'
		});
		expect(page.vary).toContain('Accept-Language');
		expect(withLocale('en', () => formatKroner(1200))).toBe('NOK 1,200');
		// An archived report's stored file stays in bokmål, as it was frozen.
		const download = pageEvent({ accept: 'en-GB' });
		download.url = new URL('http://localhost/rapporter/1/fil');
		expect((await render(download)).day).toBe('1. februar 2026');
		// A translated one follows the reader, as a page does.
		const register = pageEvent({ accept: 'en-GB' });
		register.url = new URL('http://localhost/gevinster/last-ned?spor=2');
		expect((await render(register)).day).toBe('1 February 2026');
		const plan = pageEvent({ accept: 'en-GB' });
		plan.url = new URL('http://localhost/gevinster/prosjekt/12/gevinstrealiseringsplan');
		expect((await render(plan)).day).toBe('1 February 2026');
		expect(withLocale('nb', () => formatKroner(1200)).replace(/\s/g, ' ')).toBe('1 200 kr');
	});
});

describe('choosing a language', () => {
	it('saves the choice on the account with an audit row, once', async () => {
		const user = signIn(await makeUser());
		const id = String(user.user.id);
		const before = countAuditEntries('user', id);
		const post = (locale: string) =>
			outcome(() =>
				accountActions.language!(
					makeEvent({ signed: user, path: '/konto', form: { locale } }) as never
				)
			);
		expect(await post('nn')).toMatchObject({ kind: 'redirect', status: 303 });
		expect(signIn(user.user.id).user.locale).toBe('nn');
		const [row] = listAuditEntries({ entity: 'user', entityId: id, action: 'locale_changed' }).rows;
		expect(row).toMatchObject({
			actorId: user.user.id,
			before: { locale: null },
			after: { locale: 'nn' }
		});
		// The same choice again writes nothing.
		await post('nn');
		expect(countAuditEntries('user', id)).toBe(before + 1);
	});

	it('refuses a language the app does not have, in the request language, and writes nothing', async () => {
		const user = signIn(await makeUser());
		const event = makeEvent({ signed: user, path: '/konto', form: { locale: 'de' } });
		const answer = await withLocale('en', () =>
			outcome(() => accountActions.language!(event as never))
		);
		expect(answer).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { locale: 'Choose one of the languages in the list.' } }
		});
		expect(signIn(user.user.id).user.locale).toBeNull();
	});

	it('keeps a signed-out choice in a cookie and goes back only to a page of ours', async () => {
		const post = async (form: Record<string, string>) => {
			const event = makeEvent({ path: '/sprak', form });
			const answer = await outcome(() => languageActions.default!(event as never));
			return {
				answer,
				cookie: (event.cookies as ReturnType<typeof fakeCookies>).jar.get(LOCALE_COOKIE)
			};
		};
		expect(await post({ locale: 'en', redirectTo: '/login?redirectTo=%2Fstyring' })).toEqual({
			answer: { kind: 'redirect', status: 303, location: '/login?redirectTo=%2Fstyring' },
			cookie: 'en'
		});
		expect((await post({ locale: 'nn', redirectTo: '//evil.example' })).answer).toMatchObject({
			location: '/'
		});
		expect(await post({ locale: 'xx', redirectTo: '/login' })).toMatchObject({
			answer: { kind: 'fail', status: 400 },
			cookie: undefined
		});
	});
});
