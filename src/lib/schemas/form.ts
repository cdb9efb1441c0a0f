import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type ParsedForm<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Turns FormData into an object (repeated keys become arrays) so the same values can be sent
 * back to the form on failure. Passwords are never echoed back.
 *
 * The object has no prototype: a field named `constructor`, `toString` or `__proto__` is then
 * plain data, never an inherited function or the prototype setter (OWASP Prototype Pollution
 * Prevention Cheat Sheet: "use objects without prototypes", `Object.create(null)`).
 */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = Object.create(null);
	for (const [key, raw] of formData.entries()) {
		if (typeof raw !== 'string') continue;
		const existing = values[key];
		if (existing === undefined) values[key] = raw;
		else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
	}
	return values;
}

const SECRET_FIELDS = /password|passord|token/i;

/**
 * The values to send back to the form: no secrets, and no `__proto__` key, which devalue
 * (SvelteKit's serialiser for action data) refuses to write. No form has such a field.
 */
export function echoValues(values: FormValues): FormValues {
	return Object.fromEntries(
		Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k) && k !== '__proto__')
	);
}

/** First message per field, keyed by the dotted path (or `_form` for whole-form issues). */
export function fieldErrors(error: z.ZodError): FieldErrors {
	// A Map, so a path such as `constructor` never meets Object.prototype (see formValues).
	const errors = new Map<string, string>();
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_form';
		if (!errors.has(key)) errors.set(key, issue.message);
	}
	return Object.fromEntries(errors);
}

export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData
): ParsedForm<z.output<S>> {
	const values = formValues(formData);
	const result = schema.safeParse(values);
	// Either way `values` may go back to the browser (a refused write keeps the form filled
	// in), so both carry the echoable values only.
	if (result.success) return { ok: true, data: result.data, values: echoValues(values) };
	return { ok: false, values: echoValues(values), errors: fieldErrors(result.error) };
}
