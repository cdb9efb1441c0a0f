import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { startup } from '$lib/server/startup';
import { readClock } from '$lib/server/clock';

export const init: ServerInit = startup;

const handleAuth: Handle = async ({ event, resolve }) => {
	const now = readClock();
	event.locals.now = now;
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = validateSessionToken(token, now);
	if (session) setSessionCookie(event.cookies, token, session.expiresAt, secure);
	else deleteSessionCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

// The Content-Security-Policy itself comes from `kit.csp` in svelte.config.js.
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(handleAuth, handleSecurityHeaders);
