import { beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(auth)/login/+page.server';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { makeEvent, makeUser, outcome, signIn, TEST_PASSWORD } from '../factories';

const ORIGIN = 'https://misjonskart.kommune.no';

/** Odd but same-site: accepted, percent-encoded so the browser reads them as a path. */
const SAME_SITE: [target: string, expected: string][] = [
	['/', '/'],
	['/gevinster/12?fane=plan#maal', '/gevinster/12?fane=plan#maal'],
	['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
	['/%5Cevil.example', '/%5Cevil.example'],
	['/%09/evil.example', '/%09/evil.example'],
	['/../../admin', '/admin'],
	['/@evil.example', '/@evil.example'],
	['/／／evil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
	['/\u2028//evil.example', '/%E2%80%A8//evil.example'],
	['/årshjul?søk=ø', '/%C3%A5rshjul?s%C3%B8k=%C3%B8']
];

/**
 * Known ways past a naive same-site check (OWASP Unvalidated Redirects and Forwards Cheat Sheet;
 * PortSwigger's URL validation bypass cheat sheet). Each must land on the overview.
 */
const OFF_SITE_VECTORS: [name: string, target: string][] = [
	['scheme-relative', '//evil.example'],
	['scheme-relative, three slashes', '///evil.example'],
	['backslash as slash', '/\\evil.example'],
	['two backslashes', '\\\\evil.example'],
	['backslash then slash', '\\/evil.example'],
	['slash backslash slash', '/\\/evil.example'],
	['tab between slashes', '/\t/evil.example'],
	['tab before slashes', '\t//evil.example'],
	['tab, as reported', '/\t/127.0.0.1:4599/x'],
	['newline between slashes', '/\n/evil.example'],
	['carriage return between slashes', '/\r/evil.example'],
	['header splitting', '/\r\nSet-Cookie: x=1'],
	['NUL', '/\u0000/evil.example'],
	['DEL', '/\u007f/evil.example'],
	['leading space', ' //evil.example'],
	['dot segments folding into //', '/..//evil.example'],
	['dot segment folding into //', '/.//evil.example'],
	['deep dot segments folding into //', '/a/../..//evil.example'],
	['absolute http', 'http://evil.example'],
	['absolute https', 'https://evil.example/login'],
	['absolute, same host, other scheme', 'http://misjonskart.kommune.no/'],
	['absolute, same host, other port', 'https://misjonskart.kommune.no:8443/'],
	['scheme without slashes', 'https:evil.example'],
	['userinfo trick', 'https://misjonskart.kommune.no@evil.example'],
	['javascript:', 'javascript:alert(1)'],
	['javascript: after slash-less whitespace', ' javascript:alert(1)'],
	['data:', 'data:text/html,<script>alert(1)</script>'],
	['still encoded //', '%2F%2Fevil.example'],
	['still encoded \\', '%5Cevil.example'],
	['fullwidth solidus', '／／evil.example'],
	['ideographic full stop host', '//evil。example'],
	['unicode line separator', '\u2028//evil.example'],
	['empty', ''],
	['relative word', 'evil.example']
];

describe('safeRedirectTarget', () => {
	it.each(OFF_SITE_VECTORS)('refuses %s', (_name, target) => {
		expect(safeRedirectTarget(target, ORIGIN)).toBe('/');
	});

	it('refuses a missing target', () => {
		expect(safeRedirectTarget(null, ORIGIN)).toBe('/');
	});

	it.each(SAME_SITE)('keeps %j on the site', (target, expected) => {
		const answer = safeRedirectTarget(target, ORIGIN);
		expect(answer).toBe(expected);
		// Read back as a browser reads a Location header, it stays here.
		expect(new URL(answer, ORIGIN).origin).toBe(ORIGIN);
	});
});

describe('sign-in redirect', () => {
	beforeAll(async () => {
		await makeUser([], { email: 'reise@test.no' });
	});

	/** What a browser would be sent to, and what the cookie jar holds, after a right password. */
	async function signInWith(target: string, ip: string) {
		const query = new URLSearchParams({ redirectTo: target });
		const event = makeEvent({
			path: `/login?${query}`,
			form: { email: 'reise@test.no', password: TEST_PASSWORD },
			ip
		});
		const result = await outcome(() => actions.default!(event as never));
		return { result, cookie: event.cookies.jar.get(SESSION_COOKIE) };
	}

	it('sends every off-site vector to the overview, with the session', async () => {
		for (const [i, [name, target]] of OFF_SITE_VECTORS.entries()) {
			const { result, cookie } = await signInWith(target, `10.7.${i}.1`);
			expect(result, name).toEqual({ kind: 'redirect', status: 303, location: '/' });
			expect(cookie, name).toBeDefined();
		}
	});

	it('keeps a same-site target, percent-encoded', async () => {
		const { result } = await signInWith('/gevinster/3?fane=plan\u2028', '10.8.0.1');
		expect(result).toMatchObject({ kind: 'redirect', location: '/gevinster/3?fane=plan%E2%80%A8' });
	});

	it('sends a signed-in visitor of the sign-in page on, never off-site', async () => {
		const signed = signIn(await makeUser());
		for (const [name, target] of OFF_SITE_VECTORS) {
			const query = new URLSearchParams({ redirectTo: target });
			const event = makeEvent({ signed, path: `/login?${query}` });
			const result = await outcome(() => load(event as never));
			expect(result, name).toEqual({ kind: 'redirect', status: 303, location: '/' });
		}
	});
});
