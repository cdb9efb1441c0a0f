/**
 * The owner's attestation and a validator's confirmation of a period's realised value, and the
 * forecast (DOMAIN.md «Benefit governance»). Each takes what its guard returned, the posted form
 * and the request's time, and answers the form; the write checks the rules again in its
 * transaction, so a post past the page is refused too.
 */
import { z } from 'zod';
import { confirmRealisation, setForecast } from '../../db/queries/benefits-attestation';
import { invalid, refused } from '../../result';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { idField } from '$lib/schemas/id';
import { plannedPeriodSchema } from '$lib/schemas/benefits';
import type { ConfirmationKind } from '$lib/domain/benefits/vocabulary';
import { osloDay } from '$lib/format';
import { forecastProblem } from '$lib/domain/benefits/value-rules';
import type { BenefitAccess } from '../access';
import {
	ATTESTATION_MESSAGES as BOOK,
	ATTESTATION_SUCCESS as DONE,
	futureMonth
} from '../messages';
import { confirmationStatement } from '$lib/domain/benefits/attestation';
import { periodLabel } from '$lib/labels-benefits';

const confirmSchema = z.object({
	realisationId: idField('Ugyldig registrering'),
	period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ugyldig måned')
});

function confirm(kind: ConfirmationKind, access: BenefitAccess, formData: FormData, now: Date) {
	const action = kind === 'attest' ? 'attest' : 'validate';
	const form = parseForm(confirmSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	// Nobody can vouch for a month that has not begun (Oslo time); see `realise`.
	if (form.data.period > osloDay(now).slice(0, 7)) {
		return invalid(form.values, { _form: futureMonth() }, action);
	}
	const result = confirmRealisation(
		access.benefit.id,
		{
			realisationId: form.data.realisationId,
			kind,
			period: form.data.period,
			statement: confirmationStatement(kind, form.data.period)
		},
		access.user.id,
		now
	);
	if (!result.ok) return refused(BOOK, result.reason, form.values, { action });
	const words = periodLabel(form.data.period);
	return { action, success: kind === 'attest' ? DONE.attested(words) : DONE.validated(words) };
}

export const attest = (access: BenefitAccess, formData: FormData, now: Date) =>
	confirm('attest', access, formData, now);

export const validate = (access: BenefitAccess, formData: FormData, now: Date) =>
	confirm('validate', access, formData, now);

/** A forecast is for the current month or later (Oslo time), and not after the target month. */
export function forecast({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(plannedPeriodSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'forecast');
	const current = osloDay(now).slice(0, 7);
	const fail = (message: string, values: FormValues) =>
		invalid(values, { period: message }, 'forecast');
	if (form.data.period < current)
		return fail('Prognosen gjelder denne måneden eller senere', form.values);
	if (benefit.targetDate && form.data.period > benefit.targetDate.slice(0, 7)) {
		return fail('Prognosen kan ikke gå forbi måldatoen', form.values);
	}
	const problem = forecastProblem({
		direction: benefit.direction,
		unit: benefit.unit,
		value: form.data.value
	});
	if (problem) return invalid(form.values, { value: problem }, 'forecast');
	setForecast(benefit.id, form.data, user.id, now);
	return { action: 'forecast', success: DONE.forecast(periodLabel(form.data.period)) };
}
