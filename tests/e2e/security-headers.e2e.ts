import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { useServerDatabase } from './seed';

// Real HTTP against the built server: adapter-node answers static files before SvelteKit's
// hooks run, so only a request to the build shows whether they carry the headers.
const baseUrl = inject('baseUrl');
const HSTS = 'max-age=31536000; includeSubDomains';
const entry = readdirSync('build/client/_app/immutable/entry').find((f) => f.endsWith('.js'));
const STATIC_FILES = ['/favicon.svg', `/_app/immutable/entry/${entry}`, '/_app/version.json'];

async function headersOf(url: string) {
	const response = await fetch(url, { redirect: 'manual' });
	await response.arrayBuffer();
	return response.headers;
}

describe('security headers on the built server', () => {
	let https: RunningServer;
	beforeAll(async () => {
		// Behind a TLS-terminating proxy: the public address is HTTPS, the socket plain HTTP.
		https = await startServer({ name: 'https', env: { ORIGIN: 'https://misjonskart.test' } });
	});
	afterAll(() => https?.stop());

	it.each([...STATIC_FILES, '/login', '/'])(
		'%s carries nosniff and HSTS behind HTTPS',
		async (path) => {
			const headers = await headersOf(`${https.baseUrl}${path}`);
			expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
			expect(headers.get('Strict-Transport-Security')).toBe(HSTS);
		}
	);

	it.each([...STATIC_FILES, '/login'])('%s carries nosniff but no HSTS over HTTP', async (path) => {
		const headers = await headersOf(`${baseUrl}${path}`);
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Strict-Transport-Security')).toBeNull();
	});
});

describe('sign-in redirect on the built server', () => {
	const email = 'omvei@kommune.no';
	let password: string;
	beforeAll(async () => {
		const f = await useServerDatabase();
		await f.makeUser([], { email });
		password = f.TEST_PASSWORD;
	});

	async function signIn(redirectTo: string) {
		const response = await fetch(`${baseUrl}/login?${new URLSearchParams({ redirectTo })}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Origin: baseUrl, Accept: 'text/html' },
			body: new URLSearchParams({ email, password })
		});
		await response.arrayBuffer();
		return response;
	}

	it.each([
		['a tab between slashes', '/\t/127.0.0.1:4599/x'],
		['CR/LF', '/\r\nSet-Cookie: x=1'],
		['dot segments folding into //', '/..//evil.example'],
		['a backslash', '/\\evil.example']
	])('sends %s to the overview, never a 500', async (_name, target) => {
		const response = await signIn(target);
		expect(response.status).toBe(303);
		expect(response.headers.get('Location')).toBe('/');
	});

	it('keeps a same-site target', async () => {
		const response = await signIn('/gevinster?fane=plan');
		expect(response.status).toBe(303);
		expect(response.headers.get('Location')).toBe('/gevinster?fane=plan');
	});
});
