/**
 * The JSON API's front door (docs/api.md): `/api/v1/…` takes `Authorization: Bearer mk_…`,
 * counts each request against the token's rate limit, and answers every error as
 * `{ "error": { "code", "message" } }`, whatever threw it (a page guard's `error(403, …)`,
 * SvelteKit's own 404 or 405). The `code` is for programs and never changes; the `message` is
 * for the person who reads it, in the token owner's saved language, else the one
 * `Accept-Language` asks for, else bokmål. The guards a handler begins with are below.
 */
import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { resolveLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/plural';
import { withLocale } from '../i18n';
import { admitApiRequest, resolveApiToken } from './api-token';
import { requireUser } from './guards';
import { withApiToken } from '../db/audit-origin';
import type { SessionUser } from './session';

export const API_PREFIX = '/api/v1/';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** A status's code, and its message read when the answer is made (in the request's language). */
const status = (code: string, message: () => string) => ({
	code,
	get message() {
		return message();
	}
});

/** Each status's code, and the message when whatever answered gave none of its own. */
export const API_ERRORS: Record<number, { code: string; readonly message: string }> = {
	400: status('bad_request', m.api_error_bad_request),
	401: status('unauthorized', m.api_error_unauthorized),
	403: status('forbidden', m.api_error_forbidden),
	404: status('not_found', m.api_error_not_found),
	405: status('method_not_allowed', m.api_error_method_not_allowed),
	409: status('conflict', m.api_error_conflict),
	413: status('too_large', m.api_error_too_large),
	415: status('unsupported_media_type', m.api_error_unsupported_media_type),
	422: status('invalid', m.api_error_invalid),
	429: status('rate_limited', m.api_error_rate_limited),
	500: status('server_error', m.api_error_server_error)
};

/**
 * The language of an API answer: the token owner's (or signed-in user's) saved one, else
 * `Accept-Language`, else bokmål. A bearer request is no browser: no language cookie counts.
 */
export function apiLocale(event: Pick<RequestEvent, 'request'>, user: SessionUser | null): Locale {
	return resolveLocale({
		saved: user?.locale,
		cookie: null,
		acceptLanguage: event.request.headers.get('accept-language')
	});
}

/** SvelteKit's own English messages, replaced by the status's message in the reader's language. */
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
			return withLocale(apiLocale(event, null), () =>
				apiError(401, 'invalid_token', m.api_error_invalid_token())
			);
		}
		const admitted = admitApiRequest(resolved.grant, event.locals.now);
		if (!admitted.ok) {
			const seconds = admitted.retryAfterSeconds;
			return withLocale(apiLocale(event, resolved.user), () =>
				apiError(
					429,
					'rate_limited',
					plural(seconds, m.api_error_token_rate_limited_one, m.api_error_token_rate_limited_many, {
						seconds
					}),
					{ headers: { 'Retry-After': String(seconds) } }
				)
			);
		}
		event.locals.user = resolved.user;
		event.locals.apiToken = resolved.grant;
		// Every audit row the request writes names the token (db/audit-origin.ts), so the change
		// log tells a write through the API from one made on a page.
		const origin = { tokenId: resolved.grant.tokenId, tokenName: resolved.grant.name };
		const answered = await withApiToken(origin, () => resolve(event));
		return withLocale(event.locals.locale ?? apiLocale(event, resolved.user), () =>
			asApiError(answered)
		);
	}
	const response = await resolve(event);
	// The locale hook has chosen the request's language by now (it runs inside `resolve`); the
	// error's message is written after it, so in that language again.
	return withLocale(event.locals.locale ?? apiLocale(event, event.locals.user), () =>
		asApiError(response)
	);
};

/**
 * Reads through the API: a bearer token of either scope, or a signed-in browser (so a person
 * can look at the answers). What the user may read is the page guards' to say, after this.
 */
export function requireApiReader(event: AnyEvent): SessionUser {
	const user = requireUser(event, { allowPasswordChange: true });
	if (user.mustChangePassword) {
		error(403, m.api_error_new_password());
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
	if (!grant) error(401, m.api_error_write_needs_token());
	if (grant.scope !== 'write') error(403, m.api_error_read_only_token());
	return user;
}
