import type { Cookies } from '@sveltejs/kit';
import {
	deleteSession,
	deleteUserSessions,
	getSessionWithUser,
	insertSession,
	listRoleAssignmentsForUser,
	updateSessionExpiry
} from '$lib/server/db/queries/sessions';
import type { Role } from '$lib/server/db/schema';
import { generateToken, hashToken } from './tokens';

/** Idle timeout: a session unused this long is dead (ASVS 5 V7.3.1). */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** Absolute lifetime, however active the session (ASVS 5 V7.3.2). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

export const SESSION_COOKIE = 'misjonskart_session';

export type SessionUser = {
	id: number;
	name: string;
	email: string;
	mustChangePassword: boolean;
	/** The language chosen on /konto; null follows the browser. */
	locale: 'nb' | 'nn' | 'en' | null;
	roles: { role: Role; unitId: number | null }[];
};

export type SessionInfo = { id: string; userId: number; expiresAt: Date; createdAt: Date };

export const generateSessionToken = generateToken;

export function createSession(token: string, userId: number, now: Date): SessionInfo {
	const session = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd(now).getTime()))
	};
	insertSession(session);
	return session;
}

function absoluteEnd(createdAt: Date): Date {
	return new Date(createdAt.getTime() + SESSION_ABSOLUTE_MS);
}

export type SessionValidation =
	{ session: SessionInfo; user: SessionUser } | { session: null; user: null };

/**
 * Looks the token up by its hash. Slides the idle expiry forward when less than half of it
 * is left (one write per half-period, not per request), never past the absolute lifetime.
 */
export function validateSessionToken(token: string, now: Date): SessionValidation {
	const id = hashToken(token);
	const row = getSessionWithUser(id);
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	const hardEnd = absoluteEnd(session.createdAt);
	if (now >= session.expiresAt || now >= hardEnd || !user.active) {
		deleteSession(id);
		return { session: null, user: null };
	}
	let expiresAt = session.expiresAt;
	if (expiresAt.getTime() - now.getTime() < SESSION_IDLE_MS / 2) {
		expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd.getTime()));
		if (expiresAt.getTime() !== session.expiresAt.getTime()) updateSessionExpiry(id, expiresAt);
	}
	return {
		session: { ...session, expiresAt },
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			mustChangePassword: user.mustChangePassword,
			locale: user.locale,
			roles: listRoleAssignmentsForUser(user.id)
		}
	};
}

export function invalidateSession(sessionId: string): void {
	deleteSession(sessionId);
}

export function invalidateUserSessions(userId: number): void {
	deleteUserSessions(userId);
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean,
	now: Date
) {
	// Max-Age, not Expires: the browser counts the lifetime from when it receives the cookie,
	// so a server clock that differs from the browser's cannot end the session at once
	// (RFC 6265 § 4.1.2.2: Max-Age takes precedence over Expires).
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))
	});
}

/**
 * Signs `userId` in on this browser: a fresh session, its token in the cookie (`Secure` when the
 * request came over https). Used after sign-in, first-run setup and a password change.
 */
export function startSession(
	event: { cookies: Cookies; url: URL },
	userId: number,
	now: Date
): void {
	const token = generateSessionToken();
	const session = createSession(token, userId, now);
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:', now);
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
