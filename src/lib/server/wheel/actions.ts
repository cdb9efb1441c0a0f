/**
 * The årshjul's writes: templates (wheels, tasks, assignments), sign-off and reopening, and
 * the calendar feed. Each takes what its guard returned, the posted form and the request's
 * time; permission beyond the guard (the unit a form names) is checked in ./access.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '../auth/session';
import { isAdmin } from '../auth/guards';
import { generateToken, hashToken } from '../auth/tokens';
import {
	activeSignature,
	reopenOccurrence,
	signOccurrence,
	type OccurrenceKey
} from '../db/queries/wheel-occurrences';
import {
	archiveWheelTask,
	assignWheel,
	createWheel,
	createWheelTask,
	getWheel,
	getWheelTask,
	unassignWheel,
	updateWheel,
	updateWheelTask
} from '../db/queries/wheel';
import { replaceCalendarFeedToken, revokeCalendarFeedToken } from '../db/queries/wheel-feed';
import { getUserById } from '../db/queries/users';
import { invalid, invalidForm, refused } from '../result';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { idField } from '$lib/schemas/id';
import { withVersion } from '$lib/schemas/version';
import {
	occurrenceKeySchema,
	reopenSchema,
	signOffSchema,
	taskSchema,
	wheelAssignmentSchema,
	wheelSchema
} from '$lib/schemas/wheel';
import { taskValues, wheelValues } from '$lib/wheel/form-values';
import { taskSchedule } from '$lib/domain/wheel/occurrences';
import {
	assertMayOwnWheel,
	assertMayReopen,
	assertMaySign,
	assertTaskOfWheel,
	canEditWheel,
	type WheelEditor
} from './access';
import {
	alreadySignedMessage,
	evidenceMessage,
	notBegunMessage,
	WHEEL_MESSAGES,
	WHEEL_SUCCESS
} from './messages';
import { readEvidenceFiles } from './evidence';
import { assignableUnits } from './units';
import { m as msg } from '$lib/paraglide/messages';

const refuse = (reason: string, values: FormValues, action: string, field = '_form') =>
	refused(WHEEL_MESSAGES, reason, values, { action, field });

const taskIdSchema = z.object({ taskId: idField('Mangler oppgave') });
const assignmentIdSchema = z.object({ assignmentId: idField('Mangler tildeling') });
const editWheelSchema = withVersion(wheelSchema);
const editTaskSchema = withVersion(taskSchema);

export function createWheelFromForm(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(wheelSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'create');
	assertMayOwnWheel(user, form.data.ownerUnitId);
	const result = createWheel(form.data, user.id, now);
	if (!result.ok) return refuse('unit_missing', form.values, 'create', 'ownerUnitId');
	return {
		action: 'create',
		success: WHEEL_SUCCESS.wheelCreated(form.data.name),
		id: result.value
	};
}

export function saveWheel({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const form = parseForm(editWheelSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateWheel');
	// Handing the wheel to a unit one does not lead would lock oneself out of it.
	if (!canEditWheel(user, form.data.ownerUnitId)) {
		return refuse('not_my_unit', form.values, 'updateWheel', 'ownerUnitId');
	}
	const result = updateWheel(wheel.id, form.data, user.id, now);
	if (result.ok) return { action: 'updateWheel', success: WHEEL_SUCCESS.wheelSaved };
	if (result.reason === 'conflict') {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = getWheel(wheel.id);
		return refuse('conflict', fresh ? wheelValues(fresh) : form.values, 'updateWheel');
	}
	return refuse('owner_unit_missing', form.values, 'updateWheel', 'ownerUnitId');
}

export function addTask({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const form = parseForm(taskSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addTask');
	createWheelTask(wheel.id, form.data, user.id, now);
	return { action: 'addTask', success: WHEEL_SUCCESS.taskAdded(form.data.title) };
}

function taskIdOf(formData: FormData): number | undefined {
	const id = parseForm(taskIdSchema, formData);
	return id.ok ? id.data.taskId : undefined;
}

export function saveTask({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const task = assertTaskOfWheel(wheel, taskIdOf(formData));
	const form = parseForm(editTaskSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateTask');
	const result = updateWheelTask(task.id, form.data, user.id, now);
	if (!result.ok && result.reason === 'conflict') {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = getWheelTask(task.id);
		const values = fresh ? taskValues(fresh, taskSchedule(fresh)) : form.values;
		return refuse('conflict', values, 'updateTask');
	}
	if (!result.ok) return refuse('task_archived', form.values, 'updateTask');
	return { action: 'updateTask', success: WHEEL_SUCCESS.taskSaved(form.data.title) };
}

export function archiveTask({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const task = assertTaskOfWheel(wheel, taskIdOf(formData));
	archiveWheelTask(task.id, user.id, now);
	return { action: 'archiveTask', success: WHEEL_SUCCESS.taskArchived(task.title) };
}

export function assignUnit({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const form = parseForm(wheelAssignmentSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'assign');
	const allowed = assignableUnits(isAdmin(user), wheel.ownerUnitId);
	if (!allowed.some((u) => u.id === form.data.unitId)) {
		return refuse('not_assignable', form.values, 'assign', 'unitId');
	}
	const result = assignWheel(wheel.id, form.data, user.id, now);
	if (!result.ok) {
		const reason = result.reason === 'already_assigned' ? result.reason : 'unit_missing';
		return refuse(reason, form.values, 'assign', 'unitId');
	}
	return { action: 'assign', success: WHEEL_SUCCESS.assigned };
}

export function unassignUnit({ user, wheel }: WheelEditor, formData: FormData, now: Date) {
	const form = parseForm(assignmentIdSchema, formData);
	if (!form.ok || !unassignWheel(wheel.id, form.data.assignmentId, user.id, now).ok) {
		error(404, msg.wheel_err_assignment_missing());
	}
	return { action: 'unassign', success: WHEEL_SUCCESS.unassigned };
}

/**
 * Signs the occurrence `key` for its unit; only the unit's leader (or an admin) may. Evidence
 * files come with the form: one refused file refuses the sign-off (400, the other values
 * kept), as the signature and its evidence are one record.
 */
