/**
 * Tilsyn writes (kommuneloven § 25-2: the results of statlig tilsyn are reported yearly):
 * record and edit an inspection, add findings, set a finding's status.
 */
import { error } from '@sveltejs/kit';
import type { SessionUser } from '../../auth/session';
import {
	addFinding,
	createTilsyn,
	getTilsyn,
	setFindingStatus,
	updateTilsyn
} from '../../db/queries/tilsyn';
import { invalid, refused } from '../../result';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { withVersion } from '$lib/schemas/version';
import { findingSchema, findingStatusSchema, tilsynSchema } from '$lib/schemas/control';
import { tilsynValues } from '$lib/control/form-values';
import { assertMayFollowUpTilsyn } from '../access';
import { CONTROL_MESSAGES, CONTROL_SUCCESS } from '../messages';
import { m as msg } from '$lib/paraglide/messages';

const refuse = (reason: string, values: FormValues, action: string) =>
	refused(CONTROL_MESSAGES, reason, values, { action });

export function recordTilsyn(user: SessionUser, formData: FormData, now: Date) {
	const action = 'create';
	const form = parseForm(tilsynSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = createTilsyn(form.data, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { ok: true as const, id: result.value };
}

const editSchema = withVersion(tilsynSchema);

export function saveTilsyn(user: SessionUser, tilsynId: number, formData: FormData, now: Date) {
	const action = 'update';
	const form = parseForm(editSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const { version, ...input } = form.data;
	const result = updateTilsyn(tilsynId, input, version, user.id, now);
	if (result.ok) return { action, success: CONTROL_SUCCESS.tilsynSaved };
	if (result.reason === 'conflict') {
		const fresh = getTilsyn(tilsynId);
		return refuse('conflict', fresh ? tilsynValues(fresh, fresh.unitIds) : form.values, action);
	}
	return refuse(result.reason, form.values, action);
}

export function addTilsynFinding(
	user: SessionUser,
	tilsynId: number,
	formData: FormData,
	now: Date
) {
	const action = 'addFinding';
	const form = parseForm(findingSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = addFinding(tilsynId, form.data, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { action, success: CONTROL_SUCCESS.findingAdded };
}

/** A finding's status: admins, and leaders of the units the tilsyn covered. */
export function setTilsynFindingStatus(
	user: SessionUser,
	tilsynId: number,
	formData: FormData,
	now: Date
) {
	const action = 'findingStatus';
	const tilsyn = getTilsyn(tilsynId);
	if (!tilsyn) error(404, msg.control_tilsyn_not_found());
	assertMayFollowUpTilsyn(user, tilsyn.unitIds);
	const form = parseForm(findingStatusSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = setFindingStatus(tilsynId, form.data.findingId, form.data.status, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, action);
	return { action, success: CONTROL_SUCCESS.findingStatus };
}
