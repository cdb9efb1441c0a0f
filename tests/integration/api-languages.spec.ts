import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '$lib/server/auth/api-token';
import { setUserLocale } from '$lib/server/db/queries/users';
import { makeUser, signIn } from '../factories';
import { makeMission } from '../factories/benefits';
import { callApi } from './api-client';

// An API error's message is for the person reading it: in the token owner's saved language,
// else the one Accept-Language asks for, else bokmål. Its `code` is for programs and stays.
const NOW = new Date('2026-11-16T09:00:00Z');
let readToken = '';
let nynorskToken = '';

function tokenFor(userId: number, scope: 'read' | 'write') {
	const form = new FormData();
	form.set('name', `Test ${scope}`);
	form.set('scope', scope);
	form.set('expiresOn', '2027-01-31');
	const answer = createApiToken(signIn(userId, NOW).user, form, NOW);
	if (!('token' in answer)) throw new Error('token not made');
	return answer.token.secret;
}

beforeAll(async () => {
	const leader = await makeUser([{ role: 'programme_leader' }]);
	makeMission(leader);
	readToken = tokenFor(leader, 'read');
	const nynorsk = await makeUser([{ role: 'programme_leader' }]);
	setUserLocale(nynorsk, 'nn', NOW);
	nynorskToken = tokenFor(nynorsk, 'read');
});

const error = async (
	method: 'GET' | 'POST',
	path: string,
	call: { token?: string; authorization?: string; acceptLanguage?: string; localeCookie?: string }
) => (await callApi(method, path, { ...call, body: {}, now: NOW })).body!.error;

describe('API errors in the reader’s language', () => {
	it('answer an unknown token in the language Accept-Language asks for, else bokmål', async () => {
		const bad = { authorization: 'Bearer mk_ukjent' };
		expect(await error('GET', '/api/v1/portefolje', { ...bad, acceptLanguage: 'en-GB' })).toEqual({
			code: 'invalid_token',
			message: 'The API token is unknown, expired or revoked, or its owner has been deactivated.'
		});
		expect((await error('GET', '/api/v1/portefolje', bad)).message).toBe(
			'API-tokenet er ukjent, utløpt eller trukket tilbake, eller eieren er deaktivert.'
		);
	});

	it('answer a token’s owner in their saved language before Accept-Language', async () => {
		const write = '/api/v1/gevinster/1/realiseringer';
		const en = await error('POST', write, { token: readToken, acceptLanguage: 'en' });
		expect(en).toMatchObject({
			code: 'forbidden',
			message: 'The token has read access only. Make one with write access.'
		});
		const nn = await error('POST', write, { token: nynorskToken, acceptLanguage: 'en' });
		expect(nn).toMatchObject({
			code: 'forbidden',
			message: 'Tokenet har berre lesetilgang. Lag eitt med skrivetilgang.'
		});
		// A language cookie is a browser's, not the token owner's choice.
		const cookie = await error('POST', write, { token: readToken, localeCookie: 'en' });
		expect(cookie.message).toBe('Tokenet har bare lesetilgang. Lag et med skrivetilgang.');
	});

	it('answer a bad parameter and an unknown address in that language too', async () => {
		const bad = await error('GET', '/api/v1/portefolje/prosjekter?spor=x', {
			token: readToken,
			acceptLanguage: 'en'
		});
		expect(bad).toMatchObject({
			code: 'bad_request',
			message: 'Invalid value in the parameter «spor».'
		});
		const missing = await error('GET', '/api/v1/finnes-ikke', {
			token: readToken,
			acceptLanguage: 'en'
		});
		expect(missing).toEqual({ code: 'not_found', message: 'What you asked for was not found.' });
	});
});
