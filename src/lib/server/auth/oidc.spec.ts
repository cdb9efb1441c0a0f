import { describe, expect, it } from 'vitest';
import { passwordLoginEnabled, readOidcSettings } from './oidc';

const BASE = { OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'klient' };

describe('the single sign-on settings', () => {
	it('are off without an issuer', () => {
		expect(readOidcSettings({})).toBeNull();
		expect(readOidcSettings({ OIDC_ISSUER: '  ' })).toBeNull();
	});

	it('take the defaults the README gives', () => {
		expect(readOidcSettings(BASE)).toMatchObject({
			clientId: 'klient',
			clientSecret: null,
			scopes: 'openid email profile',
			providerName: 'kommunens brukerkonto',
			claims: { email: 'email', emailVerified: 'email_verified', name: 'name', groups: 'groups' },
			groupRoles: [],
			provision: true,
			redirectUri: null
		});
	});

	it('read every setting', () => {
		const settings = readOidcSettings({
			...BASE,
			OIDC_CLIENT_SECRET: 's',
			OIDC_EMAIL_CLAIM: 'preferred_username',
			OIDC_EMAIL_VERIFIED_CLAIM: 'none',
			OIDC_GROUPS_CLAIM: 'roles',
			OIDC_GROUP_ROLES: 'Misjonskart.Admin=admin',
			OIDC_PROVISION: 'off',
			OIDC_REDIRECT_URI: 'https://misjonskart.kommune.no/login/oidc/svar'
		});
		expect(settings).toMatchObject({
			clientSecret: 's',
			claims: { email: 'preferred_username', emailVerified: null, groups: 'roles' },
			groupRoles: [{ group: 'Misjonskart.Admin', role: 'admin', unitId: null }],
			provision: false,
			redirectUri: 'https://misjonskart.kommune.no/login/oidc/svar'
		});
	});

	it('stop the start when they are wrong, naming the setting', () => {
		expect(() => readOidcSettings({ OIDC_ISSUER: BASE.OIDC_ISSUER })).toThrow('OIDC_CLIENT_ID');
		expect(() => readOidcSettings({ ...BASE, OIDC_ISSUER: 'ikke en adresse' })).toThrow(
			'OIDC_ISSUER'
		);
		expect(() => readOidcSettings({ ...BASE, OIDC_GROUP_ROLES: 'g=sjef' })).toThrow(
			'OIDC_GROUP_ROLES'
		);
		expect(() => readOidcSettings({ ...BASE, OIDC_PROVISION: 'maybe' })).toThrow(
			'OIDC_PROVISION er verken på eller av: «maybe»'
		);
	});

	it('want https, except for a provider on this machine', () => {
		for (const issuer of ['http://example.com', 'ftp://example.com', 'http://idp.kommune.no/x']) {
			expect(() => readOidcSettings({ ...BASE, OIDC_ISSUER: issuer })).toThrow(
				`OIDC_ISSUER må være en https-adresse: «${issuer}»`
			);
		}
		for (const issuer of ['http://localhost:9000/x', 'http://127.0.0.1:9000', 'http://[::1]:9']) {
			expect(readOidcSettings({ ...BASE, OIDC_ISSUER: issuer })?.issuer.href).toBe(
				new URL(issuer).href
			);
		}
	});

	it('are spelled right even while sign-on is off', () => {
		expect(() => readOidcSettings({ OIDC_GROUP_ROLES: 'foo' })).toThrow('OIDC_GROUP_ROLES');
		expect(() => readOidcSettings({ OIDC_PROVISION: 'kanskje' })).toThrow('OIDC_PROVISION');
		expect(readOidcSettings({ OIDC_GROUP_ROLES: 'g=admin', OIDC_PROVISION: 'av' })).toBeNull();
	});
});

describe('password sign-in', () => {
	it('is on unless switched off', () => {
		expect(passwordLoginEnabled({})).toBe(true);
		expect(passwordLoginEnabled({ PASSWORD_LOGIN: 'on' })).toBe(true);
		expect(passwordLoginEnabled({ PASSWORD_LOGIN: 'off' })).toBe(false);
		expect(passwordLoginEnabled({ PASSWORD_LOGIN: 'OFF ' })).toBe(false);
	});
});
