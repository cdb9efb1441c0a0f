/**
 * Which form a failed action answers. A page has several forms and one `form` prop: the
 * failure belongs to the form whose action it names (the server puts `action` in every
 * answer, see $lib/server/result.ts), and every other form shows its own values.
 */
import type { FieldErrors, FormValues } from '$lib/schemas/form';

export type Failure = { values: FormValues; errors: FieldErrors };

/** The posted values and messages when `form` is the failure of `action`, else null. */
export function failureFor(form: unknown, action: string | undefined): Failure | null {
	if (typeof form !== 'object' || form === null || !('errors' in form)) return null;
	const answer = form as { action?: string; values?: FormValues; errors?: FieldErrors };
	if (answer.action !== action || !answer.errors) return null;
	return { values: answer.values ?? {}, errors: answer.errors };
}

/** The success message of `action`, if `form` is its answer. */
export function successFor(form: unknown, action: string | undefined): string | undefined {
	if (typeof form !== 'object' || form === null || !('success' in form)) return undefined;
	const answer = form as { action?: string; success?: unknown };
	return answer.action === action && typeof answer.success === 'string'
		? answer.success
		: undefined;
}

type Shown = Record<string, string | string[] | null | undefined>;

/**
 * What each field of a form takes from the form's state, to spread on a TextField,
 * TextAreaField or SelectField: its name, the value to show and its message, and an id made
 * unique by `prefix` when a page holds several forms with the same fields (without a prefix,
 * the field's own `field-<name>`). `idName` is for an id that differs from the name.
 */
export function fieldsFor(values: Shown, errors: FieldErrors, prefix?: string) {
	return (name: string, idName: string = name) => ({
		name,
		id: prefix ? `${prefix}-${idName}` : undefined,
		value: values[name],
		error: errors[name]
	});
}
