import { describe, expect, it } from 'vitest';
import {
	actions as setPasswordActions,
	load as setPasswordLoad
} from '../../src/routes/(auth)/passord/+page.server';
import { actions as userDetailActions } from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import { getUserById } from '$lib/server/db/queries/users';
import { validateSessionToken } from '$lib/server/auth/session';
import { verifyPassword } from '$lib/server/auth/password';
import { makeEvent, makeUser, outcome, signIn } from '../factories';

describe('set-password links', () => {
	it('an admin reset ends sessions, kills the old password, and the link works once', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const userId = await makeUser();
		const userSession = signIn(userId);
		const params = { id: String(userId) };

		const reset = await outcome(() =>
			userDetailActions.resetPassword!(
				makeEvent({ signed: admin, params, form: { credential: 'link' } }) as never
			)
		);
		expect(reset.kind).toBe('ok');
		const linkPath = (reset as { data: { reset: { linkPath: string } } }).data.reset.linkPath;
		expect(linkPath).toMatch(/^\/passord\?token=[a-z2-7]{32}$/);
		expect(validateSessionToken(userSession.token, new Date()).session).toBeNull();
		expect(getUserById(userId)!.passwordHash).toBeNull();

		const page = await outcome(() => setPasswordLoad(makeEvent({ path: linkPath }) as never));
		expect(page.kind).toBe('ok');

		const mismatch = await outcome(() =>
			setPasswordActions.default!(
				makeEvent({
					path: linkPath,
					form: { password: 'et-nytt-langt-passord', confirm: 'noe-annet-helt' }
				}) as never
			)
		);
		expect(mismatch).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { confirm: 'Passordene er ikke like.' } }
		});

		const done = await outcome(() =>
			setPasswordActions.default!(
				makeEvent({
					path: linkPath,
					form: { password: 'et-nytt-langt-passord', confirm: 'et-nytt-langt-passord' }
				}) as never
			)
		);
		expect(done).toMatchObject({ kind: 'redirect', location: '/login?passordSatt=1' });
		expect(await verifyPassword(getUserById(userId)!.passwordHash!, 'et-nytt-langt-passord')).toBe(
			true
		);

		const reused = await outcome(() => setPasswordLoad(makeEvent({ path: linkPath }) as never));
		expect(reused).toMatchObject({ kind: 'error', status: 404 });
	});

	it('refuses a made-up token', async () => {
		const result = await outcome(() =>
			setPasswordLoad(
				makeEvent({ path: '/passord?token=abcdefghijklmnopqrstuvwxyz234567' }) as never
			)
		);
		expect(result).toMatchObject({ kind: 'error', status: 404 });
	});

	it('with password sign-in off, a link sets no password and stays unused', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const userId = await makeUser();
		const reset = await outcome(() =>
			userDetailActions.resetPassword!(
				makeEvent({
					signed: admin,
					params: { id: String(userId) },
					form: { credential: 'link' }
				}) as never
			)
		);
		const linkPath = (reset as { data: { reset: { linkPath: string } } }).data.reset.linkPath;
		process.env.PASSWORD_LOGIN = 'off';
		try {
			const page = await outcome(() => setPasswordLoad(makeEvent({ path: linkPath }) as never));
			expect(page).toMatchObject({ kind: 'ok', data: { passwordLogin: false } });
			const tried = await outcome(() =>
				setPasswordActions.default!(
					makeEvent({
						path: linkPath,
						form: { password: 'et-nytt-langt-passord', confirm: 'et-nytt-langt-passord' }
					}) as never
				)
			);
			expect(tried).toMatchObject({
				kind: 'fail',
				status: 403,
				data: { errors: { _form: expect.stringContaining('slått av') } }
			});
			expect(getUserById(userId)!.passwordHash).toBeNull();
		} finally {
			delete process.env.PASSWORD_LOGIN;
		}
		// Switched on again, the same link still works.
		const page = await outcome(() => setPasswordLoad(makeEvent({ path: linkPath }) as never));
		expect(page).toMatchObject({ kind: 'ok', data: { passwordLogin: true } });
	});

	it('with password sign-in off, an administrator cannot reset a password', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const userId = await makeUser();
		const userSession = signIn(userId);
		process.env.PASSWORD_LOGIN = 'off';
		try {
			const reset = await outcome(() =>
				userDetailActions.resetPassword!(
					makeEvent({
						signed: admin,
						params: { id: String(userId) },
						form: { credential: 'one_time_password' }
					}) as never
				)
			);
			expect(reset).toMatchObject({
				kind: 'fail',
				status: 400,
				data: { errors: { _form: expect.stringContaining('slått av') } }
			});
			// Nothing happened to the user: still signed in.
			expect(validateSessionToken(userSession.token, new Date()).session).not.toBeNull();
		} finally {
			delete process.env.PASSWORD_LOGIN;
		}
	});
});