export async function sign(
	user: SessionUser,
	key: OccurrenceKey,
	formData: FormData,
	now: Date,
	action = 'sign'
) {
	assertMaySign(user, key.unitId);
	const form = parseForm(signOffSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const evidence = await readEvidenceFiles(formData);
	if (!evidence.ok) {
		const message = evidenceMessage(evidence.reason, evidence.fileName);
		const status = evidence.reason === 'evidence_too_large' ? 413 : 400;
		return invalid(form.values, { evidence: message }, action, status);
	}
	const result = signOccurrence(key, form.data, user.id, now, evidence.files);
	if (result.ok) return { action, success: WHEEL_SUCCESS.signed, key };
	if (result.reason === 'already_signed') {
		const signature = activeSignature(key);
		const name = signature ? getUserById(signature.signedById)?.name : undefined;
		const message = alreadySignedMessage(signature && { name, signedAt: signature.signedAt });
		return invalidForm(form.values, message, action, 409);
	}
	if (result.reason === 'not_begun') {
		return invalidForm(form.values, notBegunMessage(key.period), action);
	}
	return invalidForm(form.values, WHEEL_MESSAGES.messages.occurrence_missing!, action, 404);
}

/** «Mine oppgaver» posts the occurrence's key with the sign-off. */
export function signFromList(user: SessionUser, formData: FormData, now: Date) {
	const key = parseForm(occurrenceKeySchema, formData);
	if (!key.ok) return invalid(key.values, key.errors, 'sign');
	return sign(user, key.data, formData, now);
}

export function reopen(user: SessionUser, key: OccurrenceKey, formData: FormData, now: Date) {
	const signature = activeSignature(key);
	if (signature) assertMayReopen(user, signature);
	const form = parseForm(reopenSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'reopen');
	const result = signature
		? reopenOccurrence(key, form.data, user.id, now, signature.id)
		: { ok: false as const, reason: 'not_signed' };
	if (!result.ok) {
		return invalidForm(form.values, WHEEL_MESSAGES.messages.not_signed!, 'reopen', 409);
	}
	return { action: 'reopen', success: WHEEL_SUCCESS.reopened };
}

/** A new secret feed address; shown once, as only its hash is stored. */
export function createFeed(user: SessionUser, origin: string, now: Date) {
	const token = generateToken();
	replaceCalendarFeedToken(user.id, hashToken(token), now);
	return { action: 'create', feedUrl: `${origin}/kalender/${token}.ics` };
}

export function revokeFeed(user: SessionUser, now: Date) {
	revokeCalendarFeedToken(user.id, now);
	return { action: 'revoke', success: WHEEL_SUCCESS.feedRevoked };
}
