/**
 * Linking a ROS risk to the wheel task that controls it (the KS risk-and-control matrix),
 * from the wheel's template page. Linking is editing the wheel: its owner unit's leaders and
 * admins (./access canLinkControls).
 */
import type { SessionUser } from '../../auth/session';
import { linkRiskControl, unlinkRiskControl } from '../../db/queries/risk-control';
import { invalid, refused } from '../../result';
import { parseForm } from '$lib/schemas/form';
import { riskControlSchema } from '$lib/schemas/control';
import { assertMayLinkControls } from '../access';
import { CONTROL_MESSAGES, CONTROL_SUCCESS } from '../messages';

type Wheel = { id: number; ownerUnitId: number };

function change(
	kind: 'link' | 'unlink',
	user: SessionUser,
	wheel: Wheel,
	formData: FormData,
	now: Date
) {
	const action = kind === 'link' ? 'linkRisk' : 'unlinkRisk';
	assertMayLinkControls(user, wheel.ownerUnitId);
	const form = parseForm(riskControlSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const write = kind === 'link' ? linkRiskControl : unlinkRiskControl;
	const result = write({ ...form.data, wheelId: wheel.id }, user.id, now);
	if (!result.ok) {
		return refused(CONTROL_MESSAGES, result.reason, form.values, { action, field: 'riskId' });
	}
	return {
		action,
		taskId: form.data.taskId,
		success: kind === 'link' ? CONTROL_SUCCESS.linked : CONTROL_SUCCESS.unlinked
	};
}

export function linkRisk(user: SessionUser, wheel: Wheel, formData: FormData, now: Date) {
	return change('link', user, wheel, formData, now);
}

export function unlinkRisk(user: SessionUser, wheel: Wheel, formData: FormData, now: Date) {
	return change('unlink', user, wheel, formData, now);
}
