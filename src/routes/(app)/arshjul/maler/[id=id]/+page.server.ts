import type { Actions, PageServerLoad } from './$types';
import { requireWheelEditor, requireWheelReader } from '$lib/server/wheel/access';
import * as wheel from '$lib/server/wheel/actions';
import { templatePage } from '$lib/server/wheel/views/templates';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const ctx = requireWheelReader(event);
	return templatePage(ctx);
};

export const actions: Actions = {
	updateWheel: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.saveWheel(ctx, await readForm(event), event.locals.now);
	},
	addTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.addTask(ctx, await readForm(event), event.locals.now);
	},
	updateTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.saveTask(ctx, await readForm(event), event.locals.now);
	},
	archiveTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.archiveTask(ctx, await readForm(event), event.locals.now);
	},
	assign: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.assignUnit(ctx, await readForm(event), event.locals.now);
	},
	unassign: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.unassignUnit(ctx, await readForm(event), event.locals.now);
	}
};
