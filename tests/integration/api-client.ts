/**
 * Calls the JSON API the way the server does: through the API hook (bearer token, rate limit,
 * error shape) and on to the route's handler, with the request's time as `locals.now`. The
 * routes are the real `+server.ts` modules; the table maps each to its address as SvelteKit's
 * router would (the param matchers' patterns).
 */
import { isHttpError, isRedirect, json, type RequestEvent } from '@sveltejs/kit';
import { handleApiRequests } from '$lib/server/auth/api-request';
import { handleFormPosts } from '$lib/server/form-posts';
import { handleLocale } from '$lib/server/i18n';
import { LOCALE_COOKIE } from '$lib/i18n';
import type { Signed } from '../factories';
import * as portfolio from '../../src/routes/api/v1/portefolje/+server';
import * as projects from '../../src/routes/api/v1/portefolje/prosjekter/+server';
import * as measures from '../../src/routes/api/v1/portefolje/prosjekter/[id=id]/tiltak/+server';
import * as benefits from '../../src/routes/api/v1/gevinster/+server';
import * as benefit from '../../src/routes/api/v1/gevinster/[id=id]/+server';
import * as realisations from '../../src/routes/api/v1/gevinster/[id=id]/realiseringer/+server';
import * as compliance from '../../src/routes/api/v1/arshjul/etterlevelse/+server';
import * as occurrences from '../../src/routes/api/v1/arshjul/forekomster/+server';
import * as signature from '../../src/routes/api/v1/arshjul/forekomster/[task=id]/[unit=id]/[period=period]/signatur/+server';

type Handler = (event: never) => Promise<Response>;
type Route = { pattern: RegExp; params: string[]; module: Record<string, unknown> };

const ID = '([1-9][0-9]{0,9})';
const PERIOD = '(\\d{4}-(?:0[1-9]|1[0-2]))';
const route = (path: string, params: string[], module: Record<string, unknown>): Route => ({
	pattern: new RegExp(
		`^/api/v1${path.replace(/\{[a-z]+\}/g, (m) => (m === '{periode}' ? PERIOD : ID))}$`
	),
	params,
	module
});

/** The API's routes by their documented paths (src/lib/api/operations.ts). */
export const ROUTES: Record<string, Route> = {
	'/portefolje': route('/portefolje', [], portfolio),
	'/portefolje/prosjekter': route('/portefolje/prosjekter', [], projects),
	'/portefolje/prosjekter/{id}/tiltak': route(
		'/portefolje/prosjekter/{id}/tiltak',
		['id'],
		measures
	),
	'/gevinster': route('/gevinster', [], benefits),
	'/gevinster/{id}': route('/gevinster/{id}', ['id'], benefit),
	'/gevinster/{id}/realiseringer': route('/gevinster/{id}/realiseringer', ['id'], realisations),
	'/arshjul/etterlevelse': route('/arshjul/etterlevelse', [], compliance),
	'/arshjul/forekomster': route('/arshjul/forekomster', [], occurrences),
	'/arshjul/forekomster/{oppgave}/{enhet}/{periode}/signatur': route(
		'/arshjul/forekomster/{oppgave}/{enhet}/{periode}/signatur',
		['task', 'unit', 'period'],
		signature
	)
};

/** What SvelteKit does with a handler's answer or throw (its `handle_fatal_error` for JSON). */
async function dispatch(event: RequestEvent): Promise<Response> {
	const found = Object.values(ROUTES).find((r) => r.pattern.test(event.url.pathname));
	if (!found) return json({ message: 'Not Found' }, { status: 404 });
	const match = found.pattern.exec(event.url.pathname)!;
	event.params = Object.fromEntries(found.params.map((name, i) => [name, match[i + 1]!]));
	const handler = found.module[event.request.method] as Handler | undefined;
	if (!handler) {
		return new Response(`${event.request.method} method not allowed`, {
			status: 405,
			headers: { allow: 'GET' }
		});
	}
	try {
		return await handler(event as never);
	} catch (e) {
		if (isHttpError(e)) return json(e.body, { status: e.status });
		if (isRedirect(e))
			return new Response(null, { status: e.status, headers: { location: e.location } });
		throw e;
	}
}

/** An answer's JSON: the fields of a success, or the error (only one of the two is there). */
export type ApiAnswerBody = {
	[key: string]: unknown;
	error: { code: string; message: string; fields: Record<string, string> };
};

export type ApiCall = {
	/** `Bearer <token>`; a raw header value with `authorization`. */
	token?: string;
	authorization?: string;
	/** A signed-in browser (its session), as the session hook would have set it. */
	session?: Signed;
	body?: unknown;
	/** The body as sent, for broken JSON. */
	rawBody?: string;
	contentType?: string;
	/** The `Accept-Language` header, when the client sends one. */
	acceptLanguage?: string;
	/** The browser's language cookie, when it sends one. */
	localeCookie?: string;
	/** Any other request headers (`Idempotency-Key`). */
	headers?: Record<string, string>;
	now: Date;
};

/** One request through the API hook and the form-post hook, as the server runs them. */
export async function callApi(method: 'GET' | 'POST', path: string, call: ApiCall) {
	const url = new URL(path, 'http://localhost');
	const headers = new Headers(call.headers);
	if (call.token) headers.set('authorization', `Bearer ${call.token}`);
	if (call.authorization !== undefined) headers.set('authorization', call.authorization);
	if (call.acceptLanguage) headers.set('accept-language', call.acceptLanguage);
	let body: string | undefined;
	if (method === 'POST') {
		headers.set('content-type', call.contentType ?? 'application/json');
		body = call.rawBody ?? JSON.stringify(call.body ?? {});
	}
	const event = {
		url,
		params: {},
		request: new Request(url, { method, headers, body }),
		route: { id: path },
		locals: {
			user: call.session?.user ?? null,
			session: call.session?.session ?? null,
			now: call.now
		},
		cookies: { get: (name: string) => (name === LOCALE_COOKIE ? call.localeCookie : undefined) },
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false
	} as unknown as RequestEvent;
	const response = await handleApiRequests({
		event,
		resolve: (e) =>
			handleLocale({ event: e, resolve: (l) => handleFormPosts({ event: l, resolve: dispatch }) })
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? (JSON.parse(text) as ApiAnswerBody) : null
	};
}
