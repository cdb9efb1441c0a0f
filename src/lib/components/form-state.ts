/**
 * Which form an action's answer belongs to. A page has several forms and one `form` prop: the
 * answer belongs to the form whose action it names (the server puts `action` in every answer,
 * see $lib/server/result.ts), and every other form shows its own values. Where one form stands
 * in every row of a list, `row` names the row too: the posted values a failure carries, or the
 * keys a success answers with, must hold those values.
 */
import type { FieldErrors, FormValues } from '$lib/schemas/form';

export type Failure = { values: FormValues; errors: FieldErrors };

/** The values that name one row of a list, each compared as it was posted (a string). */
export type Row = Readonly<Record<string, string | undefined>>;

const holds = (answer: Record<string, unknown>, row: Row | undefined): boolean =>
	row === undefined || Object.entries(row).every(([key, value]) => answer[key] === value);

/** The posted values and messages when `form` is the failure of `action` (in `row`), else null. */
export function failureFor(form: unknown, action: string | undefined, row?: Row): Failure | null {
	if (typeof form !== 'object' || form === null || !('errors' in form)) return null;
	const answer = form as { action?: string; values?: FormValues; errors?: FieldErrors };
	if (answer.action !== action || !answer.errors) return null;
	const values = answer.values ?? {};
	return holds(values, row) ? { values, errors: answer.errors } : null;
}

/** The success message of `action` (in `row`), if `form` is its answer. */
export function successFor(
	form: unknown,
	action: string | undefined,
	row?: Row
): string | undefined {
	const success = anySuccess(form);
	const answer = form as Record<string, unknown>;
	return success !== undefined && answer.action === action && holds(answer, row)
		? success
		: undefined;
}

/**
 * The success message of whichever action answered: for the one notice atop a page that
 * speaks for all of the page's forms.
 */
export function anySuccess(form: unknown): string | undefined {
	if (typeof form !== 'object' || form === null || !('success' in form)) return undefined;
	return typeof form.success === 'string' ? form.success : undefined;
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
