import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleFormPosts } from './form-posts';

const resolved = new Response('fra ruten', { status: 200 });

async function post(path: string, contentType: string | null, method = 'POST') {
	const url = new URL(path, 'http://localhost');
	const headers = new Headers(contentType ? { 'Content-Type': contentType } : {});
	const event = { url, request: new Request(url, { method, headers }) } as RequestEvent;
	const response = await handleFormPosts({ event, resolve: () => resolved });
	return { status: response.status, body: await response.clone().text() };
}

describe('POSTs that are not a form action of the route', () => {
	it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
		'?/%s is 404 in Norwegian, whoever asks',
		async (name) => {
			expect(await post(`/login?/${name}`, 'application/x-www-form-urlencoded')).toEqual({
				status: 404,
				body: 'Fant ikke skjemahandlingen.'
			});
		}
	);

	it('a JSON body is 415 in Norwegian; form bodies and other methods go to the route', async () => {
		expect(await post('/gevinster/1?/update', 'application/json')).toEqual({
			status: 415,
			body: 'Skjemaet kunne ikke leses: send det som et vanlig skjema.'
		});
		expect((await post('/login', null)).status).toBe(415);
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain;charset=UTF-8'
		])
			expect(await post('/gevinster/1?/update', type)).toEqual({ status: 200, body: 'fra ruten' });
		expect((await post('/gevinster/1', 'application/json', 'GET')).status).toBe(200);
	});
});
