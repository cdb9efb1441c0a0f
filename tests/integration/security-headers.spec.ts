import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { handleSecurityHeaders, HSTS } from '$lib/server/security-headers';
import { createAppServer, HSTS as STATIC_HSTS } from '../../scripts/app-server.js';
import { makeEvent } from '../factories';

/** Runs a request through the headers hook, around a stand-in page. */
async function throughHooks(url: string) {
	const event = makeEvent({ path: url });
	return handleSecurityHeaders({
		event: event as never,
		resolve: async () => new Response('<h1>Side</h1>', { headers: { 'Content-Type': 'text/html' } })
	});
}

describe('security headers on rendered pages', () => {
	it('sends HSTS when the public address is HTTPS', async () => {
		const response = await throughHooks('https://misjonskart.kommune.no/login');
		expect(response.headers.get('Strict-Transport-Security')).toBe(HSTS);
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
	});

	it('keeps a signed-in answer from being stored, unless it chose its own caching', async () => {
		const signed = async (headers: Record<string, string>) => {
			const event = makeEvent({ path: 'http://127.0.0.1:3000/gevinster/kart/tegning' });
			event.locals.user = { id: 1 } as never;
			return handleSecurityHeaders({
				event: event as never,
				resolve: async () => new Response('<svg/>', { headers })
			});
		};
		expect((await signed({})).headers.get('Cache-Control')).toBe('private, no-store');
		const own = await signed({ 'Cache-Control': 'private, no-cache', ETag: '"v1"' });
		expect(own.headers.get('Cache-Control')).toBe('private, no-cache');
	});

	it('sends no HSTS over plain HTTP', async () => {
		const response = await throughHooks('http://127.0.0.1:3000/login');
		expect(response.headers.get('Strict-Transport-Security')).toBeNull();
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
	});
});

describe('security headers on static files (scripts/app-server.js)', () => {
	let server: Server | undefined;
	afterEach(() => {
		server?.close();
		server = undefined;
	});

	/**
	 * Serves one file the way adapter-node's sirv does (its own `writeHead`, before SvelteKit's
	 * hooks could run) and answers with the headers a browser would see.
	 */
	async function fetchStatic(origin: string, fileHeaders: Record<string, string> = {}) {
		server = createAppServer(
			(_req, res) => {
				res.writeHead(200, { 'Content-Type': 'text/javascript', ...fileHeaders });
				res.end('export {};');
			},
			{ origin }
		);
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const response = await fetch(`http://127.0.0.1:${port}/_app/immutable/entry/app.js`);
		await response.text();
		return response.headers;
	}

	it('gives a static file nosniff and, behind HTTPS, HSTS', async () => {
		const headers = await fetchStatic('https://misjonskart.kommune.no');
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Strict-Transport-Security')).toBe(STATIC_HSTS);
		expect(headers.get('Content-Type')).toBe('text/javascript');
	});

	it('gives a static file nosniff but no HSTS over plain HTTP', async () => {
		const headers = await fetchStatic('http://127.0.0.1:3000');
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Strict-Transport-Security')).toBeNull();
	});

	it('sends each header once when the handler sets it too', async () => {
		const headers = await fetchStatic('https://misjonskart.kommune.no', {
			'X-Content-Type-Options': 'nosniff',
			'Strict-Transport-Security': STATIC_HSTS
		});
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Strict-Transport-Security')).toBe(STATIC_HSTS);
	});

	it('keeps the HSTS of static files and pages the same', () => {
		expect(STATIC_HSTS).toBe(HSTS);
	});
});

describe('a form-typed write without Origin (scripts/app-server.js)', () => {
	let server: Server | undefined;
	afterEach(() => {
		server?.close();
		server = undefined;
	});

	/** What the server answers; `reached` says whether the app behind it saw the request. */
	async function send(path: string, init: RequestInit) {
		let reached = false;
		server = createAppServer(
			(_req, res) => {
				reached = true;
				res.end('app');
			},
			{ origin: 'http://127.0.0.1' }
		);
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
		return {
			status: response.status,
			type: response.headers.get('content-type'),
			body: await response.text(),
			reached
		};
	}

	it('refuses it in Norwegian, as JSON under /api/, before the app sees it', async () => {
		const form = {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'period=2026-01&value=5'
		};
		const api = await send('/api/v1/gevinster/1/realiseringer', form);
		expect(api).toMatchObject({ status: 403, reached: false });
		expect(api.type).toContain('application/json');
		expect(JSON.parse(api.body)).toEqual({
			error: {
				code: 'forbidden_content_type',
				message: expect.stringContaining('application/json')
			}
		});
		const page = await send('/gevinster/1?/logRealisation', form);
		expect(page).toMatchObject({ status: 403, reached: false });
		expect(page.body).toContain('Skjemaet må sendes fra Misjonskart selv');
	});

	it('lets JSON, a form with its Origin, and reads through to the app', async () => {
		const json = await send('/api/v1/x', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(json.reached).toBe(true);
		const withOrigin = await send('/login', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' },
			body: 'a=1'
		});
		expect(withOrigin.reached).toBe(true);
		expect((await send('/konto', { method: 'GET' })).reached).toBe(true);
	});
});
