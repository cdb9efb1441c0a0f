/**
 * Reading and answering for the JSON API's handlers (docs/api.md). A write's body is checked
 * against its API schema (`$lib/schemas/api`, built from the form's fields), then handed to the
 * very action the form posts to, as the form data a browser would have sent: one set of rules,
 * one audit row, whichever way the value came in.
 */
import { createHash } from 'node:crypto';
import { error, isActionFailure, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '$lib/schemas/form';
import { m } from '$lib/paraglide/messages';
import { apiError } from './auth/api-request';
import {
	canonicalJson,
	idempotencyKeysExpiredAt,
	readIdempotencyKey
} from '$lib/domain/auth/idempotency';
import {
	recordIdempotentAnswer,
	releaseIdempotencyKey,
	reserveIdempotencyKey
} from './db/queries/api-idempotency';

/** The query string checked against `schema`; an unknown value is answered with 400. */
export function readQuery<S extends z.ZodObject>(url: URL, schema: S): z.output<S> {
	const values = Object.fromEntries(url.searchParams);
	const result = schema.safeParse(values);
	if (!result.success) {
		const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))];
		error(400, m.api_error_bad_parameter({ names: names.map((n) => `«${n}»`).join(', ') }));
	}
	return result.data;
}

type Scalar = string | number | boolean;

/** JSON values as a form would post them: numbers as text, `true` as a ticked box. */
function asFormData(body: Record<string, unknown>): FormData {
	const form = new FormData();
	const add = (key: string, v: Scalar) =>
		form.append(key, typeof v === 'boolean' ? (v ? 'on' : '') : String(v));
	for (const [key, value] of Object.entries(body)) {
		if (value === null || value === undefined) continue;
		if (Array.isArray(value)) for (const v of value as Scalar[]) add(key, v);
		else add(key, value as Scalar);
	}
	return form;
}

/**
 * The most a write's JSON body may hold. One realised value or one sign-off is well under a
 * kilobyte; the server's general limit is sized for attachments (BODY_SIZE_LIMIT) and would
 * have the API parse megabytes it can only refuse.
 */
export const API_BODY_LIMIT = 64 * 1024;

/** The body as text, or null as soon as it passes `limit` bytes (read no further). */
async function readCapped(request: Request, limit: number): Promise<string | null> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) return null;
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** The body as form data for the action, and as the JSON it was (an idempotency key's fingerprint). */
export type ApiBody =
	{ ok: true; form: FormData; json: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body, checked against `schema`, as form data for the shared action: 415
 * for another content type, 400 for a body that is not JSON, 422 with a message per field for
 * one that breaks the schema.
 */
export async function readJsonBody(request: Request, schema: z.ZodObject): Promise<ApiBody> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') {
		return {
			ok: false,
			response: apiError(415, 'unsupported_media_type', m.api_error_unsupported_media_type())
		};
	}
	const text = await readCapped(request, API_BODY_LIMIT);
	if (text === null) {
		return {
			ok: false,
			response: apiError(
				413,
				'too_large',
				m.api_error_body_too_large({ size: API_BODY_LIMIT / 1024 })
			)
		};
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { ok: false, response: apiError(400, 'bad_request', m.api_error_not_json()) };
	}
	const result = schema.safeParse(body, { error: fallbackMessage });
	if (!result.success) {
		const fields = fieldErrors(result.error);
		return { ok: false, response: invalidAnswer(fields) };
	}
	return { ok: true, form: asFormData(body as Record<string, unknown>), json: body };
}

/**
 * A message for an issue the field's own schema left without one (a JSON number where text
 * belongs, say): zod's defaults are always English. The fields' own messages take precedence.
 */
function fallbackMessage(issue: { code?: string; expected?: unknown }): string {
	if (issue.code === 'invalid_type') {
		if (issue.expected === 'string') return m.api_error_type_text();
		if (issue.expected === 'number' || issue.expected === 'int') return m.api_error_type_number();
		return m.api_error_type_wrong();
	}
	if (issue.code === 'too_big') return m.api_error_too_big();
	if (issue.code === 'too_small') return m.api_error_too_small();
	return m.api_error_invalid_value();
}

