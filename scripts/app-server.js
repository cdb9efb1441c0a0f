// The HTTP server around the adapter-node handler, kept apart from scripts/server.js so tests
// can run it with a stand-in handler.
import http from 'node:http';

/**
 * HTTP Strict Transport Security: a browser that has seen this over HTTPS uses only HTTPS for
 * the host and its subdomains for a year (RFC 6797 §6.1; OWASP HTTP Headers Cheat Sheet).
 * src/hooks.server.ts sends the same value on rendered pages.
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every response carries, static file or rendered page. `nosniff` keeps a browser from
 * running a mislabelled file as script or style (Fetch Standard, X-Content-Type-Options). HSTS
 * is sent only when the public address is HTTPS: over plain HTTP a browser must ignore it
 * (RFC 6797 §8.1), and a server without a certificate must not promise one.
 * @param {string | undefined} origin the public address, `ORIGIN`
 * @returns {[string, string][]}
 */
export function siteHeaders(origin) {
	/** @type {[string, string][]} */
	const headers = [['X-Content-Type-Options', 'nosniff']];
	if (origin?.startsWith('https:')) headers.push(['Strict-Transport-Security', HSTS]);
	return headers;
}

/**
 * @typedef {(
 *   req: http.IncomingMessage,
 *   res: http.ServerResponse,
 *   next: () => void
 * ) => void} Handler
 */

/**
 * An HTTP server that sets the site's headers and hands the request to `handler`. Headers set
 * here before the handler writes are merged into whatever it sends (Node's `writeHead`), so the
 * static files that adapter-node answers before SvelteKit's `handle` runs carry them too.
 * @param {Handler} handler
 * @param {{ origin?: string }} options
 */
export function createAppServer(handler, { origin }) {
	const headers = siteHeaders(origin);
	return http.createServer((req, res) => {
		for (const [name, value] of headers) res.setHeader(name, value);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not Found');
		});
	});
}

/**
 * Stops the way adapter-node's own entry does: no new connections, idle ones closed at once,
 * busy ones given `timeoutSeconds` to finish, then `sveltekit:shutdown` for the app's cleanup.
 * @param {http.Server} server
 * @param {number} timeoutSeconds
 */
export function shutDownOnSignals(server, timeoutSeconds) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	/** @param {NodeJS.Signals} reason */
	const shutdown = (reason) => {
		if (timer) return;
		server.closeIdleConnections();
		server.close(() => {
			clearTimeout(timer);
			// @ts-expect-error Node's types know only its own events; SvelteKit's apps listen for this.
			process.emit('sveltekit:shutdown', reason);
		});
		timer = setTimeout(() => server.closeAllConnections(), timeoutSeconds * 1000);
		timer.unref();
	};
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
}
