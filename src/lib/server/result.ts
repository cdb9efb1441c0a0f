/**
 * One way to answer a form. A write answers a `WriteResult`: a value, or a reason code such as
 * `conflict` or `owner_missing` (never UI text). An action answers bad input with `invalid()`
 * and a refused write with `refused()`: 400 with the posted values and a Norwegian message per
 * field, so the form comes back filled in (SvelteKit docs, "Form actions → Validation errors");
 * a lost update is 409 (RFC 9110 §15.5.10) with the newer values. Each area keeps its messages,
 * keyed by reason code, in its own `messages.ts`.
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors, FormValues } from '$lib/schemas/form';

export type WriteResult<T = void> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The row version an edit form was loaded with. A write given a version the row no longer has
 * writes nothing and answers `conflict` (a lost update), so no save silently undoes another.
 */
export type Versioned = { version: number };

export type FailBody = { action?: string; values: FormValues; errors: FieldErrors };

/** An area's messages: the text per reason code, and the field a reason always belongs to. */
export interface MessageBook {
	messages: Readonly<Record<string, string>>;
	/** Reasons that are about one field whatever the form: the message goes next to it. */
	fields?: Readonly<Record<string, string>>;
}

// The shared messages are read when an answer is made: in the request's language
// (messages/*.json, `form_*`).

/** A save over a newer one (lost update); every edit form answers it in these words. */
export const conflictMessage = (): string => m.form_conflict();

/** Reasons every area answers alike. */
export const COMMON_MESSAGES: Readonly<Record<string, string>> = {
	get conflict() {
		return conflictMessage();
	},
	get not_found() {
		return m.form_not_found();
	},
	get owner_missing() {
		return m.form_owner_missing();
	},
	get reference_missing() {
		return m.form_reference_missing();
	}
};

/** The book's message for a reason, else the common one, else a general one. */
export function messageFor(book: MessageBook, reason: string): string {
	return book.messages[reason] ?? COMMON_MESSAGES[reason] ?? m.form_not_saved();
}

/** Bad input: the values come back to the form with a Norwegian message per field. */
export function invalid(values: FormValues, errors: FieldErrors, action?: string, status = 400) {
	// The version is a hidden field: its message must reach the form's own message line.
	const shown = errors.version && !errors._form ? { ...errors, _form: errors.version } : errors;
	const body: FailBody = { action, values, errors: shown };
	return fail(status, body);
}

/** Bad input with one message for the whole form. */
export function invalidForm(values: FormValues, message: string, action?: string, status = 400) {
	return invalid(values, { _form: message }, action, status);
}

/**
 * A refused write, answered like bad input: 400, the values kept, the book's message on
 * `field` (or on the field the reason belongs to). A lost update is 409 with the message on the
 * whole form; pass the row's newer values as `values`.
 */
export function refused(
	book: MessageBook,
	reason: string,
	values: FormValues,
	opts: { action?: string; field?: string } = {}
) {
	const message = messageFor(book, reason);
	if (reason === 'conflict') return invalid(values, { _form: message }, opts.action, 409);
	const field = book.fields?.[reason] ?? opts.field ?? '_form';
	return invalid(values, { [field]: message }, opts.action);
}
