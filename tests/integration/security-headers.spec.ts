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
