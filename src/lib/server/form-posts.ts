import type { Handle } from '@sveltejs/kit';
import { API_PREFIX } from './auth/api-request';

/**
 * Every POST this app answers outside the JSON API is a form action, so two kinds of
 * request are refused here in Norwegian, before SvelteKit picks an action:
 * - an action name that is a member of every JavaScript object (`?/constructor`,
 *   `?/toString`): SvelteKit looks the name up on the route's `actions` object, finds the
 *   inherited function and calls it, without the route's guard; the route has no such action;
 * - a body that is not a form (SvelteKit's own answer is 415 in English). The content types
 *   are those SvelteKit reads as a form (its `is_form_content_type`).
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const text = (body: string, status: number) =>
	new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const handleFormPosts: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST') return resolve(event);
	// The JSON API (src/lib/server/auth/api-request.ts) reads its own bodies.
	if (event.url.pathname.startsWith(API_PREFIX)) return resolve(event);
	for (const key of event.url.searchParams.keys()) {
		if (key.startsWith('/') && key.slice(1) in Object.prototype)
			return text('Fant ikke skjemahandlingen.', 404);
	}
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0]!.trim();
	if (!FORM_TYPES.includes(type.toLowerCase()))
		return text('Skjemaet kunne ikke leses: send det som et vanlig skjema.', 415);
	return resolve(event);
};
