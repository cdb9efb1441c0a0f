/**
 * Deviation writes (kommuneloven § 25-1 c: «følge opp avvik»): record on an occurrence or
 * outside the wheel, edit, close with a note on what was done, reopen with a reason. Each takes
 * what its guard returned, the posted form and the request's time.
 */
import { z } from 'zod';
import type { SessionUser } from '../../auth/session';
import {
	closeDeviation,
	createDeviation,
	getDeviation,
	reopenDeviation,
	updateDeviation
} from '../../db/queries/deviations';
import { findOccurrence } from '../../db/queries/wheel-occurrences';
import { invalid, refused } from '../../result';
import { periodHasBegun } from '$lib/domain/wheel/schedule';
import { deadlineBeforeFound } from '$lib/domain/control/deviations';
import { osloDay } from '$lib/format';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { withVersion } from '$lib/schemas/version';
import {
	closeDeviationSchema,
	deviationSchema,
	newDeviationSchema,
	reopenDeviationSchema
} from '$lib/schemas/control';
import { deviationValues } from '$lib/control/form-values';
import { assertMayWriteForUnit, type DeviationAccess } from '../access';
import { CONTROL_MESSAGES, CONTROL_SUCCESS } from '../messages';

const refuse = (reason: string, values: FormValues, action: string) =>
	refused(CONTROL_MESSAGES, reason, values, { action });

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A deviation found in a control: on the occurrence `key`, with or without a signature. */
export function recordOnOccurrence(
	user: SessionUser,
	key: { taskId: number; unitId: number; period: string },
	formData: FormData,
	now: Date
) {
	const action = 'recordDeviation';
	assertMayWriteForUnit(user, key.unitId);
	const form = parseForm(deviationSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	// The occurrence must be one the unit has (as its page shows it), and its month begun: a
	// control not yet due cannot have found anything.
	if (!PERIOD.test(key.period) || !findOccurrence(key, now)) {
		return refuse('occurrence_missing', form.values, action);
	}
	if (!periodHasBegun(key.period, now)) return refuse('not_begun', form.values, action);
	if (deadlineBeforeFound(form.data.deadline, osloDay(now))) {
		return refuse('deadline_before_found', form.values, action);
	}
	const result = createDeviation(
		{
			...form.data,
			unitId: key.unitId,
			source: 'control',
			taskId: key.taskId,
			period: key.period,
			findingId: null,
			foundOn: osloDay(now)
		},
		user.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { action, success: CONTROL_SUCCESS.recorded, id: result.value };
}

/** A deviation from an incident, or from a tilsyn's finding (`findingId`). */
export function recordDeviation(user: SessionUser, formData: FormData, now: Date) {
	const action = 'create';
	const form = parseForm(newDeviationSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	assertMayWriteForUnit(user, form.data.unitId);
	if (deadlineBeforeFound(form.data.deadline, osloDay(now))) {
		return refuse('deadline_before_found', form.values, action);
	}
	const { unitId, findingId, ...fields } = form.data;
	const result = createDeviation(
		{
			...fields,
			unitId,
			findingId,
			source: findingId === null ? 'incident' : 'tilsyn',
			taskId: null,
			period: null,
			foundOn: osloDay(now)
		},
		user.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { ok: true as const, id: result.value };
}

const editSchema = withVersion(deviationSchema);
const closeSchema = z.intersection(closeDeviationSchema, withVersion(z.object({})));
const reopenSchema = z.intersection(reopenDeviationSchema, withVersion(z.object({})));

/** The newer values after a lost update, so the form shows what is now saved. */
function freshValues(id: number, posted: FormValues): FormValues {
	const fresh = getDeviation(id);
	return fresh ? deviationValues(fresh) : posted;
}

export function saveDeviation({ user, deviation }: DeviationAccess, formData: FormData, now: Date) {
	const action = 'update';
	const form = parseForm(editSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const { version, ...input } = form.data;
	if (deadlineBeforeFound(input.deadline, deviation.foundOn)) {
		return refuse('deadline_before_found', form.values, action);
	}
	const result = updateDeviation(deviation.id, input, version, user.id, now);
	if (result.ok) return { action, success: CONTROL_SUCCESS.saved };
	if (result.reason === 'conflict') {
		return refuse('conflict', freshValues(deviation.id, form.values), action);
	}
	return refuse(result.reason, form.values, action);
}

export function closeDeviationFromForm(
	{ user, deviation }: DeviationAccess,
	formData: FormData,
	now: Date
) {
	const action = 'close';
	const form = parseForm(closeSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = closeDeviation(
		deviation.id,
		form.data.closingNote,
		form.data.version,
		user.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { action, success: CONTROL_SUCCESS.closed };
}

export function reopenDeviationFromForm(
	{ user, deviation }: DeviationAccess,
	formData: FormData,
	now: Date
) {
	const action = 'reopen';
	const form = parseForm(reopenSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = reopenDeviation(deviation.id, form.data.reason, form.data.version, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { action, success: CONTROL_SUCCESS.reopened };
}
