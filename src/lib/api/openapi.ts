/**
 * The OpenAPI 3.1 description of the JSON API, generated from the endpoints' zod schemas
 * (./operations.ts) with zod's own `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1
 * uses as is). Request schemas describe what a client sends (`io: 'input'`), answers what it
 * gets.
 */
import { z } from 'zod';
import { API_RATE, MAX_TOKEN_DAYS } from '$lib/domain/auth/api-token';
import { errorResponseSchema } from '$lib/schemas/api';
import { API_OPERATIONS, IDEMPOTENCY_KEY_TEXT, type ApiOperation } from './operations';
import { IDEMPOTENCY_KEY_MAX } from '$lib/domain/auth/idempotency';

export const API_VERSION = '1.0.0';

const STATUS_TEXT: Record<number, string> = {
	200: 'Svaret.',
	201: 'Lagret.',
	400: 'Forespørselen kunne ikke leses, eller en sidelenke er ugyldig.',
	401: 'Mangler gyldig token (ukjent, utløpt, trukket tilbake, eller eieren er deaktivert).',
	403: 'Tokenets eier eller omfang gir ikke tilgang.',
	404: 'Finnes ikke.',
	409: 'I konflikt med det som er lagret.',
	415: 'Innholdet er ikke application/json.',
	422: 'Noen felt er ikke gyldige; `fields` har en melding per felt.',
	429: 'For mange forespørsler; se `Retry-After`.'
};

function schema(s: z.ZodType, io: 'input' | 'output') {
	const json = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' });
	delete json.$schema;
	return json;
}

const errorResponse = (status: number) => ({
	description: STATUS_TEXT[status],
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

function operation(op: ApiOperation) {
	const query = op.query
		? (schema(op.query, 'input') as { properties?: object; required?: string[] })
		: null;
	const parameters = [
		...op.pathParams.map((p) => ({
			name: p.name,
			in: 'path',
			required: true,
			description: p.description,
			schema: { type: 'string', pattern: p.pattern }
		})),
		...Object.entries(query?.properties ?? {}).map(([name, s]) => {
			const { description, ...rest } = s as { description?: string };
			return {
				name,
				in: 'query',
				required: query?.required?.includes(name) ?? false,
				description,
				schema: rest
			};
		}),
		...(op.idempotent
			? [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: false,
						description: IDEMPOTENCY_KEY_TEXT,
						schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX },
						example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"'
					}
				]
			: [])
	];
	const errors = [...new Set([...op.errors, 401, 429])].sort();
	return {
		operationId: op.id,
		summary: op.summary,
		description: `${op.description}\n\nHvem: ${op.who} Omfang: ${op.scope === 'write' ? 'write' : 'read'}.`,
		security: [{ bearer: [] }],
		'x-scope': op.scope,
		...(parameters.length ? { parameters } : {}),
		...(op.body
			? {
					requestBody: {
						required: true,
						content: { 'application/json': { schema: schema(op.body, 'input') } }
					}
				}
			: {}),
		responses: {
			[String(op.status)]: {
				description: STATUS_TEXT[op.status],
				...(op.idempotent
					? {
							headers: {
								'Idempotent-Replayed': {
									description:
										'`true` når svaret er det første svaret på en tidligere forespørsel med samme Idempotency-Key.',
									schema: { type: 'string', enum: ['true'] }
								}
							}
						}
					: {}),
				content: { 'application/json': { schema: schema(op.response, 'output') } }
			},
			...Object.fromEntries(errors.map((s) => [String(s), errorResponse(s)]))
		}
	};
}

/** The whole document; `origin` is where this app answers (the server's address). */
export function openApiDocument(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of API_OPERATIONS) {
		paths[op.path] ??= {};
		paths[op.path]![op.method.toLowerCase()] = operation(op);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Misjonskart API',
			version: API_VERSION,
			description: [
				'Les porteføljen, gevinstene og etterlevelsen av årshjulene, registrer realiserte verdier og signer forekomster fra et annet system.',
				`Send et personlig API-token fra Min konto som «Authorization: Bearer mk_…». Et token varer høyst ${MAX_TOKEN_DAYS} dager og har omfang «read» eller «write»; det gir den samme tilgangen som eieren har i sidene.`,
				`Hvert token kan gjøre ${API_RATE.limit} forespørsler i minuttet; deretter 429 med Retry-After.`,
				'En skriving (POST) kan sendes med headeren Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): gjentas den med samme nøkkel, svares det første svaret, og ingenting skrives to ganger.',
				'Feil svares som { "error": { "code", "message" } } med melding på norsk.'
			].join('\n\n')
		},
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		paths,
		components: {
			securitySchemes: {
				bearer: {
					type: 'http',
					scheme: 'bearer',
					description: 'Personlig API-token (mk_…), laget på Min konto.'
				}
			},
			schemas: { Error: schema(errorResponseSchema, 'output') }
		}
	};
}
