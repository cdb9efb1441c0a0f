import { fail } from '@sveltejs/kit';
import type { FieldErrors, FormValues } from '$lib/schemas/form';

export type FailBody = { action?: string; values: FormValues; errors: FieldErrors };

/** Bad input: the values come back to the form with a Norwegian message per field. */
export function invalid(values: FormValues, errors: FieldErrors, action?: string, status = 400) {
	// The version is a hidden field: its message must reach the form's own message line.
	const shown = errors.version && !errors._form ? { ...errors, _form: errors.version } : errors;
	const body: FailBody = { action, values, errors: shown };
	return fail(status, body);
}

/** A save over a newer one (lost update); every edit form answers it in these words. */
export const CONFLICT_MESSAGE =
	'Noen andre har lagret endringer mens du redigerte. Skjemaet viser nå de nyeste verdiene; gjør endringene dine på nytt og lagre igjen.';

const MESSAGES: Record<string, string> = {
	conflict: CONFLICT_MESSAGE,
	email_taken: 'Det finnes allerede en bruker med denne e-postadressen.',
	last_admin:
		'Den siste aktive administratoren kan ikke miste administratorrollen eller deaktiveres. Gi en annen bruker administratorrollen først.',
	not_found: 'Fant ikke det du ville endre. Last siden på nytt.',
	exists: 'Brukeren har allerede denne rollen.',
	cycle: 'En enhet kan ikke flyttes inn under seg selv eller en av sine underenheter.',
	parent_missing: 'Den overordnede enheten finnes ikke eller er arkivert.',
	has_children: 'Enheten har aktive underenheter. Arkiver eller flytt dem først.',
	parent_archived: 'Den overordnede enheten er arkivert. Gjenopprett den først.',
	owner_missing: 'Velg en eier som finnes.',
	unit_missing: 'Velg en enhet som finnes og ikke er arkivert.',
	estimate_too_large:
		'Summen av linjene blir for stor. Et estimat kan være høyst 10 000 000 timer, eller 1 000 000 000 000 i andre enheter (kroner, antall).',
	reference_missing: 'Noe skjemaet viser til, finnes ikke lenger. Last siden på nytt og prøv igjen.'
};

/** Reasons that are about one field whatever the form: the message goes next to it. */
const REASON_FIELD: Record<string, string> = { owner_missing: 'ownerId', unit_missing: 'unitId' };

export function reasonMessage(reason: string): string {
	return MESSAGES[reason] ?? 'Endringen kunne ikke lagres.';
}

/**
 * A refused write, answered like bad input: 400, the values kept, a Norwegian message. A lost
 * update is 409 with the message on the whole form; pass the row's newer values as `values`.
 */
export function refuse(reason: string, values: FormValues, field = '_form', action?: string) {
	if (reason === 'conflict') return invalid(values, { _form: CONFLICT_MESSAGE }, action, 409);
	return invalid(values, { [REASON_FIELD[reason] ?? field]: reasonMessage(reason) }, action);
}
