import { describe, expect, it, vi } from 'vitest';
import { listSessionIdsForUser } from '$lib/server/db/queries/sessions';
import { SESSION_IDLE_MS, validateSessionToken } from '$lib/server/auth/session';
import { SSO_FLOW_COOKIE } from '$lib/server/auth/sso';
import { makeUser, signIn } from '../factories';
import { auditActions, refusedWith, useTestProvider } from './oidc-flow';

// Signing in through a real OpenID Connect provider, and every way its answer can be refused.
// Who may come in, and the sign-in page: oidc-access.spec.ts.
const { ctx, throughProvider, answer, signInAs } = useTestProvider();

describe('signing in through the identity provider', () => {
	it('signs a known user in with a fresh session of our own and sends them on', async () => {
		const userId = await makeUser([], { email: 'kari@test.no' });
		ctx.provider.people.set('kari', { email: 'Kari@Test.no', email_verified: true, name: 'Kari' });
		const now = new Date();
		const { event, result, session } = await signInAs('kari', { redirectTo: '/portefolje', now });
		expect(result).toEqual({ kind: 'redirect', status: 303, location: '/portefolje' });
		const signed = validateSessionToken(session!, now);
		expect(signed.user?.id).toBe(userId);
		// Our own session rules: the idle lifetime counts from this request's time.
		expect(signed.session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_IDLE_MS);
		expect(
			validateSessionToken(session!, new Date(now.getTime() + SESSION_IDLE_MS + 1)).user
		).toBeNull();
		// The state, nonce and verifier were used once and are gone.
		expect(event.cookies.jar.has(SSO_FLOW_COOKIE)).toBe(false);
		expect(auditActions(userId)).toContain('sso_sign_in');
	});

	it('ends the session the browser carried (fixation)', async () => {
		const userId = await makeUser([], { email: 'fiks@test.no' });
		ctx.provider.people.set('fiks', { email: 'fiks@test.no', email_verified: true });
		const old = signIn(userId);
		const { result } = await signInAs('fiks', { signed: old });
		expect(result.kind).toBe('redirect');
		expect(validateSessionToken(old.token, new Date()).session).toBeNull();
		expect(listSessionIdsForUser(userId)).toHaveLength(1);
	});

	it('uses the request time to check the token: fine within its hour, refused after', async () => {
		await makeUser([], { email: 'tid@test.no' });
		ctx.provider.people.set('tid', { email: 'tid@test.no', email_verified: true });
		const soon = new Date(Date.now() + 50 * 60_000);
		expect((await signInAs('tid', { now: soon })).result.kind).toBe('redirect');
		// The provider's id_token lives an hour; two hours on it has expired.
		const late = new Date(Date.now() + 2 * 60 * 60_000);
		const expired = await signInAs('tid', { now: late });
		expect(expired.result).toEqual(refusedWith('invalid'));
		expect(expired.session).toBeUndefined();
	});

	it('refuses an id_token issued for another client (audience)', async () => {
		await makeUser([], { email: 'aud@test.no' });
		ctx.provider.people.set('aud', { email: 'aud@test.no', email_verified: true });
		ctx.provider.setTamper({ claims: (c) => ({ ...c, aud: 'en-annen-klient' }) });
		const { result, session } = await signInAs('aud');
		expect(result).toEqual(refusedWith('invalid'));
		expect(session).toBeUndefined();
	});

	it('refuses an id_token from another issuer', async () => {
		ctx.provider.people.set('iss', { email: 'iss@test.no', email_verified: true });
		ctx.provider.setTamper({ claims: (c) => ({ ...c, iss: 'https://falsk.example' }) });
		expect((await signInAs('iss')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses an id_token whose expiry has passed, however it came', async () => {
		ctx.provider.people.set('exp', { email: 'exp@test.no', email_verified: true });
		const past = Math.floor(Date.now() / 1000) - 3600;
		ctx.provider.setTamper({ claims: (c) => ({ ...c, iat: past - 60, exp: past }) });
		expect((await signInAs('exp')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses an id_token with a bad signature, or a changed nonce', async () => {
		await makeUser([], { email: 'sig@test.no' });
		ctx.provider.people.set('sig', { email: 'sig@test.no', email_verified: true });
		ctx.provider.setTamper({ foreignKey: true });
		expect((await signInAs('sig')).result).toEqual(refusedWith('invalid'));
		// The same token with one claim changed and the provider's signature kept.
		ctx.provider.setTamper({ claims: (c) => ({ ...c, nonce: 'en-annen-nonce' }) });
		expect((await signInAs('sig')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses a replayed answer, with or without the used cookie, and a crossed state', async () => {
		const userId = await makeUser([], { email: 'igjen@test.no' });
		ctx.provider.people.set('igjen', { email: 'igjen@test.no', email_verified: true });
		const { answer: url, cookie } = await throughProvider('igjen');
		expect((await answer(url, cookie)).result.kind).toBe('redirect');
		expect(await answer(url, undefined).then((a) => a.result)).toEqual(refusedWith('expired'));
		// The cookie copied back: the code has been exchanged once already (invalid_grant).
		expect(await answer(url, cookie).then((a) => a.result)).toEqual(refusedWith('expired'));
		// One browser's cookie with another sign-in's answer.
		const first = await throughProvider('igjen');
		const second = await throughProvider('igjen');
		expect((await answer(second.answer, first.cookie)).result).toEqual(refusedWith('expired'));
		expect(listSessionIdsForUser(userId)).toHaveLength(1);
	});

	it('refuses an answer that comes back too late', async () => {
		ctx.provider.people.set('sein', { email: 'sein@test.no', email_verified: true });
		const { answer: url, cookie } = await throughProvider('sein');
		const later = new Date(Date.now() + 11 * 60_000);
		expect((await answer(url, cookie, { now: later })).result).toEqual(refusedWith('expired'));
	});

	it('a wrong client secret: not «try again» for the person, and the log names the cause', async () => {
		ctx.provider.people.set('hemmelig', { email: 'hemmelig@test.no', email_verified: true });
		await makeUser([], { email: 'hemmelig@test.no' });
		const warn = vi.mocked(console.warn);
		warn.mockClear();
		const right = process.env.OIDC_CLIENT_SECRET;
		process.env.OIDC_CLIENT_SECRET = 'feil-hemmelighet';
		try {
			const { result, session } = await signInAs('hemmelig');
			// Trying again cannot help: the server is set up wrong, so the person is told that.
			expect(result).toEqual(refusedWith('not_configured'));
			expect(session).toBeUndefined();
		} finally {
			process.env.OIDC_CLIENT_SECRET = right;
		}
		const line = warn.mock.calls.map((c) => String(c[0])).join('\n');
		expect(line).toMatch(
			/avvist \(not_configured\).*\[invalid_client, HTTP 401: .*OIDC_CLIENT_SECRET/
		);
		expect(line).not.toContain('feil-hemmelighet');
		// With the right secret again, the same person comes in.
		expect((await signInAs('hemmelig')).result.kind).toBe('redirect');
	});

	it('tells the person when they cancelled at the provider', async () => {
		const { cookie } = await throughProvider('avbrutt');
		const state = JSON.parse(Buffer.from(cookie!, 'base64url').toString()).state as string;
		const url = new URL(
			`http://localhost/login/oidc/svar?error=access_denied&state=${state}&iss=${encodeURIComponent(ctx.provider.issuer)}`
		);
		expect((await answer(url, cookie)).result).toEqual(refusedWith('denied'));
	});
});
