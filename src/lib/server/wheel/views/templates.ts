/** The wheel templates (/arshjul/maler): the list, and one wheel with its tasks and units. */
import { isAdmin } from '../../auth/guards';
import type { SessionUser } from '../../auth/session';
import {
	listWheelAssignments,
	listWheels,
	listWheelTasks,
	type WheelRow
} from '../../db/queries/wheel';
import { canEditWheel } from '../access';
import { assignableUnits, ownerOptions } from '../units';
import { unitOption } from '$lib/domain/org/units';
import { taskSchedule } from '$lib/domain/wheel/occurrences';
import { taskValues, wheelValues } from '$lib/wheel/form-values';

export function templatesPage(user: SessionUser) {
	return {
		wheels: listWheels().map((w) => ({ ...w, canEdit: canEditWheel(user, w.ownerUnitId) })),
		ownerOptions: ownerOptions(user)
	};
}

export function templatePage(ctx: { user: SessionUser; wheel: WheelRow; canEdit: boolean }) {
	const { user, wheel, canEdit } = ctx;
	return {
		wheel: {
			id: wheel.id,
			name: wheel.name,
			description: wheel.description,
			ownerUnitId: wheel.ownerUnitId
		},
		values: wheelValues(wheel),
		canEdit,
		tasks: listWheelTasks(wheel.id).map((t) => {
			const schedule = taskSchedule(t);
			return { ...t, schedule, archived: t.archivedAt !== null, values: taskValues(t, schedule) };
		}),
		assignments: listWheelAssignments(wheel.id),
		unitOptions: (canEdit ? assignableUnits(isAdmin(user), wheel.ownerUnitId) : []).map(unitOption),
		ownerOptions: ownerOptions(user)
	};
}
