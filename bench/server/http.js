/**
 * The benchmark's HTTP side, on Node's own fetch (undici, keep-alive): sign in through the real
 * login form, time a request until the last byte of the body, run requests on N connections
 * at once, and summarise timings. Times are taken in the client over loopback, so they include
 * rendering and transfer, which is what a user waits for.
 */
import { createServer } from 'node:net';

export const SESSION_COOKIE = 'misjonskart_session';

/**
 * A port nothing listens on now, for a server the bench starts.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** @typedef {{ ms: number, status: number, bytes: number, body: string, error?: string }} Timed */

/**
 * @param {string} url
 * @param {RequestInit & { timeoutMs?: number }} [init]
 * @returns {Promise<Timed>}
 */
export async function timed(url, init = {}) {
	const { timeoutMs = 120_000, ...rest } = init;
	const start = performance.now();
	try {
		const res = await fetch(url, {
			redirect: 'manual',
			...rest,
			signal: AbortSignal.timeout(timeoutMs)
		});
		const buffer = new Uint8Array(await res.arrayBuffer());
		const ms = performance.now() - start;
		return {
			ms,
			status: res.status,
			bytes: buffer.byteLength,
			body: res.status === 200 && buffer.byteLength < 4096 ? new TextDecoder().decode(buffer) : ''
		};
	} catch (e) {
		const ms = performance.now() - start;
		const name = e instanceof Error ? e.name : '';
		const error = name === 'TimeoutError' ? `timeout after ${timeoutMs / 1000} s` : String(e);
		return { ms, status: 0, bytes: 0, body: '', error };
	}
}

/**
 * Signs in through the /login form, as a browser without JavaScript would, and returns the
 * session cookie. The form checks Origin (SvelteKit's CSRF guard), hence the header.
 * @param {string} base
 * @param {string} email
 * @param {string} password
 */
export async function signIn(base, email, password) {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		// A browser's form POST; with fetch's default Accept (*/*) SvelteKit would answer JSON.
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0] ?? '')
		.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
	if (res.status !== 303 || !cookie) {
		throw new Error(`Sign-in as ${email} failed: HTTP ${res.status}`);
	}
	return cookie;
}

/**
 * A form POST to a named action, answered as JSON (`x-sveltekit-action`), as `use:enhance`
 * sends it. Success is `{ type: 'success' }`; a refusal comes back as `failure` with a status.
 * @param {string} base
 * @param {string} path e.g. `/gevinster/12?/logRealisation`
 * @param {string} cookie
 * @param {Record<string, string>} fields
 * @param {number} timeoutMs
 */
export async function postAction(base, path, cookie, fields, timeoutMs) {
	const result = await timed(`${base}${path}`, {
		method: 'POST',
		headers: {
			origin: base,
			cookie,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields),
		timeoutMs
	});
	if (result.error) return { ...result, ok: false, reason: result.error };
	let type = '';
	let message = '';
	try {
		const json = JSON.parse(result.body || '{}');
		type = json.type ?? '';
		message = typeof json.data === 'string' ? json.data.slice(0, 200) : '';
	} catch {
		type = 'not json';
	}
	const ok = result.status === 200 && type === 'success';
	return { ...result, ok, reason: ok ? '' : `HTTP ${result.status} ${type} ${message}`.trim() };
}

/**
 * Runs `task` on `connections` workers at once until `seconds` have passed (each worker
 * finishes the request it is in) or `next()` runs dry. Returns every result and the wall time.
 * @template T
 * @param {{ connections: number, seconds: number, next: () => T | undefined, task: (item: T) => Promise<Timed & { ok?: boolean, reason?: string }> }} opts
 */
export async function sustained({ connections, seconds, next, task }) {
	/** @type {(Timed & { ok?: boolean, reason?: string })[]} */
	const results = [];
	const start = performance.now();
	const deadline = start + seconds * 1000;
	let ranDry = false;
	const worker = async () => {
		while (performance.now() < deadline) {
			const item = next();
			if (item === undefined) {
				ranDry = true;
				return;
			}
			results.push(await task(item));
		}
	};
	await Promise.all(Array.from({ length: connections }, worker));
	return { results, wallMs: performance.now() - start, ranDry };
}

/** @param {number[]} values @param {number} q 0–1 */
export function quantile(values, q) {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	// Nearest rank: the p95 of 30 samples is the 29th, a time that was actually measured.
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[rank - 1];
}

/** @param {number[]} values */
export function median(values) {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
