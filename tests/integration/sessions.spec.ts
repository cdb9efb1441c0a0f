import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS,
	validateSessionToken
} from '$lib/server/auth/session';
import { listSessionIdsForUser } from '$lib/server/db/queries/sessions';
import { setPassword, setUserActive } from '$lib/server/db/queries/users';
import { hashToken } from '$lib/server/auth/tokens';
import { makeUser, signIn } from '../factories';

const HOUR = 60 * 60 * 1000;

describe('sessions', () => {
	it('stores the SHA-256 of the token, never the token', async () => {
		const userId = await makeUser();
		const token = generateSessionToken();
		createSession(token, userId, new Date());
		const stored = listSessionIdsForUser(userId);
		expect(stored).toEqual([hashToken(token)]);
		expect(stored[0]).not.toContain(token);
		expect(token.length).toBeGreaterThanOrEqual(24); // 20 bytes base32 = 32 chars, 160 bits
	});

	it('expires after the idle timeout', async () => {
		const userId = await makeUser();
		const start = new Date('2026-03-01T08:00:00Z');
		const token = generateSessionToken();
		createSession(token, userId, start);
		const justBefore = new Date(start.getTime() + SESSION_IDLE_MS - 1000);
		expect(validateSessionToken(token, justBefore).session).not.toBeNull();
		// The validation above slid the expiry; a long silence after it still kills it.
		const later = new Date(justBefore.getTime() + SESSION_IDLE_MS + 1000);
		expect(validateSessionToken(token, later).session).toBeNull();
		expect(listSessionIdsForUser(userId)).toEqual([]);
	});

	it('slides forward while in use', async () => {
		const userId = await makeUser();
		const start = new Date('2026-03-01T08:00:00Z');
		const token = generateSessionToken();
		createSession(token, userId, start);
		let now = start;
		// Used every 20 hours for four days: each use is within the idle timeout.
		for (let i = 0; i < 5; i++) {
			now = new Date(now.getTime() + 20 * HOUR);
			expect(validateSessionToken(token, now).session).not.toBeNull();
		}
		expect(now.getTime() - start.getTime()).toBeGreaterThan(SESSION_IDLE_MS);
	});

	it('dies at the absolute lifetime however active', async () => {
		const userId = await makeUser();
		const start = new Date('2026-03-01T08:00:00Z');
		const token = generateSessionToken();
		createSession(token, userId, start);
		let now = start;
		while (now.getTime() + 10 * HOUR < start.getTime() + SESSION_ABSOLUTE_MS) {
			now = new Date(now.getTime() + 10 * HOUR);
			const { session } = validateSessionToken(token, now);
			expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(
				start.getTime() + SESSION_ABSOLUTE_MS
			);
		}
		const past = new Date(start.getTime() + SESSION_ABSOLUTE_MS);
		expect(validateSessionToken(token, past).session).toBeNull();
	});

	it('dies on logout', async () => {
		const userId = await makeUser();
		const { token, session } = signIn(userId);
		invalidateSession(session.id);
		expect(validateSessionToken(token, new Date()).session).toBeNull();
	});

	it('dies for every device on password change', async () => {
		const userId = await makeUser();
		const a = signIn(userId);
		const b = signIn(userId);
		setPassword(
			userId,
			'new-hash',
			{
				actorId: userId,
				mustChangePassword: false,
				action: 'password_changed'
			},
			new Date()
		);
		expect(validateSessionToken(a.token, new Date()).session).toBeNull();
		expect(validateSessionToken(b.token, new Date()).session).toBeNull();
	});

	it('dies on deactivation', async () => {
		const adminId = await makeUser([{ role: 'admin' }]);
		const userId = await makeUser();
		const { token } = signIn(userId);
		expect(setUserActive(userId, false, adminId, new Date()).ok).toBe(true);
		expect(validateSessionToken(token, new Date()).session).toBeNull();
	});

	it('rejects an unknown token', () => {
		expect(validateSessionToken(generateSessionToken(), new Date()).user).toBeNull();
	});
});
