import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type ParsedForm<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Turns FormData into a plain object (repeated keys become arrays) so the same values can be
 * sent back to the form on failure. Passwords are never echoed back.
 */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, raw] of formData.entries()) {
		if (typeof raw !== 'string') continue;
		const existing = values[key];
		if (existing === undefined) values[key] = raw;
		else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
	}
	return values;
}

const SECRET_FIELDS = /password|passord|token/i;

export function echoValues(values: FormValues): FormValues {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k)));
}

/** First message per field, keyed by the dotted path (or `_form` for whole-form issues). */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_form';
		errors[key] ??= issue.message;
	}
	return errors;
}

export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData
): ParsedForm<z.output<S>> {
	const values = formValues(formData);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, values: echoValues(values), errors: fieldErrors(result.error) };
}
