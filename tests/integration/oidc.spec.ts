import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as start } from '../../src/routes/(auth)/login/oidc/+server';
import { GET as callback } from '../../src/routes/(auth)/login/oidc/svar/+server';
import { actions as setupActions } from '../../src/routes/(auth)/setup/+page.server';
import {
	actions as loginActions,
	load as loginLoad
} from '../../src/routes/(auth)/login/+page.server';
import { db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import { getUserByEmail, listRolesOfUser, setUserActive } from '$lib/server/db/queries/users';
import { listSessionIdsForUser } from '$lib/server/db/queries/sessions';
import { issueSetupToken } from '$lib/server/auth/setup-token';
import { SESSION_COOKIE, SESSION_IDLE_MS, validateSessionToken } from '$lib/server/auth/session';
import { SSO_FLOW_COOKIE } from '$lib/server/auth/sso';
import { forgetDiscovery } from '$lib/server/auth/oidc';
import { SSO_MESSAGES } from '$lib/server/auth/messages';
import {
	makeEvent,
	makeUnit,
	makeUser,
	outcome,
	signIn,
	TEST_PASSWORD,
	type Signed
} from '../factories';
import { CLIENT_ID, CLIENT_SECRET, startProvider, type TestProvider } from './oidc-provider';

let provider: TestProvider;
let unitId: number;
const saved = { ...process.env };

// The log lines of refused sign-ins are expected here; they would only clutter the output.
vi.spyOn(console, 'warn').mockImplementation(() => {});

// The setup link makes the first administrator whatever the sign-in settings say; it must run
// while no user exists, so before every other test in this file.
describe('first run with password sign-in off', () => {
	it('still creates the first administrator through the setup link', async () => {
		process.env.PASSWORD_LOGIN = 'off';
		const token = issueSetupToken();
		const password = 'et-langt-nok-passord-her';
		const event = makeEvent({
			path: `/setup?token=${token}`,
			form: { name: 'Første Admin', email: 'forste@test.no', password, confirm: password }
		});
		expect(await outcome(() => setupActions.default!(event as never))).toMatchObject({
			kind: 'redirect',
			location: '/admin'
		});
		expect(event.cookies.jar.get(SESSION_COOKIE)).toBeTruthy();
		delete process.env.PASSWORD_LOGIN;
	});
});

beforeAll(async () => {
	provider = await startProvider();
	unitId = makeUnit('Oppvekst');
	Object.assign(process.env, {
		OIDC_ISSUER: provider.issuer,
		OIDC_CLIENT_ID: CLIENT_ID,
		OIDC_CLIENT_SECRET: CLIENT_SECRET,
		OIDC_SCOPES: 'openid email profile groups',
		OIDC_PROVIDER_NAME: 'Testkommunen',
		OIDC_GROUP_ROLES: `g-styring=steering; g-leder=unit_leader:${unitId}`
	});
});

afterEach(() => {
	provider.setTamper(null);
	delete process.env.OIDC_PROVISION;
	delete process.env.PASSWORD_LOGIN;
});

afterAll(async () => {
	process.env = saved;
	forgetDiscovery();
	await provider.close();
});

let ipCounter = 0;
/** Each test its own address, so one test's refusals do not slow the next down. */
const freshIp = () => `10.77.0.${++ipCounter}`;

type Options = { redirectTo?: string; now?: Date; ip?: string; signed?: Signed | null };

/** Clicks «Logg inn med …» and signs in at the provider: the provider's answer and the cookie. */
async function throughProvider(accountId: string, opts: Options = {}) {
	const query = opts.redirectTo ? `?redirectTo=${encodeURIComponent(opts.redirectTo)}` : '';
	const event = makeEvent({ path: `/login/oidc${query}`, now: opts.now });
	const started = await outcome(() => start(event as never));
	if (started.kind !== 'redirect') throw new Error(`start answered ${started.kind}`);
	expect(started.location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
	provider.signInAs(accountId);
	const answer = await provider.authorize(started.location);
	return { answer, cookie: event.cookies.jar.get(SSO_FLOW_COOKIE) };
}

/** The browser comes back to `/login/oidc/svar` with the provider's answer. */
async function answer(url: URL, cookie: string | undefined, opts: Options = {}) {
	const event = makeEvent({
		path: url.pathname + url.search,
		now: opts.now,
		ip: opts.ip ?? freshIp(),
		signed: opts.signed
	});
	if (cookie) event.cookies.jar.set(SSO_FLOW_COOKIE, cookie);
	const result = await outcome(() => callback(event as never));
	return { event, result, session: event.cookies.jar.get(SESSION_COOKIE) };
}

async function signInAs(accountId: string, opts: Options = {}) {
	const { answer: url, cookie } = await throughProvider(accountId, opts);
	return answer(url, cookie, opts);
}

const refusedWith = (code: keyof typeof SSO_MESSAGES) => ({
	kind: 'redirect',
	status: 303,
	location: `/login?sso=${code}`
});

const auditActions = (userId: number) =>
	db
		.select()
		.from(auditLog)
		.all()
		.filter((a) => a.entityId === String(userId) && a.entity === 'user')
		.map((a) => a.action);

describe('signing in through the identity provider', () => {
	it('signs a known user in with a fresh session of our own and sends them on', async () => {
		const userId = await makeUser([], { email: 'kari@test.no' });
		provider.people.set('kari', { email: 'Kari@Test.no', email_verified: true, name: 'Kari' });
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
		provider.people.set('fiks', { email: 'fiks@test.no', email_verified: true });
		const old = signIn(userId);
		const { result } = await signInAs('fiks', { signed: old });
		expect(result.kind).toBe('redirect');
		expect(validateSessionToken(old.token, new Date()).session).toBeNull();
		expect(listSessionIdsForUser(userId)).toHaveLength(1);
	});

	it('uses the request time to check the token: fine within its hour, refused after', async () => {
		await makeUser([], { email: 'tid@test.no' });
		provider.people.set('tid', { email: 'tid@test.no', email_verified: true });
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
		provider.people.set('aud', { email: 'aud@test.no', email_verified: true });
		provider.setTamper({ claims: (c) => ({ ...c, aud: 'en-annen-klient' }) });
		const { result, session } = await signInAs('aud');
		expect(result).toEqual(refusedWith('invalid'));
		expect(session).toBeUndefined();
	});

	it('refuses an id_token from another issuer', async () => {
		provider.people.set('iss', { email: 'iss@test.no', email_verified: true });
		provider.setTamper({ claims: (c) => ({ ...c, iss: 'https://falsk.example' }) });
		expect((await signInAs('iss')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses an id_token whose expiry has passed, however it came', async () => {
		provider.people.set('exp', { email: 'exp@test.no', email_verified: true });
		const past = Math.floor(Date.now() / 1000) - 3600;
		provider.setTamper({ claims: (c) => ({ ...c, iat: past - 60, exp: past }) });
		expect((await signInAs('exp')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses an id_token with a bad signature, or a changed nonce', async () => {
		await makeUser([], { email: 'sig@test.no' });
		provider.people.set('sig', { email: 'sig@test.no', email_verified: true });
		provider.setTamper({ foreignKey: true });
		expect((await signInAs('sig')).result).toEqual(refusedWith('invalid'));
		// The same token with one claim changed and the provider's signature kept.
		provider.setTamper({ claims: (c) => ({ ...c, nonce: 'en-annen-nonce' }) });
		expect((await signInAs('sig')).result).toEqual(refusedWith('invalid'));
	});

	it('refuses a replayed answer, with or without the used cookie, and a crossed state', async () => {
		const userId = await makeUser([], { email: 'igjen@test.no' });
		provider.people.set('igjen', { email: 'igjen@test.no', email_verified: true });
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
		provider.people.set('sein', { email: 'sein@test.no', email_verified: true });
		const { answer: url, cookie } = await throughProvider('sein');
		const later = new Date(Date.now() + 11 * 60_000);
		expect((await answer(url, cookie, { now: later })).result).toEqual(refusedWith('expired'));
	});

	it('tells the person when they cancelled at the provider', async () => {
		const { cookie } = await throughProvider('avbrutt');
		const state = JSON.parse(Buffer.from(cookie!, 'base64url').toString()).state as string;
		const url = new URL(
			`http://localhost/login/oidc/svar?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`
		);
		expect((await answer(url, cookie)).result).toEqual(refusedWith('denied'));
	});
});

describe('who may come in', () => {
	it('provisions an unknown person with no roles', async () => {
		provider.people.set('ny', { email: 'ny@test.no', email_verified: true, name: 'Ny Ansatt' });
		const { result, session } = await signInAs('ny');
		expect(result.kind).toBe('redirect');
		const created = getUserByEmail('ny@test.no')!;
		expect(created).toMatchObject({ name: 'Ny Ansatt', passwordHash: null, active: true });
		expect(listRolesOfUser(created.id)).toEqual([]);
		expect(validateSessionToken(session!, new Date()).user?.roles).toEqual([]);
		expect(auditActions(created.id)).toEqual(['create', 'sso_sign_in']);
	});

	it('refuses an unknown person when provisioning is off', async () => {
		process.env.OIDC_PROVISION = 'off';
		provider.people.set('fremmed', { email: 'fremmed@test.no', email_verified: true });
		const { result, session } = await signInAs('fremmed');
		expect(result).toEqual(refusedWith('unknown_user'));
		expect(session).toBeUndefined();
		expect(getUserByEmail('fremmed@test.no')).toBeUndefined();
	});

	it('gives the roles the groups map to, and skips groups it does not know', async () => {
		provider.people.set('leder', {
			email: 'leder@test.no',
			email_verified: true,
			groups: ['g-styring', 'g-leder', 'g-ukjent']
		});
		const { session } = await signInAs('leder');
		const roles = validateSessionToken(session!, new Date()).user?.roles;
		expect(roles).toEqual(
			expect.arrayContaining([
				{ role: 'steering', unitId: null },
				{ role: 'unit_leader', unitId }
			])
		);
		expect(roles).toHaveLength(2);
		// A second sign-in grants nothing twice.
		await signInAs('leder');
		expect(listRolesOfUser(getUserByEmail('leder@test.no')!.id)).toHaveLength(2);
	});

	it('adds a group role to a known account', async () => {
		const userId = await makeUser([{ role: 'viewer' }], { email: 'kjent@test.no' });
		provider.people.set('kjent', {
			email: 'kjent@test.no',
			email_verified: true,
			groups: ['g-styring']
		});
		await signInAs('kjent');
		expect(
			listRolesOfUser(userId)
				.map((r) => r.role)
				.sort()
		).toEqual(['steering', 'viewer']);
	});

	it('refuses an address the provider does not vouch for, and claims without one', async () => {
		await makeUser([{ role: 'admin' }], { email: 'sjef@test.no' });
		provider.people.set('lure', { email: 'sjef@test.no', email_verified: false });
		expect((await signInAs('lure')).result).toEqual(refusedWith('email_unverified'));
		provider.people.set('tom', { name: 'Uten e-post' });
		expect((await signInAs('tom')).result).toEqual(refusedWith('no_email'));
	});

	it('refuses a deactivated account', async () => {
		const adminId = await makeUser([{ role: 'admin' }]);
		const userId = await makeUser([], { email: 'sluttet@test.no' });
		setUserActive(userId, false, adminId, new Date());
		provider.people.set('sluttet', { email: 'sluttet@test.no', email_verified: true });
		expect((await signInAs('sluttet')).result).toEqual(refusedWith('inactive'));
	});

	it('slows down an address that sends many bad answers', async () => {
		const url = new URL('http://localhost/login/oidc/svar?code=x&state=y');
		for (let i = 0; i < 20; i++) {
			expect((await answer(url, undefined, { ip: '10.88.0.1' })).result).toEqual(
				refusedWith('expired')
			);
		}
		expect((await answer(url, undefined, { ip: '10.88.0.1' })).result).toEqual(
			refusedWith('throttled')
		);
	});
});

describe('the sign-in page', () => {
	const load = (path: string) => outcome(() => loginLoad(makeEvent({ path }) as never));

	it('offers the provider, passing on where to go, and shows why a sign-in failed', async () => {
		expect(await load('/login?redirectTo=%2Fgevinster&sso=unknown_user')).toMatchObject({
			kind: 'ok',
			data: {
				sso: 'Testkommunen',
				ssoHref: '/login/oidc?redirectTo=%2Fgevinster',
				ssoError: SSO_MESSAGES.unknown_user,
				passwordLogin: true
			}
		});
		// Only our own texts: anything else in the address shows nothing.
		expect(await load('/login?sso=%3Cscript%3E')).toMatchObject({ data: { ssoError: null } });
	});

	it('keeps a refused sign-in on its way to the page asked for', async () => {
		process.env.OIDC_PROVISION = 'off';
		provider.people.set('ukjent', { email: 'ukjent@test.no', email_verified: true });
		const { result } = await signInAs('ukjent', { redirectTo: '/gevinster' });
		expect(result).toMatchObject({
			location: '/login?sso=unknown_user&redirectTo=%2Fgevinster'
		});
	});

	it('turns password sign-in off when told to', async () => {
		process.env.PASSWORD_LOGIN = 'off';
		await makeUser([], { email: 'passord@test.no' });
		expect(await load('/login')).toMatchObject({ data: { passwordLogin: false } });
		const event = makeEvent({
			path: '/login',
			form: { email: 'passord@test.no', password: TEST_PASSWORD },
			ip: freshIp()
		});
		expect(await outcome(() => loginActions.default!(event as never))).toMatchObject({
			kind: 'fail',
			status: 403
		});
		expect(event.cookies.jar.get(SESSION_COOKIE)).toBeUndefined();
	});

	it('has no button, and the start says so, when single sign-on is not configured', async () => {
		delete process.env.OIDC_ISSUER;
		try {
			expect(await load('/login')).toMatchObject({ data: { sso: null } });
			const event = makeEvent({ path: '/login/oidc' });
			expect(await outcome(() => start(event as never))).toEqual(refusedWith('not_configured'));
		} finally {
			process.env.OIDC_ISSUER = provider.issuer;
		}
	});

	it('says the provider cannot be reached rather than failing', async () => {
		process.env.OIDC_ISSUER = 'http://127.0.0.1:9/';
		forgetDiscovery();
		try {
			const event = makeEvent({ path: '/login/oidc' });
			expect(await outcome(() => start(event as never))).toEqual(refusedWith('unavailable'));
		} finally {
			process.env.OIDC_ISSUER = provider.issuer;
			forgetDiscovery();
		}
	});
});
