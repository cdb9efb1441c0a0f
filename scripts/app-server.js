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

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A write with a form's content type and no Origin header. SvelteKit refuses every such request
 * (its CSRF check compares the Origin with the site's, and a missing one never matches), but in
 * English and as plain text; a system calling the API without a browser meets exactly this when
 * it sends a form body instead of JSON. So the same requests are refused here, in Norwegian, and
 * as the API's JSON error under /api/. Requests that carry an Origin are left to SvelteKit.
 * @param {http.IncomingMessage} req
 */
export function formWriteWithoutOrigin(req) {
	const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	return WRITES.includes(req.method ?? '') && FORM_TYPES.includes(type) && !req.headers.origin;
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function refuseWithoutOrigin(req, res) {
	const api = (req.url ?? '').startsWith('/api/');
	const message = api
		? 'API-et tar imot JSON: send kroppen med Content-Type: application/json.'
		: 'Skjemaet må sendes fra Misjonskart selv (forespørselen manglet Origin).';
	res.statusCode = 403;
	if (api) {
		res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(JSON.stringify({ error: { code: 'forbidden_content_type', message } }));
	} else {
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end(message);
	}
	// The body is drained unread, so the connection can carry the next request.
	req.resume();
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
		if (formWriteWithoutOrigin(req)) return refuseWithoutOrigin(req, res);
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

/**
 * Loads the app's request handler. adapter-node's handler runs the app's `init` hook as it loads
 * (src/hooks.server.ts: start-up, which reads the settings); a setting that stops the start
 * throws a ConfigurationError (src/lib/server/config-error.ts), whose message is written for
 * whoever runs the server: it is printed as one paragraph, without a stack trace, and the
 * process ends with 1. Any other error goes on as it is, with its stack.
 * @template T
 * @param {() => Promise<{ handler: T }>} load
 * @returns {Promise<T>}
 */
export async function loadHandler(load) {
	try {
		return (await load()).handler;
	} catch (e) {
		if (!(e instanceof Error) || e.name !== 'ConfigurationError') throw e;
		console.error(`Misjonskart kunne ikke starte: ${e.message}`);
		process.exit(1);
	}
}
