/**
 * Sign-off and reopening, shared by «Mine oppgaver» and the occurrence page. The caller has
 * resolved the signed-in user with a guard; this checks the unit (403 otherwise), validates
 * the form and writes.
 */
import { error } from '@sveltejs/kit';
import { canLeadUnit, canReopenSignature } from './auth/guards';
import type { SessionUser } from './auth/session';
import {
	activeSignature,
	reopenOccurrence,
	signOccurrence,
	type OccurrenceKey
} from './db/queries/wheel-occurrences';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { reopenSchema, signOffSchema } from '$lib/schemas/wheel';
import { invalid } from './write-errors';
import { formatDateTime } from '$lib/format';
import { monthName, type Month } from '$lib/domain/schedule';
import { getUserById } from './db/queries/users';

const NOT_FOUND = 'Fant ikke oppgaven for denne enheten og måneden. Last siden på nytt.';

function alreadySigned(key: OccurrenceKey, values: FormValues, action: string) {
	const signature = activeSignature(key);
	const who = signature ? getUserById(signature.signedById)?.name : undefined;
	const message = signature
		? `Oppgaven er allerede signert av ${who ?? 'en annen'} ${formatDateTime(signature.signedAt)}. Signaturen er ikke registrert på nytt.`
		: 'Oppgaven er allerede signert.';
	return invalid(values, { _form: message }, action, 409);
}

function notBegun(period: string): string {
	const [year, month] = period.split('-').map(Number);
	const name = `${monthName(month as Month)} ${year}`;
	return `Oppgaven for ${name} kan ikke signeres før måneden har begynt. Du kan signere fra 1. ${name}.`;
}

export function signFor(
	user: SessionUser,
	key: OccurrenceKey,
	formData: FormData,
	now: Date,
	action = 'sign'
) {
	if (!canLeadUnit(user, key.unitId)) error(403, 'Bare lederen for denne enheten kan signere.');
	const form = parseForm(signOffSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = signOccurrence(key, form.data, user.id, now);
	if (!result.ok) {
		if (result.reason === 'already_signed') return alreadySigned(key, form.values, action);
		if (result.reason === 'not_begun') {
			return invalid(form.values, { _form: notBegun(key.period) }, action, 400);
		}
		return invalid(form.values, { _form: NOT_FOUND }, action, 404);
	}
	return { action, success: 'Oppgaven er signert.', key };
}

export function reopenFor(user: SessionUser, key: OccurrenceKey, formData: FormData, now: Date) {
	const signature = activeSignature(key);
	if (signature && !canReopenSignature(user, signature)) {
		error(403, 'Bare den som signerte, eller en administrator, kan gjenåpne signaturen.');
	}
	const form = parseForm(reopenSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'reopen');
	if (!signature) {
		return invalid(
			form.values,
			{ _form: 'Oppgaven er ikke signert, eller allerede gjenåpnet.' },
			'reopen',
			409
		);
	}
	const result = reopenOccurrence(key, form.data, user.id, now, signature.id);
	if (!result.ok) {
		return invalid(
			form.values,
			{ _form: 'Oppgaven er ikke signert, eller allerede gjenåpnet.' },
			'reopen',
			409
		);
	}
	return { action: 'reopen', success: 'Signaturen er gjenåpnet. Oppgaven kan signeres på nytt.' };
}
