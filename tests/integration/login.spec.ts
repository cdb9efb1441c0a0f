import { beforeEach, describe, expect, it, vi } from 'vitest';
import { actions as loginActions } from '../../src/routes/(auth)/login/+page.server';
import { actions as logoutActions } from '../../src/routes/(app)/logout/+page.server';
import { setUserActive } from '$lib/server/db/queries/users';
import { listSessionIdsForUser } from '$lib/server/db/queries/sessions';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { makeEvent, makeUser, outcome, signIn, TEST_PASSWORD } from '../factories';

// Counts every argon2 verification (real accounts and the dummy hash alike) while still doing
// the real work, so a test sees how many password guesses were actually checked.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (...args: Parameters<typeof real.verify>) => {
			argon2.verifications += 1;
			return real.verify(...args);
		}
	};
});
beforeEach(() => {
	argon2.verifications = 0;
});

function login(
	email: string,
	password: string,
	ip = '10.0.0.1',
	signed = null as ReturnType<typeof signIn> | null
) {
	const event = makeEvent({ path: '/login', form: { email, password }, ip, signed });
	return { event, result: outcome(() => loginActions.default!(event as never)) };
}

describe('login', () => {
	it('signs in with a fresh session token in an httpOnly cookie', async () => {
		const userId = await makeUser([], { email: 'ola@test.no' });
		const { event, result } = login('OLA@test.no', TEST_PASSWORD);
		expect(await result).toMatchObject({ kind: 'redirect', status: 303, location: '/' });
		const token = event.cookies.jar.get(SESSION_COOKIE)!;
		expect(validateSessionToken(token, new Date()).user?.id).toBe(userId);
	});

	it('ends the session the browser carried when signing in again (fixation)', async () => {
		const userId = await makeUser([], { email: 'fix@test.no' });
		const old = signIn(userId);
		const { result } = login('fix@test.no', TEST_PASSWORD, '10.0.0.9', old);
		expect((await result).kind).toBe('redirect');
		expect(validateSessionToken(old.token, new Date()).session).toBeNull();
		expect(listSessionIdsForUser(userId)).toHaveLength(1);
	});

	it('answers a wrong password and an unknown e-mail alike', async () => {
		await makeUser([], { email: 'kjent@test.no' });
		const wrong = await login('kjent@test.no', 'feil-passord-her', '10.0.0.2').result;
		const unknown = await login('ukjent@test.no', 'feil-passord-her', '10.0.0.3').result;
		// Same status and same words; only the echoed e-mail differs.
		const strip = (o: typeof wrong) => ({
			...o,
			data: { ...(o as { data: object }).data, values: null }
		});
		expect(strip(wrong)).toEqual(strip(unknown));
		expect(wrong).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: 'Feil e-post eller passord.' } }
		});
	});

	it('refuses a deactivated user with the same answer', async () => {
		const adminId = await makeUser([{ role: 'admin' }]);
		const userId = await makeUser([], { email: 'borte@test.no' });
		setUserActive(userId, false, adminId, new Date());
		expect(await login('borte@test.no', TEST_PASSWORD, '10.0.0.4').result).toMatchObject({
			kind: 'fail',
			data: { errors: { _form: 'Feil e-post eller passord.' } }
		});
	});

	it('slows down an account after five failures, even with the right password', async () => {
		await makeUser([], { email: 'gjett@test.no' });
		for (let i = 0; i < 5; i++) {
			const r = await login('gjett@test.no', `feil-${i}-xxxxxxxx`, `10.1.0.${i}`).result;
			expect(r).toMatchObject({ kind: 'fail', status: 400 });
		}
		const blocked = await login('gjett@test.no', TEST_PASSWORD, '10.1.1.1').result;
		expect(blocked).toMatchObject({ kind: 'fail', status: 429 });
		expect((blocked as { data: { errors: { _form: string } } }).data.errors._form).toMatch(
			/For mange mislykkede forsøk\. Vent \d+ sekunder/
		);
	});

	it('slows down an address that tries many accounts', async () => {
		for (let i = 0; i < 20; i++) {
			await login(`konto${i}@test.no`, 'feil-passord-her', '10.9.9.9').result;
		}
		await makeUser([], { email: 'uskyldig@test.no' });
		const blocked = await login('uskyldig@test.no', TEST_PASSWORD, '10.9.9.9').result;
		expect(blocked).toMatchObject({ kind: 'fail', status: 429 });
		const elsewhere = await login('uskyldig@test.no', TEST_PASSWORD, '10.9.9.10').result;
		expect(elsewhere.kind).toBe('redirect');
	});

	it('checks at most five of 40 parallel wrong passwords for one account', async () => {
		await makeUser([], { email: 'storm@test.no' });
		const guesses = Array.from(
			{ length: 40 },
			(_, i) => login('storm@test.no', `feil-${i}-xxxxxxxx`, `10.2.0.${i}`).result
		);
		const results = await Promise.all(guesses);
		expect(argon2.verifications).toBeLessThanOrEqual(5);
		expect(results.filter((r) => r.kind === 'fail' && r.status === 400)).toHaveLength(
			argon2.verifications
		);
		expect(results.filter((r) => r.kind === 'fail' && r.status === 429)).toHaveLength(
			40 - argon2.verifications
		);
		// The right password, sent after the storm, is refused unchecked while the account waits.
		const right = await login('storm@test.no', TEST_PASSWORD, '10.2.1.1').result;
		expect(right).toMatchObject({ kind: 'fail', status: 429 });
		expect(argon2.verifications).toBeLessThanOrEqual(5);
	});

	it('does not let the right password win a race against 39 wrong ones', async () => {
		await makeUser([], { email: 'kapplop@test.no' });
		const guesses = Array.from(
			{ length: 40 },
			(_, i) =>
				login('kapplop@test.no', i === 39 ? TEST_PASSWORD : `feil-${i}-xxxxxxxx`, `10.3.0.${i}`)
					.result
		);
		const results = await Promise.all(guesses);
		expect(results.filter((r) => r.kind === 'redirect')).toHaveLength(0);
		expect(results.filter((r) => r.kind === 'fail' && r.status === 429)).toHaveLength(
			40 - argon2.verifications
		);
		expect(argon2.verifications).toBeLessThanOrEqual(5);
	});

	it('checks at most twenty of 40 parallel guesses from one address', async () => {
		const guesses = Array.from(
			{ length: 40 },
			(_, i) => login(`spredt${i}@test.no`, 'feil-passord-her', '10.4.4.4').result
		);
		const results = await Promise.all(guesses);
		expect(argon2.verifications).toBeLessThanOrEqual(20);
		expect(results.filter((r) => r.kind === 'fail' && r.status === 429)).toHaveLength(
			40 - argon2.verifications
		);
	});

	it('gives a shared address back the attempts of users who signed in', async () => {
		const emails = Array.from({ length: 25 }, (_, i) => `kollega${i}@test.no`);
		for (const email of emails) await makeUser([], { email });
		// More parallel sign-ins than the address's free failures: each is counted while its hash
		// runs, so those beyond twenty are asked to wait; each success gives its attempt back.
		const rush = await Promise.all(emails.map((e) => login(e, TEST_PASSWORD, '10.5.5.5').result));
		expect(rush.filter((r) => r.kind === 'redirect').length).toBeGreaterThanOrEqual(20);
		expect(
			rush.every((r) => r.kind === 'redirect' || (r.kind === 'fail' && r.status === 429))
		).toBe(true);
		// Nothing is left counted against the address: a whole office signs in one by one.
		for (const email of emails) {
			expect((await login(email, TEST_PASSWORD, '10.5.5.5').result).kind).toBe('redirect');
		}
	});

	it('keeps the address counting other failures after one user signs in', async () => {
		await makeUser([], { email: 'riktig@test.no' });
		for (let i = 0; i < 19; i++) {
			await login(`feiler${i}@test.no`, 'feil-passord-her', '10.6.6.6').result;
		}
		expect((await login('riktig@test.no', TEST_PASSWORD, '10.6.6.6').result).kind).toBe('redirect');
		// The twentieth failure from the address starts its wait.
		await login('feiler19@test.no', 'feil-passord-her', '10.6.6.6').result;
		expect(await login('riktig@test.no', TEST_PASSWORD, '10.6.6.6').result).toMatchObject({
			kind: 'fail',
			status: 429
		});
	});

	it('validates input with Norwegian messages and keeps the e-mail, not the password', async () => {
		const result = await login('', '').result;
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { email: 'Skriv e-postadressen.', password: 'Skriv passordet.' } }
		});
		expect((result as { data: { values: object } }).data.values).not.toHaveProperty('password');
	});

	it('logout ends the session', async () => {
		const signed = signIn(await makeUser());
		const result = await outcome(() =>
			logoutActions.default!(makeEvent({ signed, path: '/logout', form: {} }) as never)
		);
		expect(result).toMatchObject({ kind: 'redirect', location: '/login' });
		expect(validateSessionToken(signed.token, new Date()).session).toBeNull();
	});
});
