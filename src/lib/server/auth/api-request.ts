/**
 * The JSON API's front door (docs/api.md): `/api/v1/…` takes `Authorization: Bearer mk_…`,
 * counts each request against the token's rate limit, and answers every error as
 * `{ "error": { "code", "message" } }` in Norwegian, whatever threw it (a page guard's
 * `error(403, …)`, SvelteKit's own 404 or 405). The guards a handler begins with are below.
 */
import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { admitApiRequest, resolveApiToken } from './api-token';
import { requireUser } from './guards';
import { withApiToken } from '../db/audit-origin';
import type { SessionUser } from './session';

export const API_PREFIX = '/api/v1/';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** Each status's code, and the message when whatever answered gave none in Norwegian. */
export const API_ERRORS: Record<number, { code: string; message: string }> = {
	400: { code: 'bad_request', message: 'Forespørselen kunne ikke leses.' },
	401: {
		code: 'unauthorized',
		message: 'Mangler gyldig API-token. Send det som «Authorization: Bearer mk_…».'
	},
	403: { code: 'forbidden', message: 'Du har ikke tilgang til dette.' },
	404: { code: 'not_found', message: 'Fant ikke det du ba om.' },
	405: { code: 'method_not_allowed', message: 'Adressen tar ikke imot denne metoden.' },
	409: { code: 'conflict', message: 'Endringen er i konflikt med noe som er lagret.' },
	413: { code: 'too_large', message: 'Forespørselen er for stor.' },
	415: { code: 'unsupported_media_type', message: 'Send innholdet som application/json.' },
	422: { code: 'invalid', message: 'Noen felt er ikke gyldige.' },
	429: { code: 'rate_limited', message: 'For mange forespørsler. Vent litt og prøv igjen.' },
	500: { code: 'server_error', message: 'Noe gikk galt på serveren. Prøv igjen senere.' }
};

/** SvelteKit's own English messages, replaced by the status's Norwegian one. */
const ENGLISH =
	/^(Not Found|Internal Error|Unknown Error|Method Not Allowed|.* method not allowed)$/;

/** A JSON error answer; `extra` goes beside `code` and `message` (e.g. `fields`). */
export function apiError(
	status: number,
	code: string,
	message: string,
	init: { extra?: Record<string, unknown>; headers?: Record<string, string> } = {}
): Response {
	const headers = new Headers(init.headers);
	headers.set('Content-Type', 'application/json; charset=utf-8');
	// RFC 6750 §3: a refused bearer request names the scheme it expects.
	if (status === 401) headers.set('WWW-Authenticate', 'Bearer realm="misjonskart"');
	return new Response(JSON.stringify({ error: { code, message, ...init.extra } }), {
		status,
		headers
	});
}

/** Any error response of an API route, in the API's shape; others pass unchanged. */
async function asApiError(response: Response): Promise<Response> {
	if (response.status < 400) return response;
	const fallback = API_ERRORS[response.status] ?? {
		code: response.status >= 500 ? 'server_error' : 'bad_request',
		message: API_ERRORS[response.status >= 500 ? 500 : 400]!.message
	};
	let message = fallback.message;
	if ((response.headers.get('content-type') ?? '').includes('application/json')) {
		const body: unknown = await response
			.clone()
			.json()
			.catch(() => null);
		if (body && typeof body === 'object' && 'error' in body) return response;
		const given = (body as { message?: unknown } | null)?.message;
		if (typeof given === 'string' && given && !ENGLISH.test(given)) message = given;
	}
	const keep: Record<string, string> = {};
	for (const name of ['allow', 'retry-after']) {
		const value = response.headers.get(name);
		if (value) keep[name] = value;
	}
	return apiError(response.status, fallback.code, message, { headers: keep });
}

export const handleApiRequests: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith(API_PREFIX)) return resolve(event);
	// SvelteKit answers a thrown error as JSON only to a client that prefers JSON (its
	// `handle_fatal_error`); an API client that sends no Accept header would get the HTML
	// error page. The request's headers are mutable (Fetch standard, guard "request").
	event.request.headers.set('accept', 'application/json');
	event.locals.apiToken = null;
	const authorization = event.request.headers.get('authorization');
	if (authorization !== null) {
		// A bearer token replaces the browser's session for this request, never adds to it.
		event.locals.user = null;
		event.locals.session = null;
		const secret = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
		const resolved = secret ? resolveApiToken(secret, event.locals.now) : null;
		if (!resolved) {
			return apiError(
				401,
				'invalid_token',
				'API-tokenet er ukjent, utløpt eller trukket tilbake, eller eieren er deaktivert.'
			);
		}
		const admitted = admitApiRequest(resolved.grant, event.locals.now);
		if (!admitted.ok) {
			const seconds = admitted.retryAfterSeconds;
			return apiError(
				429,
				'rate_limited',
				`For mange forespørsler med dette tokenet. Vent ${seconds} sekunder og prøv igjen.`,
				{ headers: { 'Retry-After': String(seconds) } }
			);
		}
		event.locals.user = resolved.user;
		event.locals.apiToken = resolved.grant;
		// Every audit row the request writes names the token (db/audit-origin.ts), so the change
		// log tells a write through the API from one made on a page.
		const origin = { tokenId: resolved.grant.tokenId, tokenName: resolved.grant.name };
		return asApiError(await withApiToken(origin, () => resolve(event)));
	}
	return asApiError(await resolve(event));
};

/**
 * Reads through the API: a bearer token of either scope, or a signed-in browser (so a person
 * can look at the answers). What the user may read is the page guards' to say, after this.
 */
export function requireApiReader(event: AnyEvent): SessionUser {
	const user = requireUser(event, { allowPasswordChange: true });
	if (user.mustChangePassword) {
		error(403, 'Velg et nytt passord på /konto/passord før du bruker API-et.');
	}
	return user;
}

/**
 * Writes through the API: only with a bearer token of scope «write», never with the browser's
 * cookie (so another site cannot make a signed-in browser write, and every write names its
 * token). What the user may change is the page guards' to say, after this.
 */
export function requireApiWriter(event: AnyEvent): SessionUser {
	const user = requireApiReader(event);
	const grant = event.locals.apiToken;
	if (!grant) error(401, 'Skriving krever et API-token med skrivetilgang (Authorization: Bearer).');
	if (grant.scope !== 'write')
		error(403, 'Tokenet har bare lesetilgang. Lag et med skrivetilgang.');
	return user;
}
