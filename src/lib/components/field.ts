/** What the form field components share: the value they show and what describes them. */

/** The value a field shows: the first of several posted under its name, '' for none. */
export function firstValue(value: string | string[] | null | undefined): string {
	return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/**
 * The ids of a field's hint and error for `aria-describedby`, so a screen reader reads them
 * with the field (WCAG 2.1 1.3.1, 3.3.1); undefined when it has neither.
 */
export function describedBy(fieldId: string, hint?: string, error?: string): string | undefined {
	const ids = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null];
	return ids.filter(Boolean).join(' ') || undefined;
}

/** The props every labelled form field takes besides its element's own attributes. */
export type FieldProps = {
	name: string;
	label: string;
	/** As posted: a field sent twice shows the first. */
	value?: string | string[] | null;
	error?: string;
	hint?: string;
};