function invalidAnswer(fields: Record<string, string>): Response {
	const message = fields._form ?? m.api_error_invalid();
	return apiError(422, 'invalid', message, { extra: { fields } });
}

/**
 * A form action's answer as the API's: a success with its message and what the action names
 * as `created` (201), a refusal with the form's messages (422 for bad values, the action's
 * status for 404 and 409).
 */
export function answerWrite(result: unknown): Response {
	if (isActionFailure(result)) {
		const data = result.data as unknown as { errors?: Record<string, string> } | undefined;
		const fields = data?.errors ?? {};
		if (result.status === 400) return invalidAnswer(fields);
		const code =
			result.status === 409 ? 'conflict' : result.status === 404 ? 'not_found' : 'bad_request';
		const message = fields._form ?? Object.values(fields)[0] ?? m.api_error_not_saved();
		return apiError(result.status, code, message, { extra: { fields } });
	}
	const { success, created } = result as { success?: unknown; created?: object };
	const message = typeof success === 'string' ? success : m.api_saved();
	return json({ message, ...created }, { status: 201 });
}

type WriteEvent = Pick<RequestEvent, 'request' | 'url' | 'locals'>;

/**
 * A write sent with an `Idempotency-Key` header (IETF draft-ietf-httpapi-idempotency-key-header)
 * is done once: a repeat with the same key, by the same token to the same address and with the
 * same body, within a day, is answered with the first answer (its status and body, and
 * `Idempotent-Replayed: true`) and writes nothing. The same key with another body is 422; a
 * repeat while the first is still being answered, 409 (the draft's § 2.7). A key that is no key
 * is 400. Without the header the write runs as it always has. Only a success is kept: a request
 * refused (by the guards, the body's checks or the action) wrote nothing and keeps no key, so the
 * client may correct it and send it again under the same key.
 */
export async function answerOnce(
	event: WriteEvent,
	body: { json: unknown },
	write: () => Response | Promise<Response>
): Promise<Response> {
	const header = event.request.headers.get('idempotency-key');
	const grant = event.locals.apiToken;
	if (header === null || !grant) return write();
	const key = readIdempotencyKey(header);
	if (key === null) {
		return apiError(400, 'bad_idempotency_key', m.api_error_idempotency_key_bad());
	}
	const entry = {
		tokenId: grant.tokenId,
		endpoint: `${event.request.method} ${event.url.pathname}`,
		key
	};
	const now = event.locals.now;
	const fingerprint = createHash('sha256').update(canonicalJson(body.json)).digest('hex');
	const reserved = reserveIdempotencyKey(entry, fingerprint, now, idempotencyKeysExpiredAt(now));
	if (reserved.kind === 'mismatch') {
		return apiError(422, 'idempotency_key_reused', m.api_error_idempotency_key_reused({ key }));
	}
	if (reserved.kind === 'in_progress') {
		return apiError(409, 'idempotency_key_in_use', m.api_error_idempotency_key_in_use({ key }), {
			headers: { 'Retry-After': '1' }
		});
	}
	if (reserved.kind === 'replay') {
		return new Response(reserved.body, {
			status: reserved.status,
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Idempotent-Replayed': 'true'
			}
		});
	}
	let answer: Response;
	try {
		answer = await write();
	} catch (e) {
		releaseIdempotencyKey(entry);
		throw e;
	}
	// Only a write that was done is kept: a refusal wrote nothing, so running it again is safe,
	// and the client may correct the request and send it under the same key.
	if (answer.status >= 300) {
		releaseIdempotencyKey(entry);
		return answer;
	}
	const text = await answer.text();
	recordIdempotentAnswer(entry, answer.status, text);
	return new Response(text, { status: answer.status, headers: answer.headers });
}
