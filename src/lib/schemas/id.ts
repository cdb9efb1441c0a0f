/**
 * Row ids as they arrive in forms and addresses. Database ids are positive integers of at most
 * ten digits (SQLite rowids start at 1); the route matcher in src/params/id.ts uses the same
 * pattern, so a form field and a path segment accept the same ids.
 */
import { z } from 'zod';

export const ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/**
 * The id in a form field, with `message` when it is missing or not an id; a function is read
 * when the form is parsed (in the request's language).
 */
export function idField(message: string | (() => string)) {
	return z
		.string({ error: message })
		.trim()
		.regex(ID_PATTERN, { error: message })
		.transform(Number);
}

/** An id or nothing: an empty field means "none" (null). */
export function optionalIdField(message: string | (() => string)) {
	return z
		.string()
		.trim()
		.optional()
		.transform((s) => (s ? s : undefined))
		.pipe(idField(message).optional())
		.transform((id) => id ?? null);
}

/** An id from the address (`?prosjekt=3`), or null: a stale or odd link is ignored, not refused. */
export function idParam(value: string | null | undefined): number | null {
	return value && ID_PATTERN.test(value) ? Number(value) : null;
}
