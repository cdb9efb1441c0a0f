import { describe, expect, it } from 'vitest';
import { actions as setupActions } from '../../src/routes/(auth)/setup/+page.server';
import {
	actions as loginActions,
	load as loginLoad
} from '../../src/routes/(auth)/login/+page.server';
import { GET as start } from '../../src/routes/(auth)/login/oidc/+server';
import {
	addRoleAssignment,
	getUserByEmail,
	listRolesOfUser,
	setUserActive
} from '$lib/server/db/queries/users';
import { issueSetupToken } from '$lib/server/auth/setup-token';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { forgetDiscovery } from '$lib/server/auth/oidc';
import { SSO_MESSAGES } from '$lib/server/auth/messages';
import { makeEvent, makeUser, outcome, TEST_PASSWORD } from '../factories';
import { auditActions, refusedWith, revokedRoles, useTestProvider } from './oidc-flow';

// Single sign-on: who may come in (matching, provisioning, group roles), and the sign-in page
// (the button, the messages, password sign-in switched off). The flow itself: oidc.spec.ts.
const { ctx, freshIp, answer, signInAs } = useTestProvider();

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

describe('who may come in', () => {
	it('provisions an unknown person with no roles', async () => {
		ctx.provider.people.set('ny', { email: 'ny@test.no', email_verified: true, name: 'Ny Ansatt' });
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
		ctx.provider.people.set('fremmed', { email: 'fremmed@test.no', email_verified: true });
		const { result, session } = await signInAs('fremmed');
		expect(result).toEqual(refusedWith('unknown_user'));
		expect(session).toBeUndefined();
		expect(getUserByEmail('fremmed@test.no')).toBeUndefined();
	});

	it('gives the roles the groups map to, and skips groups it does not know', async () => {
		ctx.provider.people.set('leder', {
			email: 'leder@test.no',
			email_verified: true,
			groups: ['g-styring', 'g-leder', 'g-ukjent']
		});
		const { session } = await signInAs('leder');
		const roles = validateSessionToken(session!, new Date()).user?.roles;
		expect(roles).toEqual(
			expect.arrayContaining([
				{ role: 'steering', unitId: null },
				{ role: 'unit_leader', unitId: ctx.unitId }
			])
		);
		expect(roles).toHaveLength(2);
		// A second sign-in grants nothing twice.
		await signInAs('leder');
		expect(listRolesOfUser(getUserByEmail('leder@test.no')!.id)).toHaveLength(2);
	});

	it('adds a group role to a known account', async () => {
		const userId = await makeUser([{ role: 'viewer' }], { email: 'kjent@test.no' });
		ctx.provider.people.set('kjent', {
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

	it('takes away a group role when the person leaves the group, and keeps the rest', async () => {
		ctx.provider.people.set('flytter', {
			email: 'flytter@test.no',
			email_verified: true,
			groups: ['g-styring', 'g-leder']
		});
		await signInAs('flytter');
		const userId = getUserByEmail('flytter@test.no')!.id;
		const adminId = await makeUser([{ role: 'admin' }]);
		addRoleAssignment(userId, 'viewer', null, adminId, new Date());
		ctx.provider.people.set('flytter', {
			email: 'flytter@test.no',
			email_verified: true,
			groups: ['g-styring']
		});
		await signInAs('flytter');
		// The unit leader role followed the group out; the administrator's grant stays.
		expect(
			listRolesOfUser(userId)
				.map((r) => r.role)
				.sort()
		).toEqual(['steering', 'viewer']);
		expect(revokedRoles(userId)).toEqual([
			expect.objectContaining({ role: 'unit_leader', via: 'OpenID Connect' })
		]);
	});

	it('leaves the roles alone when the provider sends no groups claim', async () => {
		ctx.provider.people.set('stille', {
			email: 'stille@test.no',
			email_verified: true,
			groups: ['g-styring']
		});
		await signInAs('stille');
		const userId = getUserByEmail('stille@test.no')!.id;
		expect(listRolesOfUser(userId).map((r) => r.role)).toEqual(['steering']);
		// Without the groups scope the provider leaves the claim out: nothing is said of groups.
		process.env.OIDC_SCOPES = 'openid email profile';
		try {
			const { session } = await signInAs('stille');
			expect(session).toBeTruthy();
		} finally {
			process.env.OIDC_SCOPES = 'openid email profile groups';
		}
		expect(listRolesOfUser(userId).map((r) => r.role)).toEqual(['steering']);
		expect(revokedRoles(userId)).toEqual([]);
	});

	it('knows the person by subject when the address changes at the provider', async () => {
		ctx.provider.people.set('kari', { email: 'kari@test.no', email_verified: true });
		await signInAs('kari');
		const userId = getUserByEmail('kari@test.no')!.id;
		ctx.provider.people.set('kari', { email: 'kari.nordmann@test.no', email_verified: true });
		const { session } = await signInAs('kari');
		expect(validateSessionToken(session!, new Date()).user?.id).toBe(userId);
		// The account follows the new address, and the old one is free.
		expect(getUserByEmail('kari.nordmann@test.no')?.id).toBe(userId);
		expect(getUserByEmail('kari@test.no')).toBeUndefined();
	});

	it('refuses an address handed on to someone else at the provider', async () => {
		ctx.provider.people.set('ola', { email: 'ola@test.no', email_verified: true });
		await signInAs('ola');
		// Ola has left; the provider gives his address to a new person with a new subject.
		ctx.provider.people.set('ola-ny', { email: 'ola@test.no', email_verified: true });
		const { result, session } = await signInAs('ola-ny');
		expect(result).toEqual(refusedWith('identity_mismatch'));
		expect(session).toBeUndefined();
	});

	it('refuses an address the provider does not vouch for, and claims without one', async () => {
		await makeUser([{ role: 'admin' }], { email: 'sjef@test.no' });
		ctx.provider.people.set('lure', { email: 'sjef@test.no', email_verified: false });
		expect((await signInAs('lure')).result).toEqual(refusedWith('email_unverified'));
		ctx.provider.people.set('tom', { name: 'Uten e-post' });
		expect((await signInAs('tom')).result).toEqual(refusedWith('no_email'));
	});

	it('refuses a deactivated account', async () => {
		const adminId = await makeUser([{ role: 'admin' }]);
		const userId = await makeUser([], { email: 'sluttet@test.no' });
		setUserActive(userId, false, adminId, new Date());
		ctx.provider.people.set('sluttet', { email: 'sluttet@test.no', email_verified: true });
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
		ctx.provider.people.set('ukjent', { email: 'ukjent@test.no', email_verified: true });
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
			process.env.OIDC_ISSUER = ctx.provider.issuer;
		}
	});

	it('says the provider cannot be reached rather than failing', async () => {
		process.env.OIDC_ISSUER = 'http://127.0.0.1:9/';
		forgetDiscovery();
		try {
			const event = makeEvent({ path: '/login/oidc' });
			expect(await outcome(() => start(event as never))).toEqual(refusedWith('unavailable'));
		} finally {
			process.env.OIDC_ISSUER = ctx.provider.issuer;
			forgetDiscovery();
		}
	});
});
