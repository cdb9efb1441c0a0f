import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { handleSecurityHeaders } from '$lib/server/security-headers';
import { handleFormPosts } from '$lib/server/form-posts';
import { handleLocale } from '$lib/server/i18n';
import { handleApiRequests } from '$lib/server/auth/api-request';
import { startup } from '$lib/server/startup';
import { readClock } from '$lib/server/clock';
import { changeCount, syncCommits } from '$lib/server/db';
import { startNoticeSchedule } from '$lib/server/notices/schedule';

export const init: ServerInit = async () => {
	await startup();
	// The daily notices run in the server that serves the app, not under `vite dev` or a build.
	if (!dev && !building) startNoticeSchedule();
};

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

/**
 * A request that wrote is answered only once its commits are on disk: the writes of concurrent
 * requests share one fsync (src/lib/server/db/group-commit.ts). Reads never wait.
 */
const handleDurableWrites: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return resolve(event);
	const before = changeCount();
	const response = await resolve(event);
	if (changeCount() !== before) await syncCommits();
	return response;
};

export const handle = sequence(
	handleAuth,
	// After the API's bearer token, so a token's owner gets their own language too.
	handleApiRequests,
	handleLocale,
	handleDurableWrites,
	handleSecurityHeaders,
	handleFormPosts
);
