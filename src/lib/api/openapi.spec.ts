import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from './openapi';
import { API_OPERATIONS } from './operations';

describe('the OpenAPI description', () => {
	const doc = openApiDocument('https://misjonskart.kommune.no');

	it('is a valid OpenAPI 3.1 document', async () => {
		const result = await new Validator().validate(structuredClone(doc) as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('describes every endpoint once, with its scope, parameters and answers', () => {
		const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
			Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)
		);
		expect(operations.sort()).toEqual(API_OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
		const sign = doc.paths['/arshjul/forekomster/{oppgave}/{enhet}/{periode}/signatur']!.post as {
			'x-scope': string;
			parameters: { name: string }[];
			requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
			responses: Record<string, unknown>;
		};
		expect(sign['x-scope']).toBe('write');
		expect(sign.parameters.map((p) => p.name)).toEqual([
			'oppgave',
			'enhet',
			'periode',
			'Idempotency-Key'
		]);
		expect(sign.requestBody.content['application/json'].schema.required).toEqual(['storedIn']);
		expect(Object.keys(sign.responses)).toEqual(
			expect.arrayContaining(['201', '401', '403', '409', '422', '429'])
		);
	});

	it('offers the Idempotency-Key header on the writes, and on nothing else', () => {
		type Op = {
			parameters?: { name: string; in: string; required: boolean; schema: object }[];
			responses: Record<string, { headers?: Record<string, unknown> }>;
		};
		for (const [path, methods] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(methods as Record<string, Op>)) {
				const header = op.parameters?.find((p) => p.name === 'Idempotency-Key');
				if (method === 'post') {
					expect(header, path).toMatchObject({
						in: 'header',
						required: false,
						schema: { type: 'string', maxLength: 255 }
					});
					expect(op.responses['201']!.headers, path).toHaveProperty('Idempotent-Replayed');
				} else {
					expect(header, path).toBeUndefined();
				}
			}
		}
		expect(doc.info.description).toContain('Idempotency-Key');
	});
});
