import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as userActions,
	load as usersLoad
} from '../../src/routes/(app)/admin/brukere/+page.server';
import {
	actions as userDetailActions,
	load as userDetailLoad
} from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import {
	actions as unitActions,
	load as unitsLoad
} from '../../src/routes/(app)/admin/enheter/+page.server';
import { load as auditLoad } from '../../src/routes/(app)/admin/logg/+page.server';
import { load as adminLoad } from '../../src/routes/(app)/admin/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import type { Role } from '$lib/domain/org/vocabulary';
import { getUnit } from '$lib/server/db/queries/units';
import { getUserById } from '$lib/server/db/queries/users';
import { requireUser } from '$lib/server/auth/guards';

type Call = (signed: Signed | null) => Promise<unknown> | unknown;

let unitId: number;
let targetId: number;
const who: Partial<Record<Role | 'anonymous', Signed | null>> = {};

beforeAll(async () => {
	unitId = makeUnit('Avdeling Matrise');
	targetId = await makeUser([{ role: 'viewer' }]);
	for (const role of ['admin', 'steering', 'programme_leader', 'viewer'] as const) {
		who[role] = signIn(await makeUser([{ role }]));
	}
	who.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
	who.anonymous = null;
});

// Edit forms post the version they were loaded with: the row's current one.
const unitVersion = () => String(getUnit(unitId)!.version);

// Each admin load and action, with input that would succeed for an admin.
const calls: Record<string, Call> = {
	'admin home': (s) => adminLoad(makeEvent({ signed: s, path: '/admin' }) as never),
	'list users': (s) => usersLoad(makeEvent({ signed: s, path: '/admin/brukere' }) as never),
	'create user': (s) =>
		userActions.create!(
			makeEvent({
				signed: s,
				path: '/admin/brukere',
				form: { name: 'Ny Person', email: `ny${Math.random()}@test.no`, credential: 'link' }
			}) as never
		),
	'view user': (s) =>
		userDetailLoad(
			makeEvent({
				signed: s,
				path: `/admin/brukere/${targetId}`,
				params: { id: String(targetId) }
			}) as never
		),
	...Object.fromEntries(
		(
			[
				['rename user', 'rename', { name: 'Nytt Navn', version: 'current' }],
				['reset password', 'resetPassword', { credential: 'one_time_password' }],
				['add role', 'addRole', { role: 'steering', unitId: '' }],
				['deactivate user', 'deactivate', {}],
				['activate user', 'activate', {}]
			] as const
		).map(([label, action, form]) => [
			label,
			(s: Signed | null) =>
				userDetailActions[action]!(
					makeEvent({
						signed: s,
						path: `/admin/brukere/${targetId}`,
						params: { id: String(targetId) },
						// The name form carries the version it was loaded with: the user's current one.
						form:
							'version' in form
								? { ...form, version: String(getUserById(targetId)!.version) }
								: { ...form }
					}) as never
				)
		])
	),
	'list units': (s) => unitsLoad(makeEvent({ signed: s, path: '/admin/enheter' }) as never),
	'create unit': (s) =>
		unitActions.create!(
			makeEvent({ signed: s, form: { name: 'Ny enhet', parentId: '' } }) as never
		),
	'rename unit': (s) =>
		unitActions.rename!(
			makeEvent({
				signed: s,
				form: { unitId: String(unitId), name: 'Avdeling Matrise', version: unitVersion() }
			}) as never
		),
	'move unit': (s) =>
		unitActions.move!(
			makeEvent({
				signed: s,
				form: { unitId: String(unitId), parentId: '', version: unitVersion() }
			}) as never
		),
	'audit log': (s) => auditLoad(makeEvent({ signed: s, path: '/admin/logg' }) as never)
};

describe('admin role matrix', () => {
	for (const [label, call] of Object.entries(calls)) {
		it(`${label}: admin may`, async () => {
			const result = await outcome(() => call(who.admin!));
			expect(result.kind).toBe('ok');
		});

		for (const role of ['steering', 'programme_leader', 'unit_leader', 'viewer'] as const) {
			it(`${label}: ${role} gets 403`, async () => {
				const result = await outcome(() => call(who[role]!));
				expect(result).toMatchObject({ kind: 'error', status: 403 });
			});
		}

		it(`${label}: anonymous is sent to the login page`, async () => {
			const result = await outcome(() => call(null));
			expect(result).toMatchObject({ kind: 'redirect', status: 303 });
			expect((result as { location: string }).location).toMatch(/^\/login\?redirectTo=/);
		});
	}
});

describe('a post after the session ended', () => {
	it('sends the person to sign in and back to the page, not to the action', async () => {
		const event = makeEvent({ path: '/admin/brukere?side=2&/create', form: { name: 'X' } });
		const result = await outcome(() => requireUser(event as never));
		expect(result).toMatchObject({ kind: 'redirect', status: 303 });
		expect((result as { location: string }).location).toBe(
			`/login?redirectTo=${encodeURIComponent('/admin/brukere?side=2')}`
		);
	});
});

describe('admin actions answer bad input with 400 and Norwegian messages', () => {
	it('keeps the values and names each field', async () => {
		const result = await outcome(() =>
			userActions.create!(
				makeEvent({
					signed: who.admin!,
					form: { name: 'A', email: 'ikke-en-adresse', credential: '' }
				}) as never
			)
		);
		expect(result.kind).toBe('fail');
		if (result.kind !== 'fail') return;
		expect(result.status).toBe(400);
		expect(result.data.values).toMatchObject({ name: 'A', email: 'ikke-en-adresse' });
		expect(result.data.errors).toMatchObject({
			name: 'Skriv hele navnet (minst 2 tegn).',
			email: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
			credential: 'Velg hvordan brukeren skal få passord.'
		});
	});

	it('refuses a duplicate e-mail whatever its case', async () => {
		await makeUser([], { email: 'kari@kommune.no' });
		const result = await outcome(() =>
			userActions.create!(
				makeEvent({
					signed: who.admin!,
					form: { name: 'Kari To', email: 'KARI@Kommune.no', credential: 'link' }
				}) as never
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { email: 'Det finnes allerede en bruker med denne e-postadressen.' } }
		});
	});

	it('requires a unit for a unit leader role', async () => {
		const result = await outcome(() =>
			userDetailActions.addRole!(
				makeEvent({
					signed: who.admin!,
					params: { id: String(targetId) },
					form: { role: 'unit_leader', unitId: '' }
				}) as never
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { unitId: 'En enhetsleder må knyttes til en enhet.' } }
		});
	});

	it('answers 404 for a user that does not exist', async () => {
		const result = await outcome(() =>
			userDetailLoad(makeEvent({ signed: who.admin!, params: { id: '999999' } }) as never)
		);
		expect(result).toMatchObject({ kind: 'error', status: 404 });
	});
});
