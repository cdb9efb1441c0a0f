import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { handleSecurityHeaders } from '$lib/server/security-headers';
import { handleFormPosts } from '$lib/server/form-posts';
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
	if (session) setSessionCookie(event.cookies, token, session.expiresAt, secure, now);
	else deleteSessionCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

export const handle = sequence(handleAuth, handleSecurityHeaders, handleFormPosts);
