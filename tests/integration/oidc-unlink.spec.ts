import { describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import { getUserByEmail } from '$lib/server/db/queries/users';
import { validateSessionToken } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import { makeEvent, makeUser, outcome, signIn } from '../factories';
import { auditActions, refusedWith, useTestProvider } from './oidc-flow';

// An administrator unlinks a person's identity at the provider (their account there was made
// again, with a new subject); the next sign-in finds the account by verified e-mail again.
const { ctx, signInAs } = useTestProvider();
const NOW = new Date();

type UserPage = { identities: { issuer: string; subject: string; linkedAt: number }[] };

async function pageOf(adminId: number, userId: number): Promise<UserPage> {
	const result = await outcome(() =>
		load(
			makeEvent({
				signed: signIn(adminId, NOW),
				path: `/admin/brukere/${userId}`,
				params: { id: String(userId) },
				now: NOW
			}) as never
		)
	);
	if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
	return result.data as UserPage;
}

function unlink(actorId: number, userId: number, form: Record<string, string>) {
	return outcome(() =>
		actions.unlinkIdentity!(
			makeEvent({
				signed: signIn(actorId, NOW),
				path: `/admin/brukere/${userId}?/unlinkIdentity`,
				params: { id: String(userId) },
				form,
				now: NOW
			}) as never
		)
	);
}

describe('unlinking a person’s identity at the provider', () => {
	it('shows the link, unlinks it with a confirmation and an audit row, and the next sign-in matches by e-mail', async () => {
		const adminId = await makeUser([{ role: 'admin' }]);
		const userId = await makeUser([{ role: 'viewer' }], { email: 'per@test.no' });
		ctx.provider.people.set('per-gammel', { email: 'per@test.no', email_verified: true });
		const first = await signInAs('per-gammel');
		expect(validateSessionToken(first.session!, new Date()).user?.id).toBe(userId);

		// The provider's account is made again: a new subject with the same address is refused.
		ctx.provider.people.set('per-ny', { email: 'per@test.no', email_verified: true });
		expect((await signInAs('per-ny')).result).toEqual(refusedWith('identity_mismatch'));

		// The issuer as the provider's discovery names it (with its trailing slash).
		const page = await pageOf(adminId, userId);
		const issuer = page.identities[0]!.issuer;
		expect(issuer.replace(/\/$/, '')).toBe(ctx.provider.issuer.replace(/\/$/, ''));
		expect(page.identities).toEqual([
			{ issuer, subject: 'per-gammel', linkedAt: expect.any(Number) }
		]);
		const identity = { issuer, subject: 'per-gammel' };

		// Without the confirmation nothing happens.
		const unconfirmed = await unlink(adminId, userId, identity);
		expect(unconfirmed).toMatchObject({ kind: 'fail', status: 400 });
		expect((unconfirmed as { data: { errors: Record<string, string> } }).data.errors.confirm).toBe(
			'Kryss av for å bekrefte at du vil koble fra.'
		);
		expect((await pageOf(adminId, userId)).identities).toHaveLength(1);

		// Another subject than the account's is not found, and nothing is unlinked.
		const wrong = await unlink(adminId, userId, { ...identity, subject: 'per-ny', confirm: 'on' });
		expect(wrong).toMatchObject({ kind: 'fail', status: 400 });
		expect((await pageOf(adminId, userId)).identities).toHaveLength(1);

		const before = db.select({ id: auditLog.id }).from(auditLog).all().length;
		const done = await unlink(adminId, userId, { ...identity, confirm: 'on' });
		expect(done).toMatchObject({ kind: 'ok', data: { action: 'unlinkIdentity' } });
		expect((await pageOf(adminId, userId)).identities).toEqual([]);
		const rows = db.select().from(auditLog).all().slice(before);
		expect(rows).toMatchObject([
			{
				actorId: adminId,
				entity: 'user',
				entityId: String(userId),
				action: 'identity_unlink',
				before: { issuer, subject: 'per-gammel' }
			}
		]);

		// With no link left, the action has nothing to take away.
		expect(await unlink(adminId, userId, { ...identity, confirm: 'on' })).toMatchObject({
			kind: 'error',
			status: 404
		});

		// The new account at the provider signs in, by the verified address, and is linked.
		const again = await signInAs('per-ny');
		expect(validateSessionToken(again.session!, new Date()).user?.id).toBe(userId);
		expect((await pageOf(adminId, userId)).identities).toMatchObject([{ subject: 'per-ny' }]);
		expect(getUserByEmail('per@test.no')?.id).toBe(userId);
		expect(auditActions(userId)).toEqual(
			expect.arrayContaining(['sso_sign_in', 'identity_unlink', 'sso_sign_in'])
		);
		// And the old subject no longer opens the account.
		expect((await signInAs('per-gammel')).result).toEqual(refusedWith('identity_mismatch'));
	});

	it('is for administrators only', async () => {
		const userId = await makeUser([], { email: 'lise@test.no' });
		ctx.provider.people.set('lise', { email: 'lise@test.no', email_verified: true });
		await signInAs('lise');
		const leaderId = await makeUser([{ role: 'programme_leader' }]);
		const adminId = await makeUser([{ role: 'admin' }]);
		const { issuer } = (await pageOf(adminId, userId)).identities[0]!;
		const identity = { issuer, subject: 'lise', confirm: 'on' };
		expect(await unlink(leaderId, userId, identity)).toMatchObject({ kind: 'error', status: 403 });
		expect(await unlink(userId, userId, identity)).toMatchObject({ kind: 'error', status: 403 });
		expect((await pageOf(adminId, userId)).identities).toHaveLength(1);
	});
});
