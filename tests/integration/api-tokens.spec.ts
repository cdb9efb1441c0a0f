import { beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/konto/api/+page.server';
import { db } from '$lib/server/db';
import { apiToken, auditLog } from '$lib/server/db/schema';
import { hashToken } from '$lib/server/auth/tokens';
import { API_TOKEN_PATTERN, MAX_LIVE_TOKENS } from '$lib/domain/auth/api-token';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';

// 00:30 on 1 January in Oslo, still New Year's Eve in UTC: days are counted from Oslo's today.
const NOW = new Date('2026-12-31T23:30:00Z');
let alice: Signed;
let bob: Signed;

const post = (
	signed: Signed | null,
	action: 'createToken' | 'revokeToken',
	form: Record<string, string>
) =>
	outcome(() =>
		actions[action]!(makeEvent({ signed, path: '/konto/api', form, now: NOW }) as never)
	);

const create = (signed: Signed, fields: Partial<Record<string, string>> = {}) =>
	post(signed, 'createToken', {
		name: 'Økonomisystemet',
		scope: 'write',
		expiresOn: '2027-06-30',
		...fields
	});

const audit = (action: string) =>
	db
		.select()
		.from(auditLog)
		.all()
		.filter((a) => a.entity === 'api_token' && a.action === action);

beforeAll(async () => {
	alice = signIn(await makeUser([{ role: 'programme_leader' }]), NOW);
	bob = signIn(await makeUser([{ role: 'viewer' }]), NOW);
});

describe('making a token on the account page', () => {
	it('shows the secret once, keeps only its hash, and writes an audit row', async () => {
		const answer = await create(alice);
		expect(answer.kind).toBe('ok');
		const { token, success } = (
			answer as { data: { token: { secret: string; id: number }; success: string } }
		).data;
		expect(token.secret).toMatch(API_TOKEN_PATTERN);
		expect(success).toContain('vises bare denne ene gangen');
		const row = db
			.select()
			.from(apiToken)
			.all()
			.find((t) => t.id === token.id)!;
		expect(row).toMatchObject({
			tokenHash: hashToken(token.secret),
			scope: 'write',
			expiresOn: '2027-06-30'
		});
		expect(JSON.stringify(row)).not.toContain(token.secret);
		expect(audit('create').at(-1)).toMatchObject({
			actorId: alice.user.id,
			entityId: String(token.id)
		});
		const page = (await outcome(() =>
			load(makeEvent({ signed: alice, path: '/konto/api', now: NOW }) as never)
		)) as {
			data: { tokens: { name: string; state: string }[]; today: string; latestExpiry: string };
		};
		expect(page.data.tokens).toMatchObject([{ name: 'Økonomisystemet', state: 'live' }]);
		expect(JSON.stringify(page.data)).not.toContain(token.secret);
		// Oslo's today, not UTC's.
		expect(page.data.today).toBe('2027-01-01');
		expect(page.data.latestExpiry).toBe('2028-01-01');
	});

	it.each([
		[{ name: '' }, 'name', 'Gi tokenet et navn, for eksempel systemet som skal bruke det'],
		[{ scope: 'admin' }, 'scope', 'Velg om tokenet bare skal lese, eller også skrive'],
		[{ expiresOn: '2026-12-31' }, 'expiresOn', 'Siste gyldige dag kan ikke være før i dag'],
		[
			{ expiresOn: '2028-01-02' },
			'expiresOn',
			'Et token kan vare høyst ett år, til og med 2028-01-01'
		],
		[{ expiresOn: '2027-02-30' }, 'expiresOn', 'Skriv en dato som finnes']
	])('refuses %o with a message on %s', async (fields, field, message) => {
		const before = db.select().from(apiToken).all().length;
		const answer = await create(alice, fields);
		expect(answer).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { [field]: message } }
		});
		expect(db.select().from(apiToken).all().length).toBe(before);
	});

	it(`allows at most ${MAX_LIVE_TOKENS} live tokens`, async () => {
		for (let i = 0; i < MAX_LIVE_TOKENS; i++) expect((await create(bob)).kind).toBe('ok');
		expect(await create(bob)).toMatchObject({ kind: 'fail', status: 400 });
	});
});

describe('revoking a token', () => {
	it('revokes one’s own, with an audit row, and not another’s', async () => {
		const made = (await create(alice, { name: 'Rapportverktøy' })) as {
			data: { token: { id: number } };
		};
		const id = String(made.data.token.id);
		expect(await post(bob, 'revokeToken', { tokenId: id })).toMatchObject({
			kind: 'fail',
			status: 404
		});
		expect(
			db
				.select()
				.from(apiToken)
				.all()
				.find((t) => t.id === Number(id))!.revokedAt
		).toBeNull();
		const done = await post(alice, 'revokeToken', { tokenId: id });
		expect(done).toMatchObject({
			kind: 'ok',
			data: { success: 'Tokenet «Rapportverktøy» er trukket tilbake og virker ikke lenger.' }
		});
		expect(audit('revoke').at(-1)).toMatchObject({ actorId: alice.user.id, entityId: id });
		expect(await post(alice, 'revokeToken', { tokenId: id })).toMatchObject({
			kind: 'fail',
			status: 404
		});
	});

	it('sends someone not signed in to the login page', async () => {
		expect(await post(null, 'revokeToken', { tokenId: '1' })).toMatchObject({ kind: 'redirect' });
	});
});
