import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { userIdentity } from '$lib/server/db/schema';
import { forgetDiscovery } from '$lib/server/auth/oidc';
import { listUserIdentities } from '$lib/server/db/queries/oidc';
import { makeEvent, makeUser, outcome } from '../factories';
import { GET as start } from '../../src/routes/(auth)/login/oidc/+server';
import { refusedWith, useTestProvider } from './oidc-flow';

// `OIDC_ISSUER` with or without a trailing slash names one provider, while the id_token's `iss`
// is still checked exactly as the discovery document spells the issuer. The provider is mounted
// under a path, as Keycloak's realms are, so the slash is not one `new URL` adds by itself.
const { ctx, signInAs } = useTestProvider({ issuerPath: '/realms/kommune' });

/** Runs `body` with `OIDC_ISSUER` set to `issuer` and a fresh discovery. */
async function withIssuer<T>(issuer: string, body: () => Promise<T>): Promise<T> {
	const saved = process.env.OIDC_ISSUER;
	process.env.OIDC_ISSUER = issuer;
	forgetDiscovery();
	try {
		return await body();
	} finally {
		process.env.OIDC_ISSUER = saved;
		forgetDiscovery();
	}
}

describe('an issuer written with or without a trailing slash', () => {
	it('is one provider: the same person is found again, under one link', async () => {
		const issuer = ctx.provider.issuer;
		expect(issuer).toMatch(/\/realms\/kommune$/);
		const userId = await makeUser([], { email: 'skraastrek@test.no' });
		ctx.provider.people.set('skraastrek', { email: 'skraastrek@test.no', email_verified: true });
		const first = await withIssuer(issuer, () => signInAs('skraastrek'));
		expect(first.result.kind).toBe('redirect');
		// The setting written with the slash: discovery still finds the provider, and the person
		// is the one already linked, not a new link.
		const second = await withIssuer(`${issuer}/`, () => signInAs('skraastrek'));
		expect(second.result.kind).toBe('redirect');
		expect(listUserIdentities(userId)).toMatchObject([{ issuer, subject: 'skraastrek' }]);
		expect(listUserIdentities(userId)).toHaveLength(1);
	});

	it('a person first seen under the slash is stored without it', async () => {
		const userId = await makeUser([], { email: 'forst@test.no' });
		ctx.provider.people.set('forst', { email: 'forst@test.no', email_verified: true });
		const { result } = await withIssuer(`${ctx.provider.issuer}/`, () => signInAs('forst'));
		expect(result.kind).toBe('redirect');
		expect(listUserIdentities(userId)).toMatchObject([{ issuer: ctx.provider.issuer }]);
	});

	it('still checks the id_token’s iss exactly as the discovery document gives it', async () => {
		await makeUser([], { email: 'iss-skraa@test.no' });
		ctx.provider.people.set('iss-skraa', { email: 'iss-skraa@test.no', email_verified: true });
		const slashed = `${ctx.provider.issuer}/`;
		for (const setting of [ctx.provider.issuer, slashed]) {
			ctx.provider.setTamper({ claims: (c) => ({ ...c, iss: slashed }) });
			const { result } = await withIssuer(setting, () => signInAs('iss-skraa'));
			expect(result, setting).toEqual(refusedWith('invalid'));
		}
	});

	it('a provider that only looks alike is another: discovery refuses it', async () => {
		const started = await withIssuer(`${ctx.provider.issuer}x`, () =>
			outcome(() => start(makeEvent({ path: '/login/oidc' }) as never))
		);
		expect(started).toEqual(refusedWith('unavailable'));
	});
});

describe('the links stored before (migration 0035)', () => {
	it('lose their trailing slash, and a person linked under both spellings keeps one link', async () => {
		const a = await makeUser([], { email: 'gammel-a@test.no' });
		const b = await makeUser([], { email: 'gammel-b@test.no' });
		const now = new Date();
		db.insert(userIdentity)
			.values([
				{ issuer: 'https://idp.example/', subject: 'a', userId: a, linkedAt: now },
				{ issuer: 'https://idp.example/x/', subject: 'b', userId: b, linkedAt: now },
				{ issuer: 'https://idp.example/x', subject: 'b', userId: b, linkedAt: now }
			])
			.run();
		const sql = readFileSync('drizzle/0035_user_identity_issuer_without_slash.sql', 'utf8');
		for (const statement of sql.split('--> statement-breakpoint')) db.$client.exec(statement);
		expect(listUserIdentities(a)).toMatchObject([{ issuer: 'https://idp.example', subject: 'a' }]);
		expect(listUserIdentities(b)).toMatchObject([
			{ issuer: 'https://idp.example/x', subject: 'b' }
		]);
		expect(listUserIdentities(b)).toHaveLength(1);
	});
});
