import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canEditWheel, isAdmin, requireUser } from '$lib/server/auth/guards';
import { loadWheel, requireWheelEditor } from '$lib/server/wheel/access';
import {
	archiveWheelTask,
	assignWheel,
	createWheelTask,
	getWheel,
	getWheelTask,
	listWheelAssignments,
	listWheelTasks,
	unassignWheel,
	updateWheel,
	updateWheelTask
} from '$lib/server/db/queries/wheel';
import { listUnits } from '$lib/server/db/queries/units';
import { parseForm } from '$lib/schemas/form';
import { taskSchema, wheelAssignmentSchema, wheelSchema } from '$lib/schemas/wheel';
import { withVersion } from '$lib/schemas/version';
import { taskValues, wheelValues } from '$lib/wheel/form-values';
import { invalid, refuse } from '$lib/server/write-errors';
import { buildUnitTree, descendantIds, flattenUnitTree } from '$lib/domain/units';
import { taskSchedule } from '$lib/domain/wheel-occurrences';
import { z } from 'zod';
import { readForm } from '$lib/server/read-form';

/** A unit leader may give the wheel to the owner unit and the units below it; admins to any. */
function assignableUnits(admin: boolean, ownerUnitId: number) {
	const units = listUnits().filter((u) => !u.archivedAt);
	const below = descendantIds(units, ownerUnitId);
	return flattenUnitTree(buildUnitTree(units)).filter((u) => admin || below.has(u.id));
}

const taskIdSchema = z.object({
	taskId: z.coerce.number({ error: 'Mangler oppgave' }).int().positive()
});
const editWheelSchema = withVersion(wheelSchema);
const editTaskSchema = withVersion(taskSchema);
const assignmentIdSchema = z.object({
	assignmentId: z.coerce.number({ error: 'Mangler tildeling' }).int().positive()
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const wheel = loadWheel(event);
	const canEdit = canEditWheel(user, wheel.ownerUnitId);
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
			return {
				...t,
				schedule,
				archived: t.archivedAt !== null,
				values: taskValues(t, schedule)
			};
		}),
		assignments: listWheelAssignments(wheel.id),
		unitOptions: (canEdit ? assignableUnits(isAdmin(user), wheel.ownerUnitId) : []).map((u) => ({
			value: String(u.id),
			label: `${'– '.repeat(u.depth)}${u.name}`
		})),
		ownerOptions: flattenUnitTree(buildUnitTree(listUnits().filter((u) => !u.archivedAt)))
			.filter((u) => isAdmin(user) || canEditWheel(user, u.id))
			.map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${u.name}` }))
	};
};

export const actions: Actions = {
	updateWheel: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const form = parseForm(editWheelSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'updateWheel');
		// Handing the wheel to a unit one does not lead would lock oneself out of it.
		if (!canEditWheel(user, form.data.ownerUnitId)) {
			return invalid(
				form.values,
				{ ownerUnitId: 'Du kan bare velge en enhet du leder.' },
				'updateWheel'
			);
		}
		const result = updateWheel(wheel.id, form.data, user.id, event.locals.now);
		if (result.ok) return { action: 'updateWheel', success: 'Årshjulet er lagret.' };
		if (result.reason === 'conflict') {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = getWheel(wheel.id);
			return refuse('conflict', fresh ? wheelValues(fresh) : form.values, '_form', 'updateWheel');
		}
		return invalid(form.values, { ownerUnitId: 'Enheten finnes ikke.' }, 'updateWheel');
	},
	addTask: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const form = parseForm(taskSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addTask');
		createWheelTask(wheel.id, form.data, user.id, event.locals.now);
		return { action: 'addTask', success: `Oppgaven «${form.data.title}» er lagt til.` };
	},
	updateTask: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const formData = await readForm(event);
		const id = parseForm(taskIdSchema, formData);
		const task = id.ok ? getWheelTask(id.data.taskId) : undefined;
		if (!task || task.wheelId !== wheel.id) error(404, 'Fant ikke oppgaven.');
		const form = parseForm(editTaskSchema, formData);
		if (!form.ok) return invalid(form.values, form.errors, 'updateTask');
		const result = updateWheelTask(task.id, form.data, user.id, event.locals.now);
		if (!result.ok && result.reason === 'conflict') {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = getWheelTask(task.id);
			const values = fresh ? taskValues(fresh, taskSchedule(fresh)) : form.values;
			return refuse('conflict', values, '_form', 'updateTask');
		}
		if (!result.ok) {
			return invalid(
				form.values,
				{ _form: 'Oppgaven er arkivert og kan ikke endres.' },
				'updateTask'
			);
		}
		return {
			action: 'updateTask',
			success: `Oppgaven «${form.data.title}» er lagret. Signerte forekomster er uendret.`
		};
	},
	archiveTask: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const id = parseForm(taskIdSchema, await readForm(event));
		const task = id.ok ? getWheelTask(id.data.taskId) : undefined;
		if (!task || task.wheelId !== wheel.id) error(404, 'Fant ikke oppgaven.');
		archiveWheelTask(task.id, user.id, event.locals.now);
		return { action: 'archiveTask', success: `Oppgaven «${task.title}» er arkivert.` };
	},
	assign: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const form = parseForm(wheelAssignmentSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'assign');
		if (!assignableUnits(isAdmin(user), wheel.ownerUnitId).some((u) => u.id === form.data.unitId)) {
			return invalid(
				form.values,
				{ unitId: 'Du kan ikke tildele årshjulet denne enheten.' },
				'assign'
			);
		}
		const result = assignWheel(wheel.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			const message =
				result.reason === 'already_assigned'
					? 'Enheten har allerede dette årshjulet.'
					: 'Enheten finnes ikke eller er arkivert.';
			return invalid(form.values, { unitId: message }, 'assign');
		}
		return { action: 'assign', success: 'Årshjulet er tildelt enheten.' };
	},
	unassign: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		const form = parseForm(assignmentIdSchema, await readForm(event));
		if (
			!form.ok ||
			!unassignWheel(wheel.id, form.data.assignmentId, user.id, event.locals.now).ok
		) {
			error(404, 'Fant ikke tildelingen.');
		}
		return { action: 'unassign', success: 'Tildelingen er fjernet. Signaturer er beholdt.' };
	}
};
