import { afterEach, describe, expect, it, vi } from 'vitest';
import { listUserIdentities } from '$lib/server/db/queries/oidc';
import { makeUser } from '../factories';
import { refusedWith, useTestProvider } from './oidc-flow';

// The provider's signing keys (JWKS): fetched once and kept, and fetched again at once when an
// id_token names a key the kept set does not hold, as after the provider rotates its key.
const { ctx, signInAs } = useTestProvider();

describe('the provider’s signing keys', () => {
	it('are kept between sign-ins, and a rotated key is fetched by the first sign-in that meets it', async () => {
		await makeUser([], { email: 'rotasjon@test.no' });
		ctx.provider.people.set('rotasjon', { email: 'rotasjon@test.no', email_verified: true });
		expect((await signInAs('rotasjon')).result.kind).toBe('redirect');
		const fetched = ctx.provider.jwksFetches();
		expect(fetched).toBeGreaterThan(0);
		// Kept: the next sign-in fetches nothing.
		expect((await signInAs('rotasjon')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched);
		// The provider rotates at once: a new kid, and the old key withdrawn. The very next
		// sign-in, seconds after the keys were fetched, fetches them again and gets in.
		ctx.provider.rotateKey();
		expect((await signInAs('rotasjon')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched + 1);
		expect((await signInAs('rotasjon')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched + 1);
		// A second rotation, just as soon.
		ctx.provider.rotateKey();
		expect((await signInAs('rotasjon')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched + 2);
	});

	afterEach(() => {
		vi.useRealTimers();
	});

	it('are kept after a rotation even when both fetches fall in the same second', async () => {
		// The library dates a fetched set in whole seconds: with the clock standing still, the
		// rotated set carries the same date as the set it replaces, and must still be kept.
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
		await makeUser([], { email: 'samme.sekund@test.no' });
		ctx.provider.people.set('samme', { email: 'samme.sekund@test.no', email_verified: true });
		ctx.provider.rotateKey();
		expect((await signInAs('samme')).result.kind).toBe('redirect');
		const fetched = ctx.provider.jwksFetches();
		ctx.provider.rotateKey();
		expect((await signInAs('samme')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched + 1);
		expect((await signInAs('samme')).result.kind).toBe('redirect');
		expect(ctx.provider.jwksFetches()).toBe(fetched + 1);
	});

	it('still refuse a token signed by a key the provider does not publish', async () => {
		ctx.provider.people.set('falsk', { email: 'falsk@test.no', email_verified: true });
		await makeUser([], { email: 'falsk@test.no' });
		ctx.provider.setTamper({ foreignKey: true });
		expect((await signInAs('falsk')).result).toEqual(refusedWith('invalid'));
	});
});

describe('the provider a person is linked to', () => {
	it('is stored as the issuer without a trailing slash', async () => {
		const userId = await makeUser([], { email: 'rot@test.no' });
		ctx.provider.people.set('rot', { email: 'rot@test.no', email_verified: true });
		expect(ctx.provider.issuer.endsWith('/')).toBe(false);
		expect((await signInAs('rot')).result.kind).toBe('redirect');
		expect(listUserIdentities(userId)).toMatchObject([
			{ issuer: ctx.provider.issuer, subject: 'rot' }
		]);
	});
});
