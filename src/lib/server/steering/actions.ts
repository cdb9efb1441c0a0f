/**
 * The steering area's writes: the steering group's meetings, which are a ring in the wheel, in
 * the calendar feeds and on «Mine oppgaver». Each write and its audit row are one transaction
 * (queries/governance.ts).
 */
import { parseForm } from '$lib/schemas/form';
import { deleteMeetingSchema, editMeetingSchema, meetingSchema } from '$lib/schemas/steering';
import { createMeeting, deleteMeeting, getMeeting, updateMeeting } from '../db/queries/governance';
import { meetingValues } from './views/meetings';
import type { SessionUser } from '../auth/session';
import { invalid, refused } from '../result';
import { STEERING_MESSAGES, STEERING_SUCCESS } from './messages';

export function addMeeting(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(meetingSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'create');
	const result = createMeeting(form.data, user.id, now);
	if (!result.ok)
		return refused(STEERING_MESSAGES, result.reason, form.values, { action: 'create' });
	return { action: 'create', success: STEERING_SUCCESS.meetingCreated };
}

export function saveMeeting(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(editMeetingSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'update');
	const { id, ...input } = form.data;
	const result = updateMeeting(id, input, user.id, now);
	if (!result.ok) {
		// A lost update shows the newer values, so the person redoes their change on them.
		const fresh = result.reason === 'conflict' ? getMeeting(id) : undefined;
		return refused(STEERING_MESSAGES, result.reason, fresh ? meetingValues(fresh) : form.values, {
			action: 'update'
		});
	}
	return { action: 'update', success: STEERING_SUCCESS.meetingUpdated };
}

export function removeMeeting(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(deleteMeetingSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'delete');
	const result = deleteMeeting(form.data.id, form.data.version, user.id, now);
	if (!result.ok)
		return refused(STEERING_MESSAGES, result.reason, form.values, { action: 'delete' });
	return { action: 'delete', success: STEERING_SUCCESS.meetingDeleted };
}
